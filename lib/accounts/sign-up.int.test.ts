// Sign-up: one transaction for account, user and audit event; bad input writes nothing.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { accounts, auditEvents, users } from "@/db/schema";
import { signUp } from "@/lib/accounts/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";

let test: TestDatabase;
let db: Db;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());

const form = (overrides: Record<string, unknown> = {}) => ({
  accountType: "partner",
  organizationName: "Harbor Partners",
  name: "Hana",
  email: `hana-${Math.random().toString(36).slice(2)}@example.com`,
  password: "correct-horse-9",
  confirmPassword: "correct-horse-9",
  ...overrides,
});

async function rowCounts() {
  const [a] = await db.select({ n: count() }).from(accounts);
  const [u] = await db.select({ n: count() }).from(users);
  const [e] = await db.select({ n: count() }).from(auditEvents);
  return { accounts: a?.n, users: u?.n, audit: e?.n };
}

describe(`sign-up on ${dialect}`, () => {
  it.each(["isv", "partner", "customer"] as const)("creates a %s account with a fresh 12-digit id, its user and an audit event", async (type) => {
    const input = form({ accountType: type });
    const result = await signUp(db, input, "10.0.0.1");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.accountId).toMatch(/^[1-9][0-9]{11}$/);
    expect(result.data.role).toBe(type);
    const [account] = await db.select().from(accounts).where(eq(accounts.id, result.data.accountId));
    expect(account).toMatchObject({ type, name: "Harbor Partners" });
    const [user] = await db.select().from(users).where(eq(users.id, result.data.userId));
    expect(user?.email).toBe(input.email);
    expect(user?.passwordHash).not.toContain("correct-horse");
    expect(await verifyPassword("correct-horse-9", user!.passwordHash)).toBe(true);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, result.data.accountId));
    expect(audit).toMatchObject({ action: "account.sign_up", outcome: "success", actorUserId: result.data.userId, ip: "10.0.0.1" });
  });

  it("ignores smuggled fields: no rep accounts, no chosen account id", async () => {
    const result = await signUp(db, form({ role: "rep", accountType: "customer", accountId: "111111111111", status: "x" }), null);
    expect(result.ok && result.data.role).toBe("customer");
    expect(result.ok && result.data.accountId).not.toBe("111111111111");
  });

  it("refuses a second account with the same email, on the email field, writing nothing", async () => {
    const input = form();
    expect((await signUp(db, input, null)).ok).toBe(true);
    const before = await rowCounts();
    const again = await signUp(db, { ...input, email: input.email.toUpperCase() }, null);
    expect(again).toEqual({ ok: false, error: expect.any(String), fieldErrors: { email: [expect.stringContaining("already exists")] } });
    expect(await rowCounts()).toEqual(before);
  });

  it("makes exactly one account when the same email signs up concurrently", async () => {
    const input = form();
    const results = await Promise.all(Array.from({ length: 5 }, () => signUp(db, input, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, input.email));
    expect(row?.n).toBe(1);
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    ["a missing account type", { accountType: undefined }, "accountType"],
    ["the rep role", { accountType: "rep" }, "accountType"],
    ["a number for a name", { organizationName: 42 }, "organizationName"],
    ["a 2 MB name", { organizationName: "x".repeat(2_000_000) }, "organizationName"],
    ["a right-to-left override", { organizationName: "Acme\u202Egnp.exe" }, "organizationName"],
    ["a zero-width space", { name: "Ha\u200Bna" }, "name"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["an SQL payload as email", { email: "x'; drop table users; --" }, "email"],
    ["a short password", { password: "short", confirmPassword: "short" }, "password"],
    ["mismatched passwords", { confirmPassword: "something-else" }, "confirmPassword"],
  ];

  it.each(BAD)("refuses %s with a message on its field and writes nothing", async (_label, overrides, field) => {
    const before = await rowCounts();
    const result = await signUp(db, form(overrides), null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
    expect(await rowCounts()).toEqual(before);
  });

  it("stores HTML as text, unchanged", async () => {
    const result = await signUp(db, form({ organizationName: "<script>alert(1)</script>" }), null);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [account] = await db.select().from(accounts).where(eq(accounts.id, result.data.accountId));
    expect(account?.name).toBe("<script>alert(1)</script>");
  });
});
