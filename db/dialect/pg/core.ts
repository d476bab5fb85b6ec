// Column builders for PostgreSQL: the same names as db/dialect/sqlite/core.ts.
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp as pgTimestamp } from "drizzle-orm/pg-core";

export { alias, check, foreignKey, index, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";

export const dialect = "pg" as const;
export const table = pgTable;
export const str = text;
export const int = (name: string) => integer(name);
/** Money in integer minor units (cents): bigint, read as a JS number (exact below 2^53). */
export const cents = (name: string) => bigint(name, { mode: "number" });
export const bool = (name: string) => boolean(name);
/** UTC instant, millisecond precision so both dialects round-trip the same Date. */
export const timestamp = (name: string) => pgTimestamp(name, { withTimezone: true, mode: "date", precision: 3 });
export const json = (name: string) => jsonb(name);

import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** CHECK fragment: the column holds exactly twelve ASCII digits (an account id). */
export const isTwelveDigits = (column: PgColumn): SQL => sql`${column} ~ '^[0-9]{12}$'`;
