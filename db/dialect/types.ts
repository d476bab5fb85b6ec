// What each dialect's client module (db/dialect/<dialect>/client.ts) provides.
// Both modules export the same names, so shared code compiles against either.

export interface MigrationStatus {
  /** Migrations recorded as applied in the database. */
  applied: number;
  /** Migrations committed in db/migrations/<dialect>. */
  expected: number;
  current: boolean;
}

/** Surface of the drizzle database that shared code may read through. */
export type ReadSurface = "select" | "selectDistinct" | "query" | "$count" | "$with" | "with";
/** Surface available inside a transaction: reads and writes. */
export type WriteSurface = ReadSurface | "insert" | "update" | "delete";

/** What `openDatabase` returns, for a dialect and its read handle type. */
export interface DatabaseHandleOf<TDialect extends string, TDb> {
  dialect: TDialect;
  db: TDb;
  migrate(): Promise<void>;
  migrationStatus(): Promise<MigrationStatus>;
  close(): Promise<void>;
}
