// Aggregates that read the same on both dialects (Postgres returns count and
// sum as strings; SQLite as numbers).
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

export function countAll(): SQL<number> {
  return sql`count(*)`.mapWith(Number);
}

export function sumCents(expression: SQLWrapper): SQL<number> {
  return sql`coalesce(sum(${expression}), 0)`.mapWith(Number);
}

/** "%needle%" with LIKE's wildcards escaped (use with `escape '\\'`). */
export function containsPattern(needle: string): string {
  return "%" + needle.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}

/**
 * `"table"."column"`, whatever statement it sits in. drizzle writes a column without its table in a
 * select from one table, so a correlated subquery that names the outer row's column plainly compares
 * the subquery's table with itself (`"seller_account_id" = "seller_account_id"`: true for every row).
 */
export function qualified(table: string, column: { name: string }): SQL {
  return sql`${sql.identifier(table)}.${sql.identifier(column.name)}`;
}
