// Invitations to resell, on a real database: the allowed cells of the matrix,
// other tenants' ids (IDOR), bad input, expiry at the moment of acceptance.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { auditEvents, authorizationItems, notifications, resaleAuthorizations } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/authorize";
import { setClock } from "@/lib/clock";
import { authorizedProducts, invitationDetail, listAuthorizedProducts, listReceivedInvitations } from "@/lib/invitations/queries";
import { acceptInvitation, declineInvitation, revokeAuthorization, sendInvitation, sweepExpiredInvitations } from "@/lib/invitations/service";
import { AUTHORIZED_TABLE, RECEIVED_TABLE } from "@/lib/invitations/table";
import { createProduct } from "@/lib/products/service";
import { NOT_FOUND } from "@/lib/result";
import { parseTableParams } from "@/lib/tables/parse";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
let isv: CurrentUser;
let otherIsv: CurrentUser;
let unregisteredIsv: CurrentUser;
let partner: CurrentUser;
let otherPartner: CurrentUser;
let unregisteredPartner: CurrentUser;
let customer: CurrentUser;
let productId: string;
let otherIsvProductId: string;

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function product(owner: CurrentUser, dimensions: { unitName: string; price: string }[]) {
  const result = await createProduct(db, owner, { name: `Product of ${owner.accountName}`, description: "d", eulaText: "A standard EULA of some twenty characters.", dimensions });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.productId;
}

const validInvitation = (overrides: Record<string, unknown> = {}) => ({
  partnerAccountId: partner.accountId,
  items: [{ productId, discountPercent: "20", additionalTerms: "Support by partner." }],
  expiresOn: inDays(7),
  endsOn: "",
  use: "multi_use",
  buyerAccountId: "",
  ...overrides,
});

