/**
 * The keyed customer read's row as one JSON document (`row_to_json`) instead of ~40 columns: `pg`
 * builds a parser table and an empty row object per column for every result (its RowDescription
 * handling, ~30 µs a read at 40 columns), then copies that object per row, before kysely renames
 * every key; a single `json` column costs one `JSON.parse`. The document has the row's own
 * (snake_case) keys and timestamps as PostgreSQL writes them in JSON: `fromCustomerDocument` gives
 * back exactly the row the column-wise read gives (camelCase keys, `Date` timestamps truncated to
 * milliseconds like pg's parser; tested against the list's read of the same customer).
 */
import { CamelCasePlugin } from 'kysely';
import { CAMEL_CASE_OPTIONS } from '../create-db';
import type { CustomerRow } from '../types';

/** The customer row's timestamp columns (the compiler checks the list is complete). */
const TIMESTAMPS = [
  'firstEventAt',
  'lastEventAt',
  'firstSeenAt',
  'acqAt',
  'scoresComputedAt',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const satisfies readonly (keyof CustomerRow)[];

type TimestampKey = { [K in keyof CustomerRow]-?: Date extends CustomerRow[K] ? K : never }[keyof CustomerRow];
// A timestamp column added to the table and missing above fails to compile here.
const complete: Exclude<TimestampKey, (typeof TIMESTAMPS)[number]> extends never ? true : false = true;
void complete;

/** kysely's own key mapping, with the options createDb gives it, so both reads name keys alike. */
class DocumentKeys extends CamelCasePlugin {
  constructor() {
    super(CAMEL_CASE_OPTIONS);
  }

  camelRow(doc: Record<string, unknown>): Record<string, unknown> {
    return this.mapRow(doc);
  }
}

const keys = new DocumentKeys();

/**
 * The row (with any extra columns the query selected, e.g. `scoresCheckedAt`) from its document.
 * `extraTimestamps` names the extra columns that hold timestamps.
 */
export function fromCustomerDocument<R extends CustomerRow>(doc: Record<string, unknown>, extraTimestamps: readonly string[] = []): R {
  const row = keys.camelRow(doc);
  const toDate = (key: string) => {
    const value = row[key];
    if (typeof value === 'string') row[key] = new Date(value);
  };
  TIMESTAMPS.forEach(toDate);
  extraTimestamps.forEach(toDate);
  return row as R;
}
