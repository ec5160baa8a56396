import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeIssues, CUSTOMER_ATTRIBUTE_RULES } from './attributes';

const key = fc.stringMatching(/^[A-Za-z0-9_]{1,64}$/);
const scalar = fc.oneof(
  fc.string({ maxLength: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const flat = fc.dictionary(key, scalar, { maxKeys: 5 });
const level1 = fc.dictionary(key, fc.oneof(scalar, fc.array(flat, { maxLength: 3 })), { maxKeys: 5 });
const arrayValue = fc.array(fc.oneof(scalar, level1), { maxLength: 4 });

/** Valid documents: ≤500 keys of which ≤15 hold arrays. */
const validDoc = fc
  .tuple(fc.dictionary(key, scalar, { maxKeys: 40 }), fc.dictionary(key, arrayValue, { maxKeys: 15 }))
  .map(([scalars, arrays]) => {
    const doc: Record<string, unknown> = { ...scalars };
    for (const k of Object.keys(doc)) if (k in arrays) delete doc[k];
    return { ...doc, ...arrays };
  });

const check = (doc: Record<string, unknown>) => attributeIssues(doc, CUSTOMER_ATTRIBUTE_RULES).map((i) => i.path.join('.'));

describe('attribute validator', () => {
  it('accepts random valid documents', () => {
    fc.assert(fc.property(validDoc, (doc) => check(doc).length === 0));
  });

  it('rejects a long string at its path', () => {
    fc.assert(fc.property(validDoc, key, (doc, k) => check({ ...doc, [k]: 'x'.repeat(1001) }).includes(k)));
  });

  it('rejects a plain object value at its path', () => {
    fc.assert(fc.property(validDoc, key, flat, (doc, k, obj) => check({ ...doc, [k]: obj }).includes(k)));
  });

  it('rejects bad key names at every level', () => {
    fc.assert(fc.property(validDoc, (doc) => check({ ...doc, 'bad-key': 1 }).includes('bad-key')));
    expect(check({ list: [{ 'x y': 1 }] })).toEqual(['list.0.x y']);
    expect(check({ list: [{ inner: [{ é: 1 }] }] })).toEqual(['list.0.inner.0.é']);
  });

  it('rejects nesting deeper than one more level of arrays of flat objects', () => {
    expect(check({ list: [{ inner: [{ deeper: [1] }] }] })).toEqual(['list.0.inner.0.deeper']);
    expect(check({ list: [[1, 2]] })).toEqual(['list.0']);
    expect(check({ list: [{ inner: [{ a: 1 }] }] })).toEqual([]);
  });

  it('limits key counts: 500 keys and 15 array-valued keys', () => {
    const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, i]));
    expect(check(many)).toEqual(['']);
    const arrays = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`a${i}`, [i]]));
    expect(check(arrays)).toEqual(['']);
    expect(check(Object.fromEntries(Object.entries(arrays).slice(0, 15)))).toEqual([]);
  });
});