async function send(overrides: Record<string, unknown> = {}) {
  const result = await sendInvitation(db, isv, validInvitation(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.invitationId;
}

async function statusOf(id: string) {
  const [row] = await db.select({ status: resaleAuthorizations.status }).from(resaleAuthorizations).where(eq(resaleAuthorizations.id, id));
  return row?.status;
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  isv = await makeActor(db, "isv", { registered: true, name: "Vendor A" });
  otherIsv = await makeActor(db, "isv", { registered: true, name: "Vendor B" });
  unregisteredIsv = await makeActor(db, "isv", { name: "Vendor C" });
  partner = await makeActor(db, "partner", { registered: true, name: "Partner A" });
  otherPartner = await makeActor(db, "partner", { registered: true, name: "Partner B" });
  unregisteredPartner = await makeActor(db, "partner", { name: "Partner C" });
  customer = await makeActor(db, "customer", { name: "Customer A" });
  productId = await product(isv, [
    { unitName: "Users", price: "15" },
    { unitName: "TB", price: "33.33" },
  ]);
  otherIsvProductId = await product(otherIsv, [{ unitName: "Seats", price: "10" }]);
});
afterAll(() => test.drop());
afterEach(() => setClock(null));

describe(`sending an invitation on ${dialect}`, () => {
  it("stores the authorization and its items, audits it, and notifies both parties", async () => {
    const id = await send({ use: "one_time", endsOn: inDays(30), buyerAccountId: customer.accountId });
    const [row] = await db.select().from(resaleAuthorizations).where(eq(resaleAuthorizations.id, id));
    expect(row).toMatchObject({ status: "pending", isvAccountId: isv.accountId, partnerAccountId: partner.accountId, use: "one_time", buyerAccountId: customer.accountId });
    expect(row?.expiresAt.toISOString()).toBe(`${inDays(7)}T23:59:59.999Z`);
    const items = await db.select().from(authorizationItems).where(eq(authorizationItems.authorizationId, id));
    expect(items).toEqual([expect.objectContaining({ productId, discountBps: 2000, additionalTerms: "Support by partner." })]);
    const notes = await db.select().from(notifications).where(eq(notifications.href, `/partner/invitations/${id}`));
    expect(notes.map((n) => n.accountId)).toEqual([partner.accountId]);
    expect(await db.select().from(notifications).where(eq(notifications.href, `/vendor/invitations/${id}`))).toHaveLength(1);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, "invitation.send")));
    expect(audit).toMatchObject({ actorUserId: isv.id, actorRole: "isv", accountId: isv.accountId, outcome: "success" });
  });

  it("accepts dashes in the partner id and shows per-dimension wholesale prices to both sides", async () => {
    const dashed = `${partner.accountId.slice(0, 4)}-${partner.accountId.slice(4, 8)}-${partner.accountId.slice(8)}`;
    const id = await send({ partnerAccountId: dashed, items: [{ productId, discountPercent: "12.5" }] });
    const forPartner = await invitationDetail(db, id, { partnerAccountId: partner.accountId });
    // $15.00 × 87.5% = $13.125 → $13.13; $33.33 × 87.5% = $29.16375 → $29.16
    expect(forPartner?.items[0]?.prices).toEqual([
      { unitName: "Users", publicCents: 1500, wholesaleCents: 1313 },
      { unitName: "TB", publicCents: 3333, wholesaleCents: 2916 },
    ]);
    expect(await invitationDetail(db, id, { isvAccountId: isv.accountId })).not.toBeNull();
  });

  it("is refused for an ISV without a complete seller registration, writing nothing", async () => {
    const own = await product(unregisteredIsv, [{ unitName: "Users", price: "1" }]);
    const before = await tableCounts(db);
    const result = await sendInvitation(db, unregisteredIsv, validInvitation({ items: [{ productId: own, discountPercent: "10" }] }));
    expect(result).toMatchObject({ ok: false, code: "registration_incomplete" });
    expect(await tableCounts(db)).toEqual(before);
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    ["a discount of -1", { items: [{ productId: "p", discountPercent: "-1" }] }, "items.0.discountPercent"],
    ["a discount of 0", { items: [{ productId: "p", discountPercent: "0" }] }, "items.0.discountPercent"],
    ["a discount of 100", { items: [{ productId: "p", discountPercent: "100" }] }, "items.0.discountPercent"],
    ["a discount of 100.01", { items: [{ productId: "p", discountPercent: "100.01" }] }, "items.0.discountPercent"],
    ["a discount of NaN", { items: [{ productId: "p", discountPercent: "NaN" }] }, "items.0.discountPercent"],
    ["a discount of Infinity", { items: [{ productId: "p", discountPercent: "Infinity" }] }, "items.0.discountPercent"],
    ["a discount of 50%", { items: [{ productId: "p", discountPercent: "50%" }] }, "items.0.discountPercent"],
    ["three decimals", { items: [{ productId: "p", discountPercent: "12.345" }] }, "items.0.discountPercent"],
    ["a number instead of text", { items: [{ productId: "p", discountPercent: 20 }] }, "items.0.discountPercent"],
    ["no products", { items: [] }, "items"],
    ["a partner id of 11 digits", { partnerAccountId: "12345678901" }, "partnerAccountId"],
    ["an unknown partner id", { partnerAccountId: "999999999999" }, "partnerAccountId"],
    ["a customer's id as partner", { partnerAccountId: "CUSTOMER" }, "partnerAccountId"],
    ["the ISV's own id", { partnerAccountId: "SELF" }, "partnerAccountId"],
    ["NUL and a right-to-left override in the terms", { items: [{ productId: "OWN", discountPercent: "10", additionalTerms: "Net 30\u0000 \u202Eevil" }] }, "items.0.additionalTerms"],
    ["an empty accept-by date", { expiresOn: "" }, "expiresOn"],
    ["a malformed accept-by date", { expiresOn: "31/12/2026" }, "expiresOn"],
    ["an accept-by date that is not text", { expiresOn: 20261231 }, "expiresOn"],
    ["a leap day that is not", { expiresOn: "2027-02-29" }, "expiresOn"],
    ["a past accept-by date", { expiresOn: "2020-01-01" }, "expiresOn"],
    ["an impossible date", { expiresOn: "2026-02-30" }, "expiresOn"],
    ["an end before the accept-by date", { endsOn: "2020-01-01" }, "endsOn"],
    ["an unknown buyer", { buyerAccountId: "999999999999" }, "buyerAccountId"],
    ["a partner as buyer", { buyerAccountId: "PARTNER" }, "buyerAccountId"],
    ["2 MB of terms", { items: [{ productId: "OWN", discountPercent: "10", additionalTerms: "x".repeat(2_000_000) }] }, "items.0.additionalTerms"],
    ["an unknown use", { use: "forever" }, "use"],
    ["a product twice", { items: [{ productId: "OWN", discountPercent: "10" }, { productId: "OWN", discountPercent: "20" }] }, "items.1.productId"],
  ];

  it.each(BAD)("refuses %s with a message on its field and writes nothing", async (_label, overrides, field) => {
    const substitute = (value: unknown): unknown =>
      value === "CUSTOMER" ? customer.accountId : value === "SELF" ? isv.accountId : value === "PARTNER" ? partner.accountId : value === "OTHER" ? otherIsvProductId : value === "OWN" || value === "p" ? productId : value;
    const input = validInvitation(
      Object.fromEntries(
        Object.entries(overrides).map(([k, v]) => [k, Array.isArray(v) ? v.map((item) => Object.fromEntries(Object.entries(item).map(([ik, iv]) => [ik, substitute(iv)]))) : substitute(v)]),
      ),
    );
    const before = await tableCounts(db);
    const result = await sendInvitation(db, isv, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.[0], JSON.stringify(result.fieldErrors)).toEqual(expect.any(String));
    expect(await tableCounts(db)).toEqual(before);
  });

  it("lets the vendor withdraw a pending invitation (the partner is told and can no longer accept), never another's", async () => {
    const id = await send();
    expect(await revokeAuthorization(db, otherIsv, { invitationId: id })).toEqual({ ok: false, error: NOT_FOUND });
    expect(await revokeAuthorization(db, isv, { invitationId: id })).toEqual({ ok: true, data: { invitationId: id } });
    expect(await statusOf(id)).toBe("revoked");
    const [told] = await db.select().from(notifications).where(and(eq(notifications.accountId, partner.accountId), eq(notifications.kind, "invitation.withdrawn")));
    expect(told?.href).toBe(`/partner/invitations/${id}`);
    expect(await acceptInvitation(db, partner, { invitationId: id })).toEqual({ ok: false, error: "This invitation is already revoked." });
    expect((await revokeAuthorization(db, isv, { invitationId: id })).ok).toBe(false);
  });

  it("answers another vendor's product as not found, records the attempt, and writes nothing", async () => {
    const before = await tableCounts(db, ["auditEvents"]);
    const result = await sendInvitation(db, isv, validInvitation({ items: [{ productId: otherIsvProductId, discountPercent: "10" }] }));
    expect(result).toEqual({ ok: false, error: NOT_FOUND });
    expect(await tableCounts(db, ["auditEvents"])).toEqual(before);
    const [denied] = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, otherIsvProductId), eq(auditEvents.outcome, "denied")));
    expect(denied).toMatchObject({ actorUserId: isv.id, action: "invitation.send", objectType: "product" });
  });

  it("makes one invitation of five identical sends at once (one request key)", async () => {
    const requestKey = `req_${Date.now()}_0123456789`;
    const results = await Promise.all(Array.from({ length: 5 }, () => sendInvitation(db, isv, validInvitation({ requestKey }))));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.data.invitationId : "")));
    expect(ids.size).toBe(1);
    const rows = await db.select().from(resaleAuthorizations).where(eq(resaleAuthorizations.requestKey, requestKey));
    expect(rows).toHaveLength(1);
  });

  it("ignores smuggled fields: the ISV is the caller, the status is pending", async () => {
    const result = await sendInvitation(db, isv, { ...validInvitation(), isvAccountId: otherIsv.accountId, status: "accepted", feeBps: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await db.select().from(resaleAuthorizations).where(eq(resaleAuthorizations.id, result.data.invitationId));
    expect(row).toMatchObject({ isvAccountId: isv.accountId, status: "pending" });
  });
});

