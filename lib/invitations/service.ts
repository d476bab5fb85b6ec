// Invitations to resell: sent by an ISV, accepted or declined by the partner,
// expired by the clock, revoked by the ISV. Each change, its audit event and the
// notifications to both parties commit together.
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate, isUniqueViolation } from "@/db";
import { accounts, authorizationItems, resaleAuthorizations } from "@/db/schema";
import { formatAccountId } from "@/lib/account-id";
import { defineOperation, InvalidInput, NotFound, Refused, type OperationContext } from "@/lib/actions/operation";
import { recordAudit, SYSTEM } from "@/lib/audit";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { effectiveStatus, refusal } from "@/lib/invitations/state";
import { declineInvitationSchema, endOfDayUtc, invitationIdSchema, lookupPartnerSchema, sendInvitationSchema } from "@/lib/invitations/validations";
import { notify } from "@/lib/notifications/notify";
import { productsWithDimensions } from "@/lib/products/service";
import type { z } from "zod";
import { requireRegisteredSeller } from "@/lib/sellers/service";

async function accountName(tx: Tx, id: string) {
  const [row] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, id));
  return row?.name ?? formatAccountId(id);
}

export const sendInvitation = defineOperation("invitation.send", sendInvitationSchema, async (ctx, input) => {
  const at = now();
  const expiresAt = endOfDayUtc(input.expiresOn);
  if (expiresAt <= at) throw new InvalidInput({ expiresOn: ["Choose an accept-by date in the future"] });
  const endsAt = input.endsOn ? endOfDayUtc(input.endsOn) : null;
  const isvAccountId = ctx.user.accountId;
  const id = newId("inv");
  // The same request sent again (a double click, a retry, five identical sends at once) makes one invitation.
  const earlier = async () =>
    input.requestKey
      ? (
          await ctx.db
            .select({ id: resaleAuthorizations.id })
            .from(resaleAuthorizations)
            .where(and(eq(resaleAuthorizations.isvAccountId, isvAccountId), eq(resaleAuthorizations.requestKey, input.requestKey)))
        )[0]?.id
      : undefined;
  const sent = await earlier();
  if (sent) return { invitationId: sent };

  try {
    await sendIn(ctx, input, { id, isvAccountId, at, expiresAt, endsAt });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await earlier();
      if (winner) return { invitationId: winner };
    }
    throw error;
  }
  return { invitationId: id };
});

async function sendIn(
  ctx: OperationContext,
  input: z.output<typeof sendInvitationSchema>,
  { id, isvAccountId, at, expiresAt, endsAt }: { id: string; isvAccountId: string; at: Date; expiresAt: Date; endsAt: Date | null },
) {
  await ctx.db.transaction(async (tx) => {
    await requireRegisteredSeller(tx, isvAccountId);
    if (input.partnerAccountId === isvAccountId) throw new InvalidInput({ partnerAccountId: ["That is your own account; enter the partner's account id"] });
    const [partner] = await tx.select().from(accounts).where(eq(accounts.id, input.partnerAccountId));
    if (!partner || partner.type !== "partner") {
      throw new InvalidInput({ partnerAccountId: ["No consulting partner has this account id; check it with the partner"] });
    }
    if (input.buyerAccountId) {
      const [buyer] = await tx.select().from(accounts).where(eq(accounts.id, input.buyerAccountId));
      if (!buyer || buyer.type !== "customer") throw new InvalidInput({ buyerAccountId: ["No customer has this account id"] });
    }
    const owned = await productsWithDimensions(tx, input.items.map((i) => i.productId), isvAccountId);
    // Product ids come from the form's own list: one that is not this vendor's is another tenant's (or none), not a typo.
    const foreign = input.items.find((item) => !owned.some((p) => p.id === item.productId));
    if (foreign) throw new NotFound("product", foreign.productId);

    await tx.insert(resaleAuthorizations).values({
      id,
      isvAccountId,
      partnerAccountId: partner.id,
      status: "pending",
      expiresAt,
      endsAt,
      use: input.use,
      buyerAccountId: input.buyerAccountId ?? null,
      requestKey: input.requestKey ?? null,
      createdAt: at,
    });
    await tx.insert(authorizationItems).values(
      input.items.map((item) => ({
        id: newId("ait"),
        authorizationId: id,
        productId: item.productId,
        discountBps: item.discountPercent,
        additionalTerms: item.additionalTerms || null,
      })),
    );
    await ctx.audit(tx, {
      action: "invitation.send",
      objectType: "resale_authorization",
      objectId: id,
      after: { partnerAccountId: partner.id, items: input.items.map((i) => [i.productId, i.discountPercent]), expiresAt: expiresAt.toISOString(), use: input.use },
    });
    const products = owned.map((p) => p.name).join(", ");
    await notify(tx, partner.id, {
      kind: "invitation.sent",
      title: `${ctx.user.accountName} invites you to resell`,
      body: `${products}. Accept by ${input.expiresOn}.`,
      href: `/partner/invitations/${id}`,
    });
    await notify(tx, isvAccountId, {
      kind: "invitation.sent",
      title: `Invitation sent to ${partner.name}`,
      body: `${products}, accept by ${input.expiresOn}.`,
      href: `/vendor/invitations/${id}`,
    });
  });
}

