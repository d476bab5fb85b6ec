// The bulk path writes exactly what the query builder writes, skips only unique conflicts, and stays transactional.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMany, type Db } from "@/db";
import { accounts, notifications, signInAttempts } from "@/db/schema";
import { createAccount } from "@/lib/accounts/accounts";
import { newId } from "@/lib/ids";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";

let test: TestDatabase;
let db: Db;
beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());

describe(`insertMany on ${dialect}`, () => {
  it("round-trips dates, booleans and nulls like the query builder", async () => {
    const at = new Date(Date.UTC(2026, 10, 30, 1, 2, 3, 456));
    const rows = [
      { id: newId("sia"), email: "a@b.c", ip: "1.2.3.4", succeeded: true, at },
      { id: newId("sia"), email: "d@e.f", ip: "5.6.7.8", succeeded: false, at },
    ];
    const ids = await db.transaction((tx) => insertMany(tx, signInAttempts, rows));
    expect(ids).toEqual(new Set(rows.map((r) => r.id)));
    const back = await db.select().from(signInAttempts).where(eq(signInAttempts.email, "a@b.c"));
    expect(back).toEqual([rows[0]]);
    const account = await db.transaction((tx) => createAccount(tx, { type: "isv", name: "n" }));
    await db.transaction((tx) => insertMany(tx, notifications, [{ id: newId("ntf"), accountId: account.id, kind: "k", title: "t", body: "b", href: null, readAt: null, createdAt: at }]));
    const [note] = await db.select().from(notifications).where(eq(notifications.accountId, account.id));
    expect(note).toMatchObject({ href: null, readAt: null, createdAt: at });
  });

  it("skips rows that collide on a unique index, reporting only those inserted", async () => {
    const id = "777777777777";
    await db.transaction((tx) => createAccount(tx, { type: "isv", name: "first", id }));
    const ids = await db.transaction((tx) =>
      insertMany(tx, accounts, [
        { id, type: "isv", name: "dup", createdAt: new Date() },
        { id: "777777777778", type: "isv", name: "new", createdAt: new Date() },
      ], { skipConflicts: true }),
    );
    expect(ids).toEqual(new Set(["777777777778"]));
    const [kept] = await db.select().from(accounts).where(eq(accounts.id, id));
    expect(kept?.name).toBe("first");
  });

  it("still refuses CHECK violations, rolling the whole transaction back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await insertMany(tx, accounts, [{ id: "888888888881", type: "isv", name: "ok", createdAt: new Date() }], { skipConflicts: true });
        await insertMany(tx, accounts, [{ id: "not-digits", type: "isv", name: "bad", createdAt: new Date() }], { skipConflicts: true });
      }),
    ).rejects.toThrow();
    expect(await db.select().from(accounts).where(eq(accounts.id, "888888888881"))).toEqual([]);
  });
});
