/** The contract's field catalog and the compiler's field registry name the same fields. */
import { CUSTOMER_RULE_CATALOG, operatorsFor } from '@tenure/contract';
import { SEGMENT_FAMILY_SQL, SEGMENT_FIELD_SQL } from '@tenure/db';
import { expect, it } from 'vitest';

it('every catalog field has SQL, and every SQL field is in the catalog', () => {
  expect(Object.keys(SEGMENT_FIELD_SQL).sort()).toEqual(Object.keys(CUSTOMER_RULE_CATALOG.fields).sort());
  expect(Object.keys(SEGMENT_FAMILY_SQL).sort()).toEqual(CUSTOMER_RULE_CATALOG.families.map((f) => f.prefix).sort());
});

it('every field takes at least one operator, and presence operators only when it can be missing', () => {
  for (const [name, spec] of Object.entries(CUSTOMER_RULE_CATALOG.fields)) {
    const ops = operatorsFor(spec);
    expect({ name, some: ops.length > 0 }).toEqual({ name, some: true });
    expect({ name, presence: ops.includes('exists') }).toEqual({ name, presence: spec.nullable });
  }
});