/**
 * Names the partner behind an account id before the vendor confirms an
 * invitation, with the same field errors the send would give (a read: nothing
 * is written). Only partner accounts are named.
 */
export const lookupPartner = defineOperation("invitation.send", lookupPartnerSchema, async (ctx, input) => {
  if (input.partnerAccountId === ctx.user.accountId) throw new InvalidInput({ partnerAccountId: ["That is your own account; enter the partner's account id"] });
  const [partner] = await ctx.db.select({ id: accounts.id, name: accounts.name, type: accounts.type }).from(accounts).where(eq(accounts.id, input.partnerAccountId));
  if (!partner || partner.type !== "partner") throw new InvalidInput({ partnerAccountId: ["No consulting partner has this account id; check it with the partner"] });
  return { partnerAccountId: partner.id, name: partner.name };
});

/** The authorization, locked for this transaction, if it belongs to the given side. */
async function lockAuthorization(tx: Tx, id: string, side: { partnerAccountId: string } | { isvAccountId: string }) {
  const owner =
    "partnerAccountId" in side
      ? eq(resaleAuthorizations.partnerAccountId, side.partnerAccountId)
      : eq(resaleAuthorizations.isvAccountId, side.isvAccountId);
  const [row] = await forUpdate(
    tx.select().from(resaleAuthorizations).where(and(eq(resaleAuthorizations.id, id), owner)).$dynamic(),
  );
  if (!row) throw new NotFound("resale_authorization", id);
  return row;
}

export const acceptInvitation = defineOperation("invitation.respond", invitationIdSchema, async (ctx, { invitationId }) => {
  await ctx.db.transaction(async (tx) => {
    const invitation = await lockAuthorization(tx, invitationId, { partnerAccountId: ctx.user.accountId });
    // Expiry is decided here, at the moment of acceptance, not by a sweep.
    const refused = refusal(invitation, "accept", now());
    if (refused) throw new Refused(refused);
    await requireRegisteredSeller(tx, ctx.user.accountId);
    await tx
      .update(resaleAuthorizations)
      .set({ status: "accepted", respondedAt: now() })
      .where(eq(resaleAuthorizations.id, invitationId));
    await ctx.audit(tx, { action: "invitation.accept", objectType: "resale_authorization", objectId: invitationId, before: { status: invitation.status }, after: { status: "accepted" } });
    await notify(tx, invitation.isvAccountId, {
      kind: "invitation.accepted",
      title: `${ctx.user.accountName} accepted your invitation`,
      body: "They can now extend private offers for the authorized products.",
      href: `/vendor/invitations/${invitationId}`,
    });
    await notify(tx, ctx.user.accountId, {
      kind: "invitation.accepted",
      title: `You are authorized to resell for ${await accountName(tx, invitation.isvAccountId)}`,
      body: "The products are listed under Authorized products.",
      href: `/partner/invitations/${invitationId}`,
    });
  });
  return { invitationId };
});

export const declineInvitation = defineOperation("invitation.respond", declineInvitationSchema, async (ctx, { invitationId, reason }) => {
  await ctx.db.transaction(async (tx) => {
    const invitation = await lockAuthorization(tx, invitationId, { partnerAccountId: ctx.user.accountId });
    const refused = refusal(invitation, "decline", now());
    if (refused) throw new Refused(refused);
    await tx
      .update(resaleAuthorizations)
      .set({ status: "declined", respondedAt: now(), declineReason: reason || null })
      .where(eq(resaleAuthorizations.id, invitationId));
    await ctx.audit(tx, { action: "invitation.decline", objectType: "resale_authorization", objectId: invitationId, before: { status: invitation.status }, after: { status: "declined", reason: reason ?? null } });
    await notify(tx, invitation.isvAccountId, {
      kind: "invitation.declined",
      title: `${ctx.user.accountName} declined your invitation`,
      body: reason ? `Reason: ${reason}` : "No reason given.",
      href: `/vendor/invitations/${invitationId}`,
    });
    await notify(tx, ctx.user.accountId, {
      kind: "invitation.declined",
      title: `You declined the invitation from ${await accountName(tx, invitation.isvAccountId)}`,
      body: reason ? `Reason: ${reason}` : "No reason given.",
      href: `/partner/invitations/${invitationId}`,
    });
  });
  return { invitationId };
});

/**
 * The vendor ends an invitation: a pending one is withdrawn (the partner can no
 * longer accept it), an accepted one revoked (no new offers; extended offers
 * keep their price). Both end in the `revoked` state.
 */
