import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { notifications } from "@/db/schema";
import { listNotifications, NOTIFICATIONS_COUNTED, notify, notifyMany, openNotification } from "@/lib/notifications/notify";
import { loadUserWithUnread, UNREAD_COUNTED } from "@/lib/auth/authorize";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor } from "@/db/testing/fixtures";

let test: TestDatabase;

/** What the shell's bell shows: the count read with the user on every page. */
async function unreadCount(db: Db, userId: string): Promise<number | undefined> {
  return (await loadUserWithUnread(db, userId))?.unread;
}
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
    expect(await unreadCount(db, a.id)).toBe(2);
    const { rows, total } = await listNotifications(db, a.accountId, { limit: 10, offset: 0 });
    expect(total).toBe(2);
    const first = rows.find((r) => r.title === "first")!;
    expect(await openNotification(db, b.accountId, first.id)).toBeNull();
    expect(await unreadCount(db, a.id)).toBe(2);
    expect(await openNotification(db, a.accountId, first.id)).toEqual({ href: "/partner/invitations/x" });
    expect(await unreadCount(db, a.id)).toBe(1);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, first.id));
    expect(row?.readAt).toBeInstanceOf(Date);
    expect(await unreadCount(db, b.id)).toBe(0);
  });

  it("counts unread up to UNREAD_COUNTED, for the user's account only, and a session ended since loads nobody", async () => {
    const a = await makeActor(db, "isv");
    const b = await makeActor(db, "isv");
    const many = Array.from({ length: UNREAD_COUNTED + 5 }, (_, i) => ({ accountId: a.accountId, kind: "bill.paid" as const, title: `n${i}`, body: "b" }));
    await db.transaction((tx) => notifyMany(tx, [...many, { accountId: b.accountId, kind: "bill.paid", title: "b", body: "b" }]));
    expect(await unreadCount(db, a.id)).toBe(UNREAD_COUNTED);
    expect(await unreadCount(db, b.id)).toBe(1);
    expect(await listNotifications(db, a.accountId, { limit: 1, offset: 0 })).toMatchObject({ total: UNREAD_COUNTED + 5, capped: false });
    expect(await loadUserWithUnread(db, a.id, null, { version: a.sessionVersion + 1 })).toBeNull();
  });

  it(`counts an account's notifications for the inbox up to ${NOTIFICATIONS_COUNTED}, and says there are more`, async () => {
    const a = await makeActor(db, "customer");
    const many = Array.from({ length: NOTIFICATIONS_COUNTED + 5 }, (_, i) => ({ accountId: a.accountId, kind: "bill.paid" as const, title: `n${i}`, body: "b" }));
    await db.transaction((tx) => notifyMany(tx, many));
    const { rows, total, capped } = await listNotifications(db, a.accountId, { limit: 20, offset: NOTIFICATIONS_COUNTED });
    expect({ total, capped }).toEqual({ total: NOTIFICATIONS_COUNTED, capped: true });
    // Past the counted pages the rows are still there to page to.
    expect(rows).toHaveLength(5);
  });
});