describe(`responding to an invitation on ${dialect}`, () => {
  it("lets the partner accept; both parties are told; the products become resellable at wholesale", async () => {
    const id = await send({ items: [{ productId, discountPercent: "20", additionalTerms: "T&C" }] });
    expect(await acceptInvitation(db, partner, { invitationId: id })).toEqual({ ok: true, data: { invitationId: id } });
    expect(await statusOf(id)).toBe("accepted");
    const toIsv = await db.select().from(notifications).where(and(eq(notifications.accountId, isv.accountId), eq(notifications.kind, "invitation.accepted")));
    expect(toIsv.length).toBeGreaterThan(0);
    const resellable = await authorizedProducts(db, partner.accountId);
    const entry = resellable.find((p) => p.authorizationId === id);
    expect(entry?.prices).toEqual([
      { unitName: "Users", publicCents: 1500, wholesaleCents: 1200 },
      { unitName: "TB", publicCents: 3333, wholesaleCents: 2666 },
    ]);
    expect(entry?.additionalTerms).toBe("T&C");
  });

  it("answers another partner, the ISV and a customer with not found, changing nothing (IDOR)", async () => {
    const id = await send();
    for (const intruder of [otherPartner, customer]) {
      const before = await tableCounts(db, ["auditEvents"]);
      expect(await acceptInvitation(db, intruder, { invitationId: id })).toEqual({ ok: false, error: NOT_FOUND });
      expect(await declineInvitation(db, intruder, { invitationId: id })).toEqual({ ok: false, error: NOT_FOUND });
      expect(await tableCounts(db, ["auditEvents"])).toEqual(before);
    }
    expect(await invitationDetail(db, id, { partnerAccountId: otherPartner.accountId })).toBeNull();
    expect(await invitationDetail(db, id, { isvAccountId: otherIsv.accountId })).toBeNull();
    expect(await statusOf(id)).toBe("pending");
    const denied = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, id), eq(auditEvents.outcome, "denied")));
    expect(denied.map((d) => d.actorUserId)).toContain(otherPartner.id);
  });

  it("refuses a partner without a complete seller registration, with a link-able reason", async () => {
    const result = await sendInvitation(db, isv, validInvitation({ partnerAccountId: unregisteredPartner.accountId }));
    if (!result.ok) throw new Error("send failed");
    const before = await tableCounts(db);
    expect(await acceptInvitation(db, unregisteredPartner, { invitationId: result.data.invitationId })).toMatchObject({ ok: false, code: "registration_incomplete" });
    expect(await tableCounts(db)).toEqual(before);
    expect(await statusOf(result.data.invitationId)).toBe("pending");
  });

  it("lists an invitation past its accept-by as expired before any sweep records it (pages never write)", async () => {
    const id = await send({ expiresOn: tomorrow() });
    setClock(new Date(Date.now() + 3 * 86_400_000));
    try {
      const filtered = async (status: string) =>
        (await listReceivedInvitations(db, partner.accountId, parseTableParams(RECEIVED_TABLE, { status }))).rows.map((r) => r.id);
      expect(await filtered("expired")).toContain(id);
      expect(await filtered("pending")).not.toContain(id);
      expect(await statusOf(id)).toBe("pending");
    } finally {
      setClock(null);
    }
  });

  it("enforces expiry at the moment of acceptance, to the millisecond, without a sweep", async () => {
    const id = await send({ expiresOn: tomorrow() });
    const expiresAt = new Date(`${tomorrow()}T23:59:59.999Z`);
    setClock(expiresAt);
    const refused = await acceptInvitation(db, partner, { invitationId: id });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("expired") });
    expect(await statusOf(id)).toBe("pending"); // nothing written; the sweep records expiry separately
    setClock(new Date(expiresAt.getTime() - 1));
    expect((await acceptInvitation(db, partner, { invitationId: id })).ok).toBe(true);
  });

  it("declines with a reason, and refuses a second answer", async () => {
    const id = await send();
    expect((await declineInvitation(db, partner, { invitationId: id, reason: "Not our market" })).ok).toBe(true);
    const [row] = await db.select().from(resaleAuthorizations).where(eq(resaleAuthorizations.id, id));
    expect(row).toMatchObject({ status: "declined", declineReason: "Not our market" });
    expect(await acceptInvitation(db, partner, { invitationId: id })).toEqual({ ok: false, error: "This invitation is already declined." });
  });

  it("takes exactly one answer when the partner clicks accept ten times at once", async () => {
    const id = await send();
    const results = await Promise.all(Array.from({ length: 10 }, () => acceptInvitation(db, partner, { invitationId: id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, "invitation.accept")));
    expect(audits).toHaveLength(1);
  });
});