export const revokeAuthorization = defineOperation("invitation.revoke", invitationIdSchema, async (ctx, { invitationId }) => {
  await ctx.db.transaction(async (tx) => {
    const authorization = await lockAuthorization(tx, invitationId, { isvAccountId: ctx.user.accountId });
    const at = now();
    if (effectiveStatus(authorization, at) === "pending") {
      await tx.update(resaleAuthorizations).set({ status: "revoked", revokedAt: at }).where(eq(resaleAuthorizations.id, invitationId));
      await ctx.audit(tx, { action: "invitation.withdraw", objectType: "resale_authorization", objectId: invitationId, before: { status: "pending" }, after: { status: "revoked" } });
      await notify(tx, authorization.partnerAccountId, {
        kind: "invitation.withdrawn",
        title: `${ctx.user.accountName} withdrew its invitation`,
        body: "It can no longer be accepted.",
        href: `/partner/invitations/${invitationId}`,
      });
      return;
    }
    const refused = refusal(authorization, "revoke", at);
    if (refused) throw new Refused(refused);
    await tx
      .update(resaleAuthorizations)
      .set({ status: "revoked", revokedAt: now() })
      .where(eq(resaleAuthorizations.id, invitationId));
    await ctx.audit(tx, { action: "invitation.revoke", objectType: "resale_authorization", objectId: invitationId, before: { status: "accepted" }, after: { status: "revoked" } });
    await notify(tx, authorization.partnerAccountId, {
      kind: "invitation.revoked",
      title: `${ctx.user.accountName} revoked your authorization`,
      body: "Offers you already extended keep their price; you cannot extend new ones.",
      href: `/partner/invitations/${invitationId}`,
    });
    await notify(tx, ctx.user.accountId, {
      kind: "invitation.revoked",
      title: `Authorization of ${await accountName(tx, authorization.partnerAccountId)} revoked`,
      body: "Offers already extended keep their price; no new offers.",
      href: `/vendor/invitations/${invitationId}`,
    });
  });
  return { invitationId };
});

const EXPIRY_WARNING_MS = 3 * 86_400_000;

/**
 * Tells the partner, once, that a pending invitation expires within 3 days
 * (the sweep runs every 15 minutes; `expiry_warned_at` keeps it to one notice).
 */
export async function warnExpiringInvitations(db: Db, at: Date = now()): Promise<number> {
  const due = and(
    eq(resaleAuthorizations.status, "pending"),
    gt(resaleAuthorizations.expiresAt, at),
    lte(resaleAuthorizations.expiresAt, new Date(at.getTime() + EXPIRY_WARNING_MS)),
    isNull(resaleAuthorizations.expiryWarnedAt),
  );
  const [any] = await db.select({ id: resaleAuthorizations.id }).from(resaleAuthorizations).where(due).limit(1);
  if (!any) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx.update(resaleAuthorizations).set({ expiryWarnedAt: at }).where(due).returning();
    for (const row of rows) {
      const days = Math.max(1, Math.ceil((row.expiresAt.getTime() - at.getTime()) / 86_400_000));
      await notify(tx, row.partnerAccountId, {
        kind: "invitation.expiring",
        title: `The invitation from ${await accountName(tx, row.isvAccountId)} expires in ${days} day${days === 1 ? "" : "s"}`,
        body: `Accept it by ${row.expiresAt.toISOString().slice(0, 10)} to resell the vendor's products; after that the vendor has to send a new one.`,
        href: `/partner/invitations/${row.id}`,
        facts: { "Accept by": `${row.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC` },
      });
    }
    return rows.length;
  });
}

/**
 * Records expiry of pending invitations past their accept-by instant and tells
 * both parties. Acceptance never relies on this (it checks the clock itself);
 * the sweep keeps lists, filters and notifications true. Cheap when there is
 * nothing to do: one indexed read, no write transaction.
 */
export async function sweepExpiredInvitations(db: Db, at: Date = now()): Promise<number> {
  const due = and(eq(resaleAuthorizations.status, "pending"), lte(resaleAuthorizations.expiresAt, at));
  const [any] = await db.select({ id: resaleAuthorizations.id }).from(resaleAuthorizations).where(due).limit(1);
  if (!any) return 0;
  return db.transaction(async (tx) => {
    const rows = await forUpdate(tx.select().from(resaleAuthorizations).where(due).$dynamic());
    if (rows.length === 0) return 0;
    await tx.update(resaleAuthorizations).set({ status: "expired", respondedAt: at }).where(inArray(resaleAuthorizations.id, rows.map((r) => r.id)));
    for (const row of rows) {
      await recordAudit(tx, SYSTEM, {
        action: "invitation.expire",
        objectType: "resale_authorization",
        objectId: row.id,
        before: { status: "pending" },
        after: { status: "expired" },
      });
      const [isvName, partnerName] = [await accountName(tx, row.isvAccountId), await accountName(tx, row.partnerAccountId)];
      await notify(tx, row.partnerAccountId, {
        kind: "invitation.expired",
        title: `The invitation from ${isvName} expired`,
        body: "It was not accepted in time. Ask the vendor for a new one.",
        href: `/partner/invitations/${row.id}`,
      });
      await notify(tx, row.isvAccountId, {
        kind: "invitation.expired",
        title: `Your invitation to ${partnerName} expired`,
        body: "It was not accepted in time. You can send a new one.",
        href: `/vendor/invitations/${row.id}`,
      });
    }
    return rows.length;
  });
}
