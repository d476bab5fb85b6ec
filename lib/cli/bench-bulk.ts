// The anchor for the billing run's write speed (#13): the same rows the run wrote, written again
// by the driver's fastest bulk path into twin tables that carry the same indexes — on SQLite one
// prepared INSERT run for every row inside one transaction (better-sqlite3), on PostgreSQL one
// COPY … FROM STDIN per table (pg-copy-streams). Only the writing is timed; the rows are read out
// first. The twins are dropped afterwards.
//
// Both twins keep the table's foreign keys and triggers, as the real tables do: the billing run
// cannot write without them. (SQLite's twin always had them — its DDL is the table's own; the
// PostgreSQL twin, made with LIKE, had neither until 2026-12-01, and COPY into it was 2.6× as fast
// as COPY into the same table with its five foreign keys. That figure is still printed, as `bareMs`.)
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Client } from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { builtDialect } from "@/db";

export interface BulkResult {
  rows: number;
  ms: number;
  /** PostgreSQL: the same COPY into twins without foreign keys or triggers. */
  bareMs?: number;
  byTable: Record<string, number>;
}

const twin = (table: string) => `bench_raw_${table}`;

export async function rawBulkInsert(url: string, tables: readonly string[]): Promise<BulkResult> {
  return builtDialect === "sqlite" ? sqliteBulk(url, tables) : pgBulk(url, tables);
}

async function sqliteBulk(url: string, tables: readonly string[]): Promise<BulkResult> {
  const Database = (await import("better-sqlite3")).default;
  const conn = new Database(url.replace(/^file:/, ""));
  const byTable: Record<string, number> = {};
  let ms = 0;
  try {
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.pragma("foreign_keys = ON");
    for (const table of tables) {
      // The table's own DDL, its indexes' and its triggers', renamed: the same columns, checks, keys,
      // indexes and guards (a trigger that reads its own table reads the twin).
      const ddl = conn.prepare("select type, name, sql from sqlite_master where tbl_name = ? and sql is not null").all(table) as { type: string; name: string; sql: string }[];
      conn.exec(`drop table if exists ${twin(table)}`);
      for (const d of ddl.sort((a, b) => (a.type === "table" ? -1 : b.type === "table" ? 1 : 0))) {
        let renamed = d.sql.replace(new RegExp(`([\`"]?)\\b${table}\\b\\1`, "g"), (_m, q: string) => `${q}${twin(table)}${q}`);
        if (d.type !== "table") renamed = renamed.replace(new RegExp(`\\b${d.name}\\b`), `${d.name}_raw`);
        conn.exec(renamed);
      }
      const rows = conn.prepare(`select * from ${table}`).raw().all() as unknown[][];
      byTable[table] = rows.length;
      if (!rows.length) {
        conn.exec(`drop table ${twin(table)}`);
        continue;
      }
      const insert = conn.prepare(`insert into ${twin(table)} values (${rows[0]!.map(() => "?").join(", ")})`);
      const started = performance.now();
      conn.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
      ms += performance.now() - started;
      conn.exec(`drop table ${twin(table)}`);
    }
  } finally {
    conn.close();
  }
  return { rows: Object.values(byTable).reduce((a, b) => a + b, 0), ms, byTable };
}

async function pgBulk(url: string, tables: readonly string[]): Promise<BulkResult> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const byTable: Record<string, number> = {};
  let ms = 0;
  let bareMs = 0;
  const copyInto = async (target: string, chunks: Buffer[]) => {
    const started = performance.now();
    await pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${target} from stdin`)));
    return performance.now() - started;
  };
  try {
    for (const table of tables) {
      const chunks: Buffer[] = [];
      await pipeline(client.query(copyTo(`copy ${table} to stdout`)), async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) chunks.push(chunk);
      });
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
      byTable[table] = Number(rows[0]!.n);
      // Columns, defaults, checks and indexes (LIKE … INCLUDING ALL) …
      await client.query(`drop table if exists ${twin(table)}`);
      await client.query(`create table ${twin(table)} (like ${table} including all)`);
      bareMs += await copyInto(twin(table), chunks);
      await client.query(`drop table ${twin(table)}`);
      // … then with the table's foreign keys and triggers too, which LIKE does not copy.
      await client.query(`create table ${twin(table)} (like ${table} including all)`);
      const { rows: extras } = await client.query<{ ddl: string }>(
        `select 'alter table ${twin(table)} add ' || pg_get_constraintdef(oid) as ddl from pg_constraint where conrelid = $1::regclass and contype = 'f'
         union all
         select pg_get_triggerdef(oid) from pg_trigger where tgrelid = $1::regclass and not tgisinternal`,
        [table],
      );
      for (const { ddl } of extras) await client.query(ddl.replace(new RegExp(` ON (public\\.)?${table} `), ` ON ${twin(table)} `));
      ms += await copyInto(twin(table), chunks);
      await client.query(`drop table ${twin(table)}`);
    }
  } finally {
    await client.end();
  }
  return { rows: Object.values(byTable).reduce((a, b) => a + b, 0), ms, bareMs, byTable };
}
