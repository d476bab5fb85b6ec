// Column builders for SQLite. db/schema.ts is written once against these names;
// db/dialect/pg/core.ts exports the same names for PostgreSQL.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export { alias, check, foreignKey, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";

export const dialect = "sqlite" as const;
export const table = sqliteTable;
export const str = text;
export const int = (name: string) => integer(name, { mode: "number" });
/** Money in integer minor units (cents). SQLite integers are 64-bit. */
export const cents = (name: string) => integer(name, { mode: "number" });
export const bool = (name: string) => integer(name, { mode: "boolean" });
/** UTC instant with millisecond precision (the same precision as the Postgres column). */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
export const json = (name: string) => text(name, { mode: "json" });

import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** CHECK fragment: the column holds exactly twelve ASCII digits (an account id). */
export const isTwelveDigits = (column: SQLiteColumn): SQL =>
  sql`${column} GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'`;
