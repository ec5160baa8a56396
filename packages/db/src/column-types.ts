/** Column types shared by the table interfaces (camelCase through kysely's CamelCasePlugin). */
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string, string>;
/** A jsonb column with a database default. */
export type JsonDefault<T = unknown> = ColumnType<T, string | undefined, string>;
