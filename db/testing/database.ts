// Real, throw-away databases for integration tests: a temporary SQLite file, or
// a fresh PostgreSQL database on the server named by TEST_PG_URL (default: the
// local server). Nothing is mocked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { dialect as builtDialect, openDatabase, type DatabaseHandle } from "@/db/dialect/client";
import type { DialectName } from "@/lib/env";

/** The dialect these tests were compiled for, widened so tests can branch on it under either build. */
export const dialect = builtDialect as DialectName;

export function adminPgUrl(): string {
  return process.env.TEST_PG_URL ?? `postgres://${os.userInfo().username}@127.0.0.1:5432/postgres`;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string;
  /** Opens another, independent handle on the same database (a second "instance"). */
  reopen(): DatabaseHandle;
  drop(): Promise<void>;
}

/** Creates an empty database (no migrations applied). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `cppo_t_${randomBytes(6).toString("hex")}`;
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cppo-"));
    const url = `file:${path.join(dir, `${name}.db`)}`;
    const handles: DatabaseHandle[] = [];
    const reopen = () => {
      const h = openDatabase(url);
      handles.push(h);
      return h;
    };
    return {
      handle: reopen(),
      url,
      reopen,
      async drop() {
        for (const h of handles) await h.close().catch(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new Client({ connectionString: adminPgUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminPgUrl());
  url.pathname = `/${name}`;
  const handles: DatabaseHandle[] = [];
  const reopen = () => {
    const h = openDatabase(url.toString());
    handles.push(h);
    return h;
  };
  return {
    handle: reopen(),
    url: url.toString(),
    reopen,
    async drop() {
      for (const h of handles) await h.close().catch(() => undefined);
      const client = new Client({ connectionString: adminPgUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Creates a database with every migration applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const test = await createEmptyDatabase();
  await test.handle.migrate();
  return test;
}

/** Runs SQL text on its own connection, in one transaction: for statements the query builder cannot say. */
export async function execRaw(url: string, statements: readonly string[]): Promise<void> {
  if (dialect === "sqlite") {
    const Database = (await import("better-sqlite3")).default;
    const conn = new Database(url.replace(/^file:/, ""));
    try {
      conn.pragma("busy_timeout = 10000");
      conn.transaction(() => statements.forEach((s) => conn.exec(s)))();
    } finally {
      conn.close();
    }
    return;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    for (const s of statements) await client.query(s);
    await client.query("commit");
  } finally {
    await client.end();
  }
}

/** The database's plan for a query, as text (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL). */
export async function explain(url: string, query: { sql: string; params: unknown[] }): Promise<string> {
  if (dialect === "sqlite") {
    const Database = (await import("better-sqlite3")).default;
    const conn = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      const params = query.params.map((p) => (p instanceof Date ? p.getTime() : typeof p === "boolean" ? Number(p) : p));
      return (conn.prepare(`explain query plan ${query.sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");
    } finally {
      conn.close();
    }
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`explain ${query.sql}`, query.params);
    return result.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}

/** The fastest of `runs` executions of one read (ms), on a connection of its own. */
export async function timeRead(url: string, query: { sql: string; params: unknown[] }, runs = 3): Promise<number> {
  let best = Infinity;
  if (dialect === "sqlite") {
    const Database = (await import("better-sqlite3")).default;
    const conn = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      const params = query.params.map((p) => (p instanceof Date ? p.getTime() : typeof p === "boolean" ? Number(p) : p));
      const statement = conn.prepare(query.sql);
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        statement.all(...params);
        best = Math.min(best, performance.now() - started);
      }
    } finally {
      conn.close();
    }
    return best;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await client.query(query.sql, query.params);
      best = Math.min(best, performance.now() - started);
    }
  } finally {
    await client.end();
  }
  return best;
}
