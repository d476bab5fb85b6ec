// The rep's back office on a real database: find anything by name, id or
// number; read an object's timeline — fully as a rep, from its own side as a
// party, never another tenant's identity or an offer's drafting to its customer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { consolidatedBills } from "@/db/schema";
import { formatAccountId } from "@/lib/account-id";
import { runBilling } from "@/lib/billing/run";
import { accountForRep, agreementForRep, invitationForRep, offerForRep, searchEverything, timelineFor } from "@/lib/backoffice/queries";
import { withdrawOffer } from "@/lib/offers/service";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor } from "@/db/testing/fixtures";
import { createWorkedExample } from "@/db/testing/worked-example";

let test: TestDatabase;
let db: Db;
let example: Awaited<ReturnType<typeof createWorkedExample>>;
let invitationId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  example = await createWorkedExample(db, "2026-08-01");
  await runBilling(db, "2026-08");
  const { resaleAuthorizations } = await import("@/db/schema");
  [{ id: invitationId }] = (await db.select({ id: resaleAuthorizations.id }).from(resaleAuthorizations)) as [{ id: string }];
  // Another partner tries the offer: a denied attempt on record.
  const stranger = await makeActor(db, "partner", { registered: true, name: "Nosy Partner" });
  expect(await withdrawOffer(db, stranger, { offerId: example.offerId })).toMatchObject({ ok: false });
});
afterAll(() => test.drop());

describe(`the back office on ${dialect}`, () => {
  it("finds an account by part of its name, its formatted id or a user's email; an offer by name or id; a bill by number", async () => {
    const byName = await searchEverything(db, "acm");
    expect(byName!.accounts.map((a) => a.id)).toContain(example.customer.accountId);
    expect((await searchEverything(db, formatAccountId(example.partner.accountId)))!.accounts.map((a) => a.id)).toEqual([example.partner.accountId]);
    expect((await searchEverything(db, example.isv.email))!.accounts.map((a) => a.id)).toContain(example.isv.accountId);
    expect((await searchEverything(db, "Worked exam"))!.offers.map((o) => o.id)).toEqual([example.offerId]);
    expect((await searchEverything(db, example.offerId))!.agreements.map((a) => a.id)).toEqual([example.agreementId]);
    const [bill] = await db.select().from(consolidatedBills);
    expect((await searchEverything(db, bill!.number))!.bills.map((b) => b.id)).toEqual([bill!.id]);
    expect((await searchEverything(db, invitationId))!.invitations.map((i) => i.id)).toEqual([invitationId]);
    expect(await searchEverything(db, "x")).toBeNull();
    // LIKE wildcards are text, not patterns.
    expect((await searchEverything(db, "%_%"))!.accounts).toEqual([]);
  });

  it("tells a rep every event: who (name, email, account), when, the recorded change, denied attempts included", async () => {
    const offer = await offerForRep(db, example.offerId);
    const whats = offer!.timeline.map((e) => e.what);
    expect(whats).toEqual(expect.arrayContaining(["Offer drafted", "Offer extended (prices frozen)", "Offer accepted: subscription started", "Denied: offer action"]));
    const extended = offer!.timeline.find((e) => e.what.startsWith("Offer extended"))!;
    expect(extended.who).toContain(example.partner.email);
    expect(extended.detail).toContain("extended");
    expect(offer!.timeline.find((e) => e.outcome === "denied")!.who).toContain("Nosy Partner");
    expect((await agreementForRep(db, example.agreementId))!.timeline.map((e) => e.what)).toContain("Offer accepted: subscription started");
    expect((await invitationForRep(db, invitationId))!.timeline.map((e) => e.what)).toEqual(["Invitation sent", "Invitation accepted"]);
    const account = await accountForRep(db, example.partner.accountId);
    expect(account!.people.map((p) => p.email)).toEqual([example.partner.email]);
    expect(account!.timeline.map((e) => e.what)).toEqual(expect.arrayContaining(["Invitation accepted", "Offer drafted"]));
    expect(await offerForRep(db, "off_missing")).toBeNull();
  });

  it("tells a party its own side: its people by name, the other party by account, another tenant's attempt without a name", async () => {
    const partnerView = await timelineFor(db, [example.offerId], { role: "partner", accountId: example.partner.accountId });
    expect(partnerView.find((e) => e.what === "Offer drafted")!.who).toContain("(your team)");
    expect(partnerView.find((e) => e.what.startsWith("Offer accepted"))!.who).toBe("Acme");
    const denied = partnerView.find((e) => e.outcome === "denied")!;
    expect(denied.who).toBe("another account (not shown)");
    expect(JSON.stringify(partnerView)).not.toContain("Nosy Partner");
    expect(partnerView.every((e) => e.detail === null)).toBe(true);
    // The customer never sees how the offer was drafted, nor its markup.
    const customerView = await timelineFor(db, [example.offerId, example.agreementId], { role: "customer", accountId: example.customer.accountId });
    expect(customerView.map((e) => e.what)).not.toContain("Offer drafted");
    expect(customerView.map((e) => e.what)).toContain("Offer extended (prices frozen)");
    expect(JSON.stringify(customerView)).not.toMatch(/markup|1000|Nosy/i);
  });
});
