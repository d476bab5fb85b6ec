// The outbox on a real database, delivered over real SMTP (an in-process
// smtp-server): written with the change and rolled back with it; e-mail to each
// user who wants it, with what that account may see; retries with backoff;
// two dispatchers at once; a dispatcher killed mid-send.
import { spawn } from "node:child_process";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, emailOptOuts, mailMessages, notifications, outboxEvents, resaleAuthorizations, sellerBalances, users } from "@/db/schema";
import { createUser } from "@/lib/accounts/accounts";
import { runDisbursements } from "@/lib/billing/disburse";
import { warnExpiringInvitations } from "@/lib/invitations/service";
import { notify, notifyMany } from "@/lib/notifications/notify";
import { backoffMs, claimDeliveries, drainOutbox } from "@/lib/outbox/dispatch";
import { EVENT_KINDS, EVENT_TYPES, eventKindsFor } from "@/lib/outbox/events";
import { composeMail } from "@/lib/outbox/mail";
import { KEPT_MAILER, smtpMailer, type Mailer } from "@/lib/outbox/mailer";
import { OUTBOX_COUNT_CAP, outboxCounts } from "@/lib/outbox/queries";
import { setEmailPreferences } from "@/lib/outbox/service";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor } from "@/db/testing/fixtures";
import { startSmtpServer, type TestSmtpServer } from "@/db/testing/smtp";
import { createWorkedExample } from "@/db/testing/worked-example";

const root = path.resolve(import.meta.dirname, "..", "..");
const BASE = "https://portal.example";
const dbs: TestDatabase[] = [];
let smtp: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  mailer = smtpMailer(smtp.url, { timeoutMs: 10_000 });
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  for (const t of dbs) await t.drop();
});

async function fresh() {
  const t = await createTestDatabase();
  dbs.push(t);
  return t;
}

/** Options for a dispatcher in this process with its own owner token. */
const dispatcher = (owner: string, extra: Partial<Parameters<typeof drainOutbox>[1]> = {}) => ({ owner, mailer, baseUrl: BASE, batch: 7, ...extra });