describe(`revoking and expiring on ${dialect}`, () => {
  it("lets the ISV revoke an accepted authorization, after which the products are no longer resellable", async () => {
    const id = await send();
    await acceptInvitation(db, partner, { invitationId: id });
    expect(await revokeAuthorization(db, otherIsv, { invitationId: id })).toEqual({ ok: false, error: NOT_FOUND });
    expect((await revokeAuthorization(db, isv, { invitationId: id })).ok).toBe(true);
    expect(await statusOf(id)).toBe("revoked");
    expect((await authorizedProducts(db, partner.accountId)).some((p) => p.authorizationId === id)).toBe(false);
    const toPartner = await db.select().from(notifications).where(and(eq(notifications.accountId, partner.accountId), eq(notifications.kind, "invitation.revoked")));
    expect(toPartner.length).toBeGreaterThan(0);
  });

  it("refuses to end a declined invitation", async () => {
    const id = await send();
    expect((await declineInvitation(db, partner, { invitationId: id })).ok).toBe(true);
    expect(await revokeAuthorization(db, isv, { invitationId: id })).toEqual({ ok: false, error: "Only an accepted authorization can be revoked." });
  });

  it("sweeps expired invitations once, telling both parties", async () => {
    const id = await send({ expiresOn: tomorrow() });
    const swept = await sweepExpiredInvitations(db, new Date(Date.now() + 3 * 86_400_000));
    expect(swept).toBeGreaterThan(0);
    expect(await statusOf(id)).toBe("expired");
    expect(await sweepExpiredInvitations(db, new Date(Date.now() + 3 * 86_400_000))).toBe(0);
    const told = await db.select().from(notifications).where(and(eq(notifications.kind, "invitation.expired"), eq(notifications.href, `/partner/invitations/${id}`)));
    expect(told).toHaveLength(1);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, "invitation.expire")));
    expect(audit?.outcome).toBe("success");
  });

  it("lists the partner's inbox pending first, soonest expiry first", async () => {
    const params = parseTableParams(RECEIVED_TABLE, {});
    const { rows } = await listReceivedInvitations(db, partner.accountId, { ...params, pageSize: 50 });
    const firstNonPending = rows.findIndex((r) => r.status !== "pending");
    expect(rows.slice(firstNonPending).some((r) => r.status === "pending")).toBe(false);
    const pending = rows.filter((r) => r.status === "pending").map((r) => r.expiresAt);
    expect(pending).toEqual([...pending].sort());
    expect(rows.every((r) => r.counterpartyAccountId === isv.accountId)).toBe(true);
  });
});

