// Names by id, read apart from the query of the rows that name them. A page of report lines joined
// twelve tables; PostgreSQL spent 40–50 ms of its ~90 ms planning the join order on every request,
// for 25 rows that each look up one name by primary key. The rows' own query now joins only what its
// filter and order need, and each kind of name is one indexed read of the ids on the page.
// Tallies (counts kept by triggers) are read here by key the same way, and counts that stop at a cap.
import { and, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { countAll } from "@/db/sql";
import { accounts, products, tallies } from "@/db/schema";

/** The distinct non-null values of `pick` over `rows`. */
export function idsOf<T>(rows: readonly T[], ...picks: Array<(row: T) => string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const row of rows) {
    for (const pick of picks) {
      const id = pick(row);
      if (id) out.add(id);
    }
  }
  return [...out];
}

/** Account id → name, for the ids given (none read when there are none). */
export async function accountNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Product id → name, for the ids given. */
export async function productNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The value under `id`, or an error naming what is missing (a foreign key makes that a bug, not a state). */
export function named(names: ReadonlyMap<string, string>, id: string, what: string): string {
  const name = names.get(id);
  if (name === undefined) throw new Error(`No ${what} ${id}`);
  return name;
}

/** The tallies (kept by triggers, db/schema.ts) under these keys; a key never counted is 0. */
export async function talliesOf<K extends string>(db: Db, keys: readonly K[]): Promise<Record<K, number>> {
  const rows = await db.select({ key: tallies.key, n: tallies.n }).from(tallies).where(inArray(tallies.key, [...keys]));
  const out = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) out[row.key as K] = row.n;
  return out;
}

/**
 * Every tally whose key starts with `prefix`, read as a range of the keys' index (keys compare byte by
 * byte on both databases: SQLite's default, and the column's "C" collation on PostgreSQL).
 */
export async function talliesUnder(db: Db, prefix: string): Promise<{ key: string; n: number }[]> {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return db.select({ key: tallies.key, n: tallies.n }).from(tallies).where(and(gte(tallies.key, prefix), lt(tallies.key, end)));
}

type CountedTable = Parameters<ReturnType<Db["select"]>["from"]>[0];

/**
 * How many rows of `table` match `where`, counted through its index no further than `cap + 1`: a
 * count that grows with history, read on every request, stops where the page says "cap+" instead.
 */
export async function countUpTo(db: Db, table: CountedTable, where: SQL | undefined, cap: number): Promise<number> {
  const within = db.select({ one: sql`1` }).from(table).where(where).limit(cap + 1).as("within");
  const [row] = await db.select({ n: countAll() }).from(within);
  return row?.n ?? 0;
}
