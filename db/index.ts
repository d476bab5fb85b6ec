// The process-wide database handle, opened on first use from DATABASE_URL.
import { dialect, openDatabase, type DatabaseHandle } from "@/db/dialect/client";
import { dialectOf, type DialectName } from "@/lib/env";

export type { Db, Tx, DatabaseHandle } from "@/db/dialect/client";
export { dialect, forUpdate, lockKeys, insertMany, isUniqueViolation, isForeignKeyViolation, containsInsensitive } from "@/db/dialect/client";

/** The dialect of this build, widened so shared code can branch on it under either build. */
export const builtDialect: DialectName = dialect;

const globalForDb = globalThis as typeof globalThis & { __cppoDatabase?: DatabaseHandle };

export function database(): DatabaseHandle {
  if (!globalForDb.__cppoDatabase) {
    const url = process.env.DATABASE_URL || undefined;
    const built = dialect as DialectName; // widened: this file is compiled once per dialect
    if (dialectOf(url) !== built) {
      throw new Error(
        `This build is for ${built === "pg" ? "PostgreSQL" : "SQLite"} but DATABASE_URL points at ` +
          `${built === "pg" ? "SQLite" : "PostgreSQL"}. Run \`npm start\` (it rebuilds for the new dialect) ` +
          "or `npm run build` first.",
      );
    }
    globalForDb.__cppoDatabase = openDatabase(url);
  }
  return globalForDb.__cppoDatabase;
}

export function getDb() {
  return database().db;
}
