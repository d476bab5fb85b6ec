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
