// TESTING.md item 1 for the role areas: the permission table × every role and anonymous,
// checked against the database's view of the user; denials are recorded.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { ROLES, type Role } from "@/db/enums";
import { checkPermission, loadUser, type CurrentUser } from "@/lib/auth/authorize";
import { ALL_PERMISSIONS, PERMISSIONS } from "@/lib/auth/permissions";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeUser } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
const byRole = {} as Record<Role, CurrentUser>;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  for (const role of ROLES) {
    const user = await makeUser(db, role);
    byRole[role] = (await loadUser(db, user.id, "10.1.1.1"))!;
  }
});
afterAll(() => test.drop());

describe(`authorization matrix on ${dialect}`, () => {
  for (const permission of ALL_PERMISSIONS) {
    for (const role of [...ROLES, null] as const) {
      const allowed = role !== null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
      it(`${role ?? "anonymous"} ${allowed ? "may" : "may not"} ${permission}`, async () => {
        const user = role ? byRole[role] : null;
        const before = await db.select().from(auditEvents).where(eq(auditEvents.action, permission));
        expect(await checkPermission(db, user, permission, undefined, "10.1.1.1")).toBe(allowed);
        const after = await db.select().from(auditEvents).where(eq(auditEvents.action, permission));
        expect(after.length - before.length).toBe(allowed ? 0 : 1);
        if (!allowed) {
          const denial = after.find((e) => !before.some((b) => b.id === e.id));
          expect(denial).toMatchObject({ outcome: "denied", actorUserId: user?.id ?? null, actorRole: role, ip: "10.1.1.1" });
        }
      });
    }
  }
});

describe(`stale rights on ${dialect}`, () => {
  it("a disabled user is no longer loaded, so every later check is refused", async () => {
    const user = await makeUser(db, "isv");
    expect(await loadUser(db, user.id)).not.toBeNull();
    await db.transaction((tx) => tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id)));
    expect(await loadUser(db, user.id)).toBeNull();
    expect(await checkPermission(db, await loadUser(db, user.id), "vendor.area")).toBe(false);
  });

  it("a changed role takes effect on the next request, whatever the session says", async () => {
    const user = await makeUser(db, "customer");
    await db.transaction((tx) => tx.update(users).set({ role: "partner" }).where(eq(users.id, user.id)));
    const reloaded = await loadUser(db, user.id);
    expect(await checkPermission(db, reloaded, "buyer.area")).toBe(false);
    const denied = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.outcome, "denied")));
    expect(denied).toHaveLength(1);
  });
});
