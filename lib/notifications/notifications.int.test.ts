import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { notifications } from "@/db/schema";
import { listNotifications, notify, openNotification, unreadCount } from "@/lib/notifications/notify";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());

describe(`notifications on ${dialect}`, () => {
  it("counts unread, opens (marks read) only the account's own, newest first", async () => {
    const a = await makeActor(db, "partner");
    const b = await makeActor(db, "partner");
    await db.transaction(async (tx) => {
      await notify(tx, a.accountId, { kind: "bill.paid", title: "first", body: "b", href: "/partner/invitations/x" });
      await notify(tx, a.accountId, { kind: "bill.paid", title: "second", body: "b" });
    });
    expect(await unreadCount(db, a.accountId)).toBe(2);
    const { rows, total } = await listNotifications(db, a.accountId, { limit: 10, offset: 0 });
    expect(total).toBe(2);
    const first = rows.find((r) => r.title === "first")!;
    expect(await openNotification(db, b.accountId, first.id)).toBeNull();
    expect(await unreadCount(db, a.accountId)).toBe(2);
    expect(await openNotification(db, a.accountId, first.id)).toEqual({ href: "/partner/invitations/x" });
    expect(await unreadCount(db, a.accountId)).toBe(1);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, first.id));
    expect(row?.readAt).toBeInstanceOf(Date);
    expect(await unreadCount(db, b.accountId)).toBe(0);
  });
});
