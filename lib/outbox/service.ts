// Which events e-mail a user: every kind its role receives, less the ones it
// turned off (stored as opt-outs, so a kind added later e-mails by default).
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { emailOptOuts, mailMessages } from "@/db/schema";
import type { Role } from "@/db/enums";
import { defineOperation } from "@/lib/actions/operation";
import { EVENT_KINDS, eventKindsFor, type EventKind } from "@/lib/outbox/events";

export const emailPreferencesSchema = z.strictObject({
  enabled: z.array(z.enum(EVENT_KINDS as [EventKind, ...EventKind[]], { message: "Choose events from the list" })).max(EVENT_KINDS.length, "Too many events"),
});

function kindsOf(role: Role): EventKind[] {
  return eventKindsFor(role).flatMap((group) => group.kinds.map((k) => k.kind));
}

/** The kinds the user's role receives, each with whether it e-mails the user. */
export async function emailPreferences(db: Db, user: { id: string; role: Role }) {
  const off = new Set((await db.select({ kind: emailOptOuts.kind }).from(emailOptOuts).where(eq(emailOptOuts.userId, user.id))).map((r) => r.kind));
  return eventKindsFor(user.role).map((group) => ({ topic: group.topic, kinds: group.kinds.map((k) => ({ ...k, email: !off.has(k.kind) })) }));
}

export const setEmailPreferences = defineOperation("account.email", emailPreferencesSchema, async (ctx, input) => {
  const mine = kindsOf(ctx.user.role);
  const enabled = new Set(input.enabled);
  const off = mine.filter((kind) => !enabled.has(kind));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(emailOptOuts).where(eq(emailOptOuts.userId, ctx.user.id));
    if (off.length) await tx.insert(emailOptOuts).values(off.map((kind) => ({ userId: ctx.user.id, kind })));
    await ctx.audit(tx, { action: "account.email_preferences", objectType: "user", objectId: ctx.user.id, after: { off } });
  });
  return { emailed: mine.length - off.length, off: off.length };
});

/** The user's own kept or sent copy of each of these events' e-mail (the notifications list links them). */
export async function mailForEvents(db: Db, userId: string, eventIds: readonly string[]): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ id: mailMessages.id, eventId: mailMessages.eventId })
    .from(mailMessages)
    .where(and(eq(mailMessages.userId, userId), inArray(mailMessages.eventId, [...eventIds])));
  return new Map(rows.map((r) => [r.eventId, r.id]));
}

/** One e-mail, if it was addressed to this user (reps may read every message: the outbox page). */
export async function readMail(db: Db, viewer: { id: string; role: Role }, mailId: string) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, mailId));
  if (!row || (row.userId !== viewer.id && viewer.role !== "rep")) return null;
  return row;
}

/** The user's own mail, newest first. */
export async function listOwnMail(db: Db, userId: string, limit = 50) {
  return db.select().from(mailMessages).where(eq(mailMessages.userId, userId)).orderBy(desc(mailMessages.createdAt), desc(mailMessages.id)).limit(limit);
}
