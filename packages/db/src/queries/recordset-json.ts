/**
 * Helpers for the one-jsonb-parameter writes (`jsonb_to_recordset`). Dates go in as ISO strings made
 * up front, each distinct instant once: a Date's `toJSON` takes JSON.stringify off its fast path,
 * which made serializing 1,000 events ~6× slower. Null fields are left out of the document (a
 * missing key reads as null), which also keeps it small for PostgreSQL to parse.
 */
export function isoStrings(): (date: Date) => string {
  const seen = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = seen.get(time);
    if (text === undefined) {
      text = date.toISOString();
      seen.set(time, text);
    }
    return text;
  };
}

/** The object with its null and undefined fields left out. */
export function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in fields) {
    const value = fields[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}