const receivedFor = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe(`the outbox on ${dialect}`, () => {
  it("is written with its change, shares the notification's id, and rolls back with it", async () => {
    const { handle } = await fresh();
    const db = handle.db;
    const partner = await makeActor(db, "partner");
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, partner.accountId, { kind: "invitation.sent", title: "lost", body: "rolled back" });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db.select().from(outboxEvents)).toEqual([]);
    expect(await db.select().from(notifications)).toEqual([]);

    const example = await createWorkedExample(db, "2026-09-01");
    const events = await db.select().from(outboxEvents);
    const notes = await db.select().from(notifications);
    expect(events.map((e) => e.id).sort()).toEqual(notes.map((n) => n.id).sort());
    // Each party's own events: the vendor and the partner hear of the invitation and the sale, the customer of the offer.
    const kindsOf = (accountId: string) => events.filter((e) => e.accountId === accountId).map((e) => e.kind).sort();
    expect(kindsOf(example.isv.accountId)).toEqual(["invitation.accepted", "invitation.sent", "offer.accepted"]);
    expect(kindsOf(example.partner.accountId)).toEqual(["invitation.accepted", "invitation.sent", "offer.accepted"]);
    expect(kindsOf(example.customer.accountId)).toEqual(["offer.extended"]);
    expect(events.every((e) => e.fannedOutAt === null)).toBe(true);
  });

  it("e-mails each user who wants the event over SMTP, once, with only what the account may see", async () => {
    const { handle } = await fresh();
    const db = handle.db;
    const example = await createWorkedExample(db, "2026-09-01");
    // A second vendor user who turned sale e-mails off, and a disabled one who gets nothing.
    const [quiet, gone] = await db.transaction(async (tx) => [
      await createUser(tx, { accountId: example.isv.accountId, email: `quiet-${example.isv.accountId}@test.example`, name: "Quiet", role: "isv", passwordHash: "x" }),
      await createUser(tx, { accountId: example.isv.accountId, email: `gone-${example.isv.accountId}@test.example`, name: "Gone", role: "isv", passwordHash: "x" }),
    ]);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
      await tx.insert(emailOptOuts).values({ userId: quiet.id, kind: "offer.accepted" });
    });

    const summary = await drainOutbox(db, dispatcher("one"));
    expect(summary).toMatchObject({ fannedOut: 7, retrying: 0, failed: 0 });
    // 3 vendor events × 1 user + 2 for the quiet user (not the sale) + 3 partner + 1 customer.
    expect(summary.delivered).toBe(9);
    expect(await drainOutbox(db, dispatcher("one"))).toEqual({ fannedOut: 0, delivered: 0, retrying: 0, failed: 0 });

    const vendorMail = receivedFor(example.isv.email);
    expect(vendorMail.map((m) => m.subject).sort()).toEqual(["Blue Harbor accepted your invitation", "Blue Harbor sold your product", "Invitation sent to Blue Harbor"].sort());
    expect(receivedFor(quiet.email).map((m) => m.subject).sort()).toEqual(["Blue Harbor accepted your invitation", "Invitation sent to Blue Harbor"].sort());
    expect(receivedFor(gone.email)).toEqual([]);
    // The vendor's e-mail about the sale names the partner as the buyer, never the customer or its price.
    for (const mail of vendorMail) {
      expect(mail.text + mail.html).not.toContain("Acme");
      expect(mail.text + mail.html).not.toMatch(/8,800|8800/);
    }
    const sale = vendorMail.find((m) => m.subject === "Blue Harbor sold your product")!;
    expect(sale.text).toContain(`${BASE}/vendor/channel`);
    expect(sale.html).toContain(`href="${BASE}/vendor/channel"`);
    const [customerMail] = receivedFor(example.customer.email);
    expect(customerMail?.text).toContain(`${BASE}/buyer/offers/${example.offerId}`);
    // Message-IDs are the event's and the recipient's; every one arrived once.
    const ids = smtp.received.filter((m) => m.to.includes("@test.example")).map((m) => m.messageId);
    const events = await db.select().from(outboxEvents);
    for (const mail of vendorMail) expect(events.some((e) => mail.messageId.startsWith(`<${e.id}.`))).toBe(true);
    const sent = await db.select().from(mailMessages);
    expect(sent).toHaveLength(9);
    expect(sent.every((m) => m.transport === "smtp")).toBe(true);
    for (const m of sent) expect(ids.filter((id) => id === m.messageId)).toHaveLength(1);
  });

  it("keeps mail in the portal when no SMTP server is configured", async () => {
    const { handle } = await fresh();
    const db = handle.db;
    const partner = await makeActor(db, "partner");
    await db.transaction((tx) => notify(tx, partner.accountId, { kind: "invitation.sent", title: "Contoso invited you", body: "Two products at 20% off.", href: "/partner/invitations/x", facts: { Discount: "20%" } }));
    expect(await drainOutbox(db, { owner: "kept", mailer: KEPT_MAILER, baseUrl: BASE })).toMatchObject({ fannedOut: 1, delivered: 1 });
    const [kept] = await db.select().from(mailMessages);
    expect(kept).toMatchObject({ transport: "kept", userId: partner.id, toAddress: partner.email, subject: "Contoso invited you" });
    expect(kept!.text).toContain("Discount: 20%");
    expect(kept!.text).toContain(`${BASE}/partner/invitations/x`);
  });

  it("honours a user's choices: only kinds the role receives, stored as opt-outs", async () => {
    const { handle } = await fresh();
    const db = handle.db;
    const customer = await makeActor(db, "customer");
    const offered = eventKindsFor("customer").flatMap((g) => g.kinds.map((k) => k.kind));
    expect(offered).toContain("bill.issued");
    expect(offered).not.toContain("invitation.sent");
    const result = await setEmailPreferences(db, customer, { enabled: ["bill.issued", "bill.overdue"] });
    expect(result).toEqual({ ok: true, data: { emailed: 2, off: offered.length - 2 } });
    const off = (await db.select().from(emailOptOuts).where(eq(emailOptOuts.userId, customer.id))).map((r) => r.kind).sort();
    expect(off).toEqual(offered.filter((k) => k !== "bill.issued" && k !== "bill.overdue").sort());
    const refused = await setEmailPreferences(db, customer, { enabled: ["bill.issued", "not.a.kind"] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.["enabled.1"]).toBeDefined();
    await db.transaction(async (tx) => {
      await notify(tx, customer.accountId, { kind: "bill.paid", title: "paid", body: "b" });
      await notify(tx, customer.accountId, { kind: "bill.overdue", title: "overdue", body: "b" });
    });
    await drainOutbox(db, { owner: "prefs", mailer: KEPT_MAILER, baseUrl: BASE });
    expect((await db.select().from(mailMessages)).map((m) => m.subject)).toEqual(["overdue"]);
  });

  it("retries a refused send with growing delays and gives up after the retry window", async () => {
    const { handle } = await fresh();
    const db = handle.db;
    const partner = await makeActor(db, "partner");
    await db.transaction((tx) => notify(tx, partner.accountId, { kind: "offer.expired", title: "retry me", body: "b" }));
    let refusals = 2;
    smtp.judge = (mail) => (mail.subject === "retry me" && refusals-- > 0 ? { code: 451, message: "Try again later" } : undefined);
    try {
      const first = await drainOutbox(db, dispatcher("retry", { retryBaseMs: 60_000 }));
      expect(first).toMatchObject({ fannedOut: 1, delivered: 0, retrying: 1 });
      const [waiting] = await db.select().from(deliveries);
      expect(waiting).toMatchObject({ status: "pending", attempts: 1, responseCode: 451, leaseOwner: null });
      expect(waiting!.lastError).toContain("Try again later");
      // The next try waits about a minute (±25%): nothing is due now.
      const wait = waiting!.nextAttemptAt.getTime() - Date.now();
      expect(wait).toBeGreaterThan(40_000);
      expect(wait).toBeLessThan(80_000);
      expect(await claimDeliveries(db, { owner: "retry" })).toEqual([]);
      // Due again: refused once more, then accepted.
      await db.transaction((tx) => tx.update(deliveries).set({ nextAttemptAt: new Date(0) }));
      expect(await drainOutbox(db, dispatcher("retry", { retryBaseMs: 0 }))).toMatchObject({ delivered: 1, retrying: 1 });
      const [done] = await db.select().from(deliveries);
      expect(done).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
      expect(receivedFor(partner.email).map((m) => m.subject)).toEqual(["retry me"]);

      // A send still refused when the window has passed fails for good.
      await db.transaction((tx) => notify(tx, partner.accountId, { kind: "offer.expired", title: "never", body: "b" }));
      smtp.judge = (mail) => (mail.subject === "never" ? { code: 550, message: "No such mailbox" } : undefined);
      expect(await drainOutbox(db, dispatcher("retry", { retryBaseMs: 0, retryWindowMs: 0 }))).toMatchObject({ failed: 1 });
      const [failed] = await db.select().from(deliveries).where(eq(deliveries.status, "failed"));
      expect(failed).toMatchObject({ attempts: 1, responseCode: 550 });
    } finally {
      smtp.judge = () => undefined;
    }
    // Backoff doubles per attempt around its base, capped at six hours.
    expect(backoffMs(1, 30_000, () => 0.5)).toBe(30_000);
    expect(backoffMs(4, 30_000, () => 0.5)).toBe(240_000);
    expect(backoffMs(30, 30_000, () => 0.5)).toBe(6 * 3_600_000);
    expect(backoffMs(1, 30_000, () => 0)).toBe(22_500);
  });

  it("two dispatchers on two connections deliver every event once", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const other = t.reopen().db;
    const accounts = await Promise.all([0, 1, 2].map(() => makeActor(db, "partner")));
    await db.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await notify(tx, accounts[i % 3]!.accountId, { kind: "offer.expired", title: `race ${i}`, body: "b" });
    });
    const [a, b] = await Promise.all([drainOutbox(db, dispatcher("a", { batch: 5 })), drainOutbox(other, dispatcher("b", { batch: 5 }))]);
    expect(a.fannedOut + b.fannedOut).toBe(40);
    expect(a.delivered + b.delivered).toBe(40);
    const arrived = smtp.received.filter((m) => m.subject.startsWith("race "));
    expect(arrived).toHaveLength(40);
    expect(new Set(arrived.map((m) => m.messageId)).size).toBe(40);
    expect(await db.select().from(deliveries).where(eq(deliveries.status, "pending"))).toEqual([]);
  });

  it("a dispatcher killed mid-send is finished by another: every event arrives, none twice by id", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const partner = await makeActor(db, "partner");
    await db.transaction(async (tx) => {
      for (let i = 0; i < 6; i++) await notify(tx, partner.accountId, { kind: "offer.expired", title: `crash ${i}`, body: "b" });
    });
    // The child's third message hangs on the wire; then it is killed (kill -9) before the server answers.
    let seen = 0;
    let hung!: () => void;
    const hanging = new Promise<void>((resolve) => (hung = resolve));
    smtp.judge = (mail) => {
      if (!mail.subject.startsWith("crash ")) return undefined;
      if (++seen === 3) {
        hung();
        return "hang";
      }
      return undefined;
    };
    const child = spawn("node", ["lib/cli/run.mjs", "dispatch"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url, AUTH_SECRET: "x".repeat(32), SMTP_URL: smtp.url, OUTBOX_LEASE_MS: "5000", APP_URL: BASE },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      await Promise.race([hanging, exited]);
      expect(seen).toBe(3);
      process.kill(-child.pid!, "SIGKILL");
      await exited;
    } finally {
      smtp.judge = () => undefined;
    }
    // The child sends up to eight at once: messages it handed over before the kill are still being read
    // by the server, and count as arrived before the survivor starts.
    await smtp.settled();
    const arrivedBefore = smtp.received.filter((m) => m.subject.startsWith("crash ")).length;
    const leased = await db.select().from(deliveries).where(eq(deliveries.status, "pending"));
    expect(leased.length).toBeGreaterThan(0);
    expect(leased.every((d) => d.leaseOwner?.startsWith("outbox:"))).toBe(true);
    const leaseEnds = Math.max(...leased.map((d) => d.leaseExpiresAt!.getTime()));
    // Within the dead owner's lease nobody sends its deliveries (checked only if this drain ended inside it).
    await drainOutbox(db, dispatcher("survivor"));
    if (Date.now() < leaseEnds) expect(smtp.received.filter((m) => m.subject.startsWith("crash ")).length).toBe(arrivedBefore);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, leaseEnds - Date.now()) + 100));
    await drainOutbox(db, dispatcher("survivor"));
    // At least once on the wire: a message the server accepted just before the kill, whose
    // delivery the dead sender never recorded, is sent again — under the same Message-ID,
    // so the recipient sees each event exactly once.
    const arrived = smtp.received.filter((m) => m.subject.startsWith("crash "));
    const byId = new Map(arrived.map((m) => [m.messageId, m.subject]));
    expect([...byId.values()].sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `crash ${i}`));
    for (const m of arrived) expect(byId.get(m.messageId)).toBe(m.subject);
    expect(await db.select().from(mailMessages)).toHaveLength(6);
    const rows = await db.select().from(deliveries);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.status === "delivered" && r.attempts >= 1 && r.attempts <= 2)).toBe(true);
    // The message on the wire when the sender died was sent again by the survivor: its second attempt.
    expect(rows.filter((r) => r.attempts === 2).length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("tells the partner once that an invitation expires within 3 days, and a seller once that its payout is held", async () => {
    const { handle } = await fresh();
    const db = handle.db;
    const example = await createWorkedExample(db, "2026-09-01");
    // The worked example's invitation was accepted; a new pending one expiring in 2 days.
    const isv = example.isv;
    const partner = await makeActor(db, "partner", { registered: true });
    const expiresAt = new Date(Date.now() + 2 * 86_400_000);
    await db.transaction((tx) => tx.insert(resaleAuthorizations).values({ id: "ra_expiringsoon000000000", isvAccountId: isv.accountId, partnerAccountId: partner.accountId, status: "pending", expiresAt, use: "multi_use", createdAt: new Date() }));
    expect(await warnExpiringInvitations(db)).toBe(1);
    expect(await warnExpiringInvitations(db)).toBe(0);
    const warned = await db.select().from(outboxEvents).where(and(eq(outboxEvents.accountId, partner.accountId), eq(outboxEvents.kind, "invitation.expiring")));
    expect(warned).toHaveLength(1);
    expect(warned[0]!.title).toBe("The invitation from Contoso expires in 2 days");

    // A seller with money waiting and no registration is held: told on the first run only.
    const unregistered = await makeActor(db, "partner");
    await db.transaction((tx) => tx.insert(sellerBalances).values({ sellerAccountId: unregistered.accountId, currency: "USD", pendingCents: 12_345, pendingCount: 1 }));
    await runDisbursements(db, { trigger: "cli" }).catch(() => undefined);
    await runDisbursements(db, { trigger: "cli" }).catch(() => undefined);
    const held = await db.select().from(outboxEvents).where(and(eq(outboxEvents.accountId, unregistered.accountId), eq(outboxEvents.kind, "disbursement.held")));
    expect(held.map((e) => e.title)).toEqual(["Your payout of $123.45 is on hold"]);
  });

  it("counts what waits exactly up to its cap, and a backlog past it as the cap and one more", async () => {
    const { handle } = await fresh();
    const db = handle.db;
    const partner = await makeActor(db, "partner");
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ accountId: partner.accountId, kind: "invitation.sent" as const, title: `event ${i}`, body: "waiting" }));
    await db.transaction((tx) => notifyMany(tx, events(3)));
    expect(await outboxCounts(db)).toEqual({ waiting: 3, pending: 0, failed: 0 });
    await db.transaction((tx) => notifyMany(tx, events(OUTBOX_COUNT_CAP + 7)));
    expect((await outboxCounts(db)).waiting).toBe(OUTBOX_COUNT_CAP + 1);
  });

  it("names only kinds in the catalogue, each with a label, topic and audience", async () => {
    expect(EVENT_KINDS.length).toBeGreaterThan(20);
    for (const kind of EVENT_KINDS) expect(EVENT_TYPES[kind].roles.length).toBeGreaterThan(0);
    const mail = composeMail({ id: "ntf_x", kind: "bill.issued", title: "<b>Bill</b>", body: "a & b", href: "//evil.example/x", facts: { "<i>": "\"q\"" } }, { id: "usr_1", email: "a@b.c", name: "A <B>", role: "customer", accountName: "Acme" }, BASE);
    // HTML is escaped, a link can only point into the portal, the Message-ID is stable.
    expect(mail.html).not.toContain("<b>Bill</b>");
    expect(mail.html).toContain("&lt;b&gt;Bill&lt;/b&gt;");
    expect(mail.html).not.toContain("evil.example");
    expect(mail.text).toContain(`${BASE}/buyer/notifications`);
    expect(mail.messageId).toBe("<ntf_x.usr_1@portal.example>");
  });
});
