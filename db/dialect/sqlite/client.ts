// SQLite through better-sqlite3, with a transaction of our own.
//
// better-sqlite3's own `transaction` does not await async callbacks: the writes
// before and after an `await` are committed outside any transaction (drizzle
// issues #1472, #2275). So shared code never sees it. Instead:
// - one writer connection, used only inside `db.transaction`, behind a
//   process-wide mutex, opened with BEGIN IMMEDIATE (so a second process waits
//   on the busy timeout instead of failing with SQLITE_BUSY_SNAPSHOT);
// - nested `tx.transaction` calls are SAVEPOINTs;
// - a second, read-only connection for reads outside transactions (WAL lets it
//   read while the writer writes).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getTableConfig, type SQLiteColumn, type SQLiteSelect, type SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "@/db/schema";
import { readJournal } from "@/db/dialect/journal";
import { queryLog } from "@/db/dialect/query-log";
import type { DatabaseHandleOf, ReadSurface, WriteSurface } from "@/db/dialect/types";
import { containsPattern } from "@/db/sql";

export const dialect = "sqlite" as const;

type Drizzle = BetterSQLite3Database<typeof schema>;

export type Tx = Pick<Drizzle, WriteSurface> & {
  /** A savepoint: rolled back alone if `fn` throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
};

export type Db = Pick<Drizzle, ReadSurface> & {
  /** BEGIN IMMEDIATE … COMMIT; ROLLBACK if `fn` throws, even after an await. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
};

export type DatabaseHandle = DatabaseHandleOf<typeof dialect, Db>;

export const migrationsFolder = path.join(process.cwd(), "db", "migrations", "sqlite");

/**
 * Process-wide state, kept on globalThis: a bundler may load this module more
 * than once (Next.js puts server chunks side by side), and every copy must see
 * the same transaction views and locks.
 */
const shared = globalThis as typeof globalThis & {
  __cppoSqlite?: {
    /** Each transaction view's writer connection (through its statement cache), for the bulk path (insertMany). */
    rawConnections: WeakMap<Tx, { writer: Database.Database; state: { open: boolean } }>;
    fileMutexes: Map<string, Mutex>;
  };
};
function sharedState() {
  return (shared.__cppoSqlite ??= { rawConnections: new WeakMap(), fileMutexes: new Map() });
}

/** A FIFO lock for async work: one transaction at a time on the writer connection. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const BUSY_TIMEOUT_MS = 5000;

/**
 * One mutex per database file for the whole process. A lock wait in
 * better-sqlite3 blocks the event loop, so two handles on one file in one
 * process (tests, a CLI beside the server code) must queue here instead of
 * waiting on SQLite's busy timeout while the holder cannot run.
 */
function mutexFor(file: string): Mutex {
  const { fileMutexes } = sharedState();
  let mutex = fileMutexes.get(file);
  if (!mutex) {
    mutex = new Mutex();
    fileMutexes.set(file, mutex);
  }
  return mutex;
}

function configure(connection: Database.Database, readonly: boolean) {
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readonly) {
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = NORMAL");
  }
  connection.pragma("foreign_keys = ON");
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as drizzle sees it (drizzle calls nothing on it but `prepare`): each SQL text is
 * compiled once and its statement kept, the least recently used dropped past
 * STATEMENT_CACHE_SIZE. drizzle prepares every query it runs; compiling was ~2% of a page's CPU
 * under load at size (profile of /vendor/invitations), spent again on every request for the same
 * few dozen statements. A kept statement is handed out in its default mode: drizzle switches it to
 * raw rows for its own reads (`stmt.raw().all()`) and expects objects otherwise. A statement is
 * used synchronously between this call and its result, so no two callers share one at a time.
 */
export function cachingStatements(connection: Database.Database, capacity = STATEMENT_CACHE_SIZE): Database.Database {
  const kept = new Map<string, Database.Statement>();
  const client = {
    prepare(source: string) {
      let statement = kept.get(source);
      if (statement) {
        kept.delete(source); // to the most recently used end
      } else {
        statement = connection.prepare(source);
        if (kept.size >= capacity) kept.delete(kept.keys().next().value!);
      }
      kept.set(source, statement);
      if (statement.reader) statement.raw(false);
      return statement;
    },
  };
  return client as unknown as Database.Database;
}

/** Accepts a file path, `file:` URL or `:memory:`-free path; defaults to ./data/portal.db. */
export function sqlitePath(url: string | undefined): string {
  const raw = url && url.length > 0 ? url : "./data/portal.db";
  return raw.startsWith("file:") ? raw.slice("file:".length) : raw;
}

export function openDatabase(url?: string): DatabaseHandle {
  const file = path.resolve(sqlitePath(url));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const writer = new Database(file);
  configure(writer, false);
  const reader = new Database(file, { readonly: true });
  configure(reader, true);

  // One statement cache for the writer, shared by drizzle and the bulk path.
  const writerStatements = cachingStatements(writer);
  const writeDb = drizzle({ client: writerStatements, schema, logger: queryLog() });
  const readDb = drizzle({ client: cachingStatements(reader), schema, logger: queryLog() });
  const mutex = mutexFor(file);
  let savepoints = 0;

  function txView(state: { open: boolean }): Tx {
    const view = makeView(state);
    sharedState().rawConnections.set(view, { writer: writerStatements, state });
    return view;
  }

  function makeView(state: { open: boolean }): Tx {
    const view: Tx = {
      select: ((...args: Parameters<Drizzle["select"]>) => guard(state).select(...args)) as Drizzle["select"],
      selectDistinct: ((...args: Parameters<Drizzle["selectDistinct"]>) =>
        guard(state).selectDistinct(...args)) as Drizzle["selectDistinct"],
      insert: (table) => guard(state).insert(table),
      update: (table) => guard(state).update(table),
      delete: (table) => guard(state).delete(table),
      $count: (source, filters) => guard(state).$count(source, filters),
      $with: writeDb.$with,
      with: (...queries) => guard(state).with(...queries),
      query: writeDb.query,
      transaction: async (fn) => {
        guard(state);
        const name = `sp_${++savepoints}`;
        writer.exec(`SAVEPOINT ${name}`);
        const inner = { open: true };
        try {
          const result = await fn(txView(inner));
          writer.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          writer.exec(`ROLLBACK TO ${name}`);
          writer.exec(`RELEASE ${name}`);
          throw error;
        } finally {
          inner.open = false;
        }
      },
    };
    return view;
  }

  function guard(state: { open: boolean }): Drizzle {
    if (!state.open) throw new Error("This transaction has already finished; use the database handle instead.");
    return writeDb;
  }

  async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const release = await mutex.lock();
    const state = { open: true };
    try {
      writer.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(txView(state));
        writer.exec("COMMIT");
        return result;
      } catch (error) {
        if (writer.inTransaction) writer.exec("ROLLBACK");
        throw error;
      }
    } finally {
      state.open = false;
      release();
    }
  }

  const db: Db = {
    select: readDb.select.bind(readDb) as Drizzle["select"],
    selectDistinct: readDb.selectDistinct.bind(readDb) as Drizzle["selectDistinct"],
    $count: readDb.$count.bind(readDb),
    $with: readDb.$with,
    with: readDb.with.bind(readDb),
    query: readDb.query,
    transaction,
  };

  return {
    dialect,
    db,
    async migrate() {
      const release = await mutex.lock();
      try {
        applyMigrations(writer);
      } finally {
        release();
      }
    },
    async migrationStatus() {
      const expected = readJournal(migrationsFolder).length;
      const exists = reader
        .prepare("select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
        .get() as { n: number };
      const applied = exists.n
        ? (reader.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n
        : 0;
      return { applied, expected, current: applied === expected };
    },
    async close() {
      const release = await mutex.lock();
      try {
        reader.close();
        writer.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * drizzle's SQLite migrator reads the last applied migration before its
 * (deferred) BEGIN, so two processes starting together could both apply the
 * same migration. This does the same work, with the same bookkeeping table,
 * but reads inside BEGIN IMMEDIATE: the second process waits, then finds
 * nothing to do.
 */
function applyMigrations(writer: Database.Database) {
  const migrations = readMigrationFiles({ migrationsFolder });
  writer.exec("BEGIN IMMEDIATE");
  try {
    writer.exec(
      "CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)",
    );
    const last = writer.prepare("SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1").get() as
      | { created_at: number }
      | undefined;
    const record = writer.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)");
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue;
      for (const statement of migration.sql) if (statement.trim()) writer.exec(statement);
      record.run(migration.hash, migration.folderMillis);
    }
    writer.exec("COMMIT");
  } catch (error) {
    if (writer.inTransaction) writer.exec("ROLLBACK");
    throw error;
  }
}


// ── Dialect differences, behind names ───────────────────────────────────────

/**
 * The bulk path: one prepared INSERT per table and column set, run once per row
 * inside the caller's transaction (better-sqlite3 measured ~400k rows/s here,
 * against ~60k for drizzle's statement building). Values go through each
 * column's own driver mapping, so dates and booleans are stored exactly as the
 * query builder stores them. With `skipConflicts`, rows that collide on a
 * unique index are skipped (ON CONFLICT DO NOTHING: CHECK and foreign-key
 * failures still throw). Returns the ids of the rows inserted (for tables with
 * an `id` column).
 */
export async function insertMany<T extends SQLiteTable>(
  tx: Tx,
  table: T,
  rows: readonly T["$inferInsert"][],
  options: { skipConflicts?: boolean } = {},
): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (rows.length === 0) return inserted;
  const { rawConnections } = sharedState();
  const raw = rawConnections.get(tx);
  if (!raw || !raw.state.open) throw new Error("insertMany needs an open transaction");
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  const keys = columns.filter(([key]) => key in (rows[0] as object));
  const name = getTableConfig(table).name;
  const text = `INSERT INTO "${name}" (${keys.map(([, c]) => `"${c.name}"`).join(", ")}) VALUES (${keys.map(() => "?").join(", ")})${options.skipConflicts ? " ON CONFLICT DO NOTHING" : ""}`;
  const statement = raw.writer.prepare(text);
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    const values = keys.map(([key, column]) => (record[key] === null || record[key] === undefined ? null : column.mapToDriverValue(record[key])));
    const info = statement.run(values);
    if (info.changes === 1 && record.id !== undefined) inserted.add(String(record.id));
  }
  return inserted;
}

/**
 * Serialize transactions deciding on the same named things. A no-op on SQLite,
 * where BEGIN IMMEDIATE already serializes every write transaction.
 */
export async function lockKeys(_tx: Tx, _keys: readonly string[]): Promise<void> {}

/**
 * Lock the selected rows until the transaction ends. A no-op on SQLite, where
 * BEGIN IMMEDIATE already holds the database's single write lock.
 */
export function forUpdate<Q extends SQLiteSelect>(query: Q): Q {
  return query;
}

/** True for a UNIQUE or PRIMARY KEY violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  }
  return false;
}

/** True for a FOREIGN KEY violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "SQLITE_CONSTRAINT_FOREIGNKEY") return true;
  }
  return false;
}

/** Case-insensitive substring match (SQLite's LIKE is already case-insensitive for ASCII). */
export function containsInsensitive(column: SQLiteColumn, needle: string): SQL {
  return sql`${column} like ${containsPattern(needle)} escape '\\'`;
}