describe(`the partner's authorized products on ${dialect}`, () => {
  let reseller: CurrentUser;
  const ids = { multi: "", oneTime: "", ending: "" };
  const list = (query: Record<string, string> = {}) => listAuthorizedProducts(db, reseller.accountId, parseTableParams(AUTHORIZED_TABLE, query));

  beforeAll(async () => {
    reseller = await makeActor(db, "partner", { registered: true, name: "Partner D" });
    const zeta = await createProduct(db, isv, { name: "Zeta Search", description: "d", eulaText: "A standard EULA of some twenty characters.", dimensions: [{ unitName: "Queries", price: "40" }] });
    if (!zeta.ok) throw new Error(JSON.stringify(zeta));
    const sendAs = async (vendor: CurrentUser, overrides: Record<string, unknown>) => {
      const sent = await sendInvitation(db, vendor, validInvitation({ partnerAccountId: reseller.accountId, ...overrides }));
      if (!sent.ok) throw new Error(JSON.stringify(sent));
      expect((await acceptInvitation(db, reseller, { invitationId: sent.data.invitationId })).ok).toBe(true);
      return sent.data.invitationId;
    };
    ids.multi = await sendAs(isv, { items: [{ productId, discountPercent: "20", additionalTerms: "Support by partner." }] });
    ids.oneTime = await sendAs(otherIsv, { items: [{ productId: otherIsvProductId, discountPercent: "35" }], use: "one_time" });
    ids.ending = await sendAs(isv, { items: [{ productId: zeta.data.productId, discountPercent: "10" }], expiresOn: inDays(2), endsOn: inDays(3) });
  });

  it("pages what the unpaged list holds, by product name, with prices and limits", async () => {
    const { rows, total } = await list();
    expect(total).toBe(3);
    expect(rows.map((r) => r.productName)).toEqual(["Product of Vendor A", "Product of Vendor B", "Zeta Search"]);
    const all = await authorizedProducts(db, reseller.accountId);
    expect(rows.map((r) => r.id).sort()).toEqual(all.map((p) => `${p.authorizationId}:${p.productId}`).sort());
    expect(rows[0]).toMatchObject({
      authorizationId: ids.multi,
      isvAccountId: isv.accountId,
      isvName: "Vendor A",
      discountBps: 2000,
      additionalTerms: "Support by partner.",
      remainingUses: null,
      endsAt: null,
      prices: [
        { unitName: "Users", publicCents: 1500, wholesaleCents: 1200 },
        { unitName: "TB", publicCents: 3333, wholesaleCents: 2666 },
      ],
    });
    expect(rows[1]).toMatchObject({ authorizationId: ids.oneTime, remainingUses: 1, discountBps: 3500 });
    expect(rows[2]?.endsAt).not.toBeNull();
    expect((await list({ page: "2" })).rows).toEqual([]);
    expect((await list({ page: "2" })).total).toBe(3);
  });

  it("sorts by vendor, discount and end date, and searches product and vendor names and the vendor's account id", async () => {
    expect((await list({ sort: "discount", dir: "desc" })).rows.map((r) => r.discountBps)).toEqual([3500, 2000, 1000]);
    expect((await list({ sort: "vendor", dir: "desc" })).rows.map((r) => r.isvName)).toEqual(["Vendor B", "Vendor A", "Vendor A"]);
    // No end date counts as the latest.
    expect((await list({ sort: "ends" })).rows.map((r) => r.authorizationId)[0]).toBe(ids.ending);
    expect((await list({ q: "zeta" })).rows.map((r) => r.productName)).toEqual(["Zeta Search"]);
    expect((await list({ q: "vendor b" })).rows.map((r) => r.authorizationId)).toEqual([ids.oneTime]);
    const dashed = `${otherIsv.accountId.slice(0, 4)}-${otherIsv.accountId.slice(4, 8)}-${otherIsv.accountId.slice(8)}`;
    expect((await list({ q: dashed })).rows.map((r) => r.authorizationId)).toEqual([ids.oneTime]);
    expect((await list({ q: "nothing like it" })).total).toBe(0);
  });

  it("shows nothing of another partner's, and drops a used one-time, an ended and a revoked authorization as the unpaged list does", async () => {
    expect((await listAuthorizedProducts(db, otherPartner.accountId, parseTableParams(AUTHORIZED_TABLE, {}))).rows.some((r) => Object.values(ids).includes(r.authorizationId))).toBe(false);
    await db.transaction((tx) => tx.update(resaleAuthorizations).set({ offersExtended: 1 }).where(eq(resaleAuthorizations.id, ids.oneTime)));
    setClock(new Date(Date.now() + 10 * 86_400_000));
    const later = await list();
    expect(later.rows.map((r) => r.authorizationId)).toEqual([ids.multi]);
    expect((await authorizedProducts(db, reseller.accountId)).map((p) => p.authorizationId)).toEqual([ids.multi]);
    setClock(null);
    expect((await revokeAuthorization(db, isv, { invitationId: ids.multi })).ok).toBe(true);
    expect((await list()).rows.map((r) => r.authorizationId)).toEqual([ids.ending]);
  });
});
