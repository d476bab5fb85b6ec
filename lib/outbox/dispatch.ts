// The dispatcher: delivers outbox events after their change has committed.
//
// 1. Fan-out. An instance claims waiting events by setting `fanned_out_at`
//    where it is still null (a compare-and-set: two instances never both win
//    an event) and, in the same transaction, writes one delivery per channel
//    and target — an e-mail per user of the recipient account who has not
//    opted out of the kind, a webhook call per endpoint of the account that
//    subscribed to it. Deliveries are unique per (event, channel, target).
// 2. Delivery. An instance leases due deliveries (the same compare-and-set on
//    the lease), sends each outside any transaction, then records the outcome
//    under its lease. A process killed mid-send never records: its lease
//    expires and any instance sends again, with the same Message-ID, so the
//    recipient can tell it is the same message; a kept copy is stored once
//    (unique per event and user). Failures retry with exponential backoff and
//    jitter until the retry window (3 days) has passed, then fail for good.
//
// Scheduling times here are wall-clock (Date.now()); the mail's own date is the
// business clock (lib/clock.ts), like the notification it accompanies.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { insertMany } from "@/db";
import { accounts, deliveries, emailOptOuts, mailMessages, outboxEvents, users, webhookEndpoints } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { newOwner } from "@/lib/jobs/lease";
import { composeMail, appUrl } from "@/lib/outbox/mail";
import { configuredMailer, type Mailer } from "@/lib/outbox/mailer";
import { sendWebhook } from "@/lib/outbox/webhooks";

export type Delivery = typeof deliveries.$inferSelect;

export interface DispatchOptions {
  /** This dispatcher's lease owner token (one per process by default). */
  owner?: string;
  /** How long a claimed delivery is this dispatcher's before another may send it. */
  leaseMs?: number;
  /** Events fanned out, and deliveries claimed, per round. */
  batch?: number;
  mailer?: Mailer;
  /** The first retry's delay; each further one doubles it (capped at 6 hours). */
  retryBaseMs?: number;
  /** How long after a delivery was created it is still retried. */
  retryWindowMs?: number;
  /** Portal address for links in mail. */
  baseUrl?: string;
}

export interface DispatchSummary {
  fannedOut: number;
  delivered: number;
  retrying: number;
  failed: number;
}

const MAX_BACKOFF_MS = 6 * 3_600_000;

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function settings(options: DispatchOptions) {
  return {
    owner: options.owner ?? processOwner(),
    leaseMs: options.leaseMs ?? numberFromEnv("OUTBOX_LEASE_MS", 60_000),
    batch: options.batch ?? 100,
    mailer: options.mailer ?? processMailer(),
    retryBaseMs: options.retryBaseMs ?? numberFromEnv("OUTBOX_RETRY_BASE_MS", 30_000),
    retryWindowMs: options.retryWindowMs ?? numberFromEnv("OUTBOX_RETRY_WINDOW_MS", 3 * 86_400_000),
    baseUrl: options.baseUrl ?? appUrl(),
  };
}

const shared = globalThis as typeof globalThis & { __cppoOutbox?: { owner: string; mailer?: Mailer } };
function processOwner(): string {
  return (shared.__cppoOutbox ??= { owner: newOwner("outbox") }).owner;
}
function processMailer(): Mailer {
  const state = (shared.__cppoOutbox ??= { owner: newOwner("outbox") });
  return (state.mailer ??= configuredMailer());
}

/** The delay before retry number `attempts` (1-based), with ±25% jitter so a burst of failures spreads out. */
export function backoffMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const plain = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(plain * (0.75 + random() * 0.5));
}

/** Fans out up to `batch` waiting events; returns how many this instance won. */
export async function fanOut(db: Db, options: DispatchOptions = {}): Promise<number> {
  const { batch } = settings(options);
  const waiting = await db
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(isNull(outboxEvents.fannedOutAt))
    .orderBy(asc(outboxEvents.createdAt))
    .limit(batch);
  if (waiting.length === 0) return 0;
  return db.transaction(async (tx) => {
    const wall = new Date();
    const won = await tx
      .update(outboxEvents)
      .set({ fannedOutAt: wall })
      .where(and(inArray(outboxEvents.id, waiting.map((e) => e.id)), isNull(outboxEvents.fannedOutAt)))
      .returning({ id: outboxEvents.id, accountId: outboxEvents.accountId, kind: outboxEvents.kind });
    if (won.length === 0) return 0;
    const people = await tx
      .select({ id: users.id, accountId: users.accountId })
      .from(users)
      .where(and(inArray(users.accountId, [...new Set(won.map((e) => e.accountId))]), isNull(users.disabledAt)));
    const optedOut = new Set<string>();
    for (let i = 0; i < people.length; i += 500) {
      const rows = await tx
        .select()
        .from(emailOptOuts)
        .where(inArray(emailOptOuts.userId, people.slice(i, i + 500).map((p) => p.id)));
      for (const row of rows) optedOut.add(`${row.userId} ${row.kind}`);
    }
    const endpoints = await tx
      .select({ id: webhookEndpoints.id, accountId: webhookEndpoints.accountId, kinds: webhookEndpoints.kinds })
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.accountId, [...new Set(won.map((e) => e.accountId))]), isNull(webhookEndpoints.disabledAt)));
    const rows: (typeof deliveries.$inferInsert)[] = [];
    const delivery = (event: (typeof won)[number], channel: "email" | "webhook", target: string) => ({
      id: newId("dlv"),
      eventId: event.id,
      accountId: event.accountId,
      channel,
      target,
      status: "pending" as const,
      attempts: 0,
      nextAttemptAt: wall,
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
      responseCode: null,
      deliveredAt: null,
      createdAt: wall,
    });
    for (const event of won) {
      for (const person of people) {
        if (person.accountId === event.accountId && !optedOut.has(`${person.id} ${event.kind}`)) rows.push(delivery(event, "email", person.id));
      }
      for (const endpoint of endpoints) {
        if (endpoint.accountId === event.accountId && endpoint.kinds.includes(event.kind)) rows.push(delivery(event, "webhook", endpoint.id));
      }
    }
    await insertMany(tx, deliveries, rows, { skipConflicts: true });
    return won.length;
  });
}

/** Leases up to `batch` due deliveries to this dispatcher. */
export async function claimDeliveries(db: Db, options: DispatchOptions = {}): Promise<Delivery[]> {
  const { owner, leaseMs, batch } = settings(options);
  const wall = new Date();
  const free = or(isNull(deliveries.leaseExpiresAt), lt(deliveries.leaseExpiresAt, wall));
  const due = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.status, "pending"), lte(deliveries.nextAttemptAt, wall), free))
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(batch);
  if (due.length === 0) return [];
  return db.transaction((tx) =>
    tx
      .update(deliveries)
      .set({ leaseOwner: owner, leaseExpiresAt: new Date(wall.getTime() + leaseMs), attempts: sql`${deliveries.attempts} + 1` })
      .where(and(inArray(deliveries.id, due.map((d) => d.id)), eq(deliveries.status, "pending"), free))
      .returning(),
  );
}

type Outcome = { ok: true; responseCode?: number; kept?: typeof mailMessages.$inferInsert } | { ok: false; error: string; responseCode: number | null; final?: boolean };

/** What a round's sends read, in one query per table for the whole claimed batch. */
interface Lookups {
  events: Map<string, typeof outboxEvents.$inferSelect>;
  people: Map<string, { id: string; email: string; name: string; role: (typeof users.$inferSelect)["role"]; disabledAt: Date | null; accountId: string; accountName: string }>;
  endpoints: Map<string, typeof webhookEndpoints.$inferSelect>;
}

async function lookups(db: Db, claimed: readonly Delivery[]): Promise<Lookups> {
  const ids = (channel: Delivery["channel"] | null, pick: (d: Delivery) => string) => [...new Set(claimed.filter((d) => !channel || d.channel === channel).map(pick))];
  const eventIds = ids(null, (d) => d.eventId);
  const userIds = ids("email", (d) => d.target);
  const endpointIds = ids("webhook", (d) => d.target);
  const [events, people, endpoints] = await Promise.all([
    eventIds.length ? db.select().from(outboxEvents).where(inArray(outboxEvents.id, eventIds)) : [],
    userIds.length
      ? db
          .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, accountId: users.accountId, accountName: accounts.name })
          .from(users)
          .innerJoin(accounts, eq(accounts.id, users.accountId))
          .where(inArray(users.id, userIds))
      : [],
    endpointIds.length ? db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds)) : [],
  ]);
  return { events: new Map(events.map((e) => [e.id, e])), people: new Map(people.map((p) => [p.id, p])), endpoints: new Map(endpoints.map((e) => [e.id, e])) };
}

/** Sends one delivery (no database work: what it needs was read for the round). */
async function send(delivery: Delivery, found: Lookups, mailer: Mailer, baseUrl: string): Promise<Outcome> {
  const event = found.events.get(delivery.eventId);
  if (!event) return { ok: false, error: "The event no longer exists.", responseCode: null, final: true };
  if (delivery.channel === "webhook") {
    const endpoint = found.endpoints.get(delivery.target);
    if (!endpoint || endpoint.accountId !== delivery.accountId || endpoint.disabledAt) return { ok: false, error: "The endpoint was deleted.", responseCode: null, final: true };
    return sendWebhook(endpoint, event, baseUrl);
  }
  const person = found.people.get(delivery.target);
  if (!person || person.disabledAt || person.accountId !== delivery.accountId) return { ok: false, error: "The recipient is disabled or no longer in the account.", responseCode: null, final: true };
  const mail = composeMail(event, person, baseUrl);
  try {
    await mailer.send(mail);
  } catch (error) {
    const code = (error as { responseCode?: unknown }).responseCode;
    return { ok: false, error: error instanceof Error ? error.message : String(error), responseCode: typeof code === "number" ? code : null };
  }
  return {
    ok: true,
    kept: {
      id: newId("mail"),
      eventId: event.id,
      userId: person.id,
      accountId: person.accountId,
      messageId: mail.messageId,
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      transport: mailer.transport,
      createdAt: now(),
    },
  };
}

type Result = "delivered" | "retrying" | "failed";

/**
 * Records a group's outcomes in one transaction, each only while this
 * dispatcher still holds the delivery's lease: the kept copies (once per event
 * and user), the delivered ones at once, each failure with its retry time.
 */
async function record(db: Db, sent: readonly { delivery: Delivery; outcome: Outcome }[], options: DispatchOptions): Promise<Result[]> {
  const { owner, retryBaseMs, retryWindowMs } = settings(options);
  const wall = new Date();
  const mine = (ids: string[]) => and(inArray(deliveries.id, ids), eq(deliveries.leaseOwner, owner), eq(deliveries.status, "pending"));
  return db.transaction(async (tx) => {
    const kept = sent.flatMap(({ outcome }) => (outcome.ok && outcome.kept ? [outcome.kept] : []));
    if (kept.length) await insertMany(tx, mailMessages, kept, { skipConflicts: true });
    // Delivered ones, one update per response code (e-mail has none; webhooks mostly one).
    const byCode = new Map<number | null, string[]>();
    for (const { delivery, outcome } of sent) if (outcome.ok) byCode.set(outcome.responseCode ?? null, [...(byCode.get(outcome.responseCode ?? null) ?? []), delivery.id]);
    for (const [responseCode, ids] of byCode) {
      await tx.update(deliveries).set({ status: "delivered", deliveredAt: wall, leaseOwner: null, leaseExpiresAt: null, lastError: null, responseCode }).where(mine(ids));
    }
    const results: Result[] = [];
    for (const { delivery, outcome } of sent) {
      if (outcome.ok) {
        results.push("delivered");
        continue;
      }
      const expired = wall.getTime() - delivery.createdAt.getTime() >= retryWindowMs;
      const lastError = outcome.error.slice(0, 1000);
      if (outcome.final || expired) {
        await tx.update(deliveries).set({ status: "failed", leaseOwner: null, leaseExpiresAt: null, lastError, responseCode: outcome.responseCode }).where(mine([delivery.id]));
        results.push("failed");
      } else {
        const nextAttemptAt = new Date(wall.getTime() + backoffMs(delivery.attempts, retryBaseMs));
        await tx.update(deliveries).set({ nextAttemptAt, leaseOwner: null, leaseExpiresAt: null, lastError, responseCode: outcome.responseCode }).where(mine([delivery.id]));
        results.push("retrying");
      }
    }
    return results;
  });
}

/** Sends at once per group: SMTP and HTTP round trips overlap, and no burst of sends holds the event loop. */
const GROUP = 8;

/** One round: fan out waiting events, then send the deliveries due now, recording each group's outcomes together. */
export async function dispatchOnce(db: Db, options: DispatchOptions = {}): Promise<DispatchSummary> {
  const { mailer, baseUrl } = settings(options);
  const summary: DispatchSummary = { fannedOut: await fanOut(db, options), delivered: 0, retrying: 0, failed: 0 };
  const claimed = await claimDeliveries(db, options);
  if (claimed.length === 0) return summary;
  const found = await lookups(db, claimed);
  for (let i = 0; i < claimed.length; i += GROUP) {
    const group = claimed.slice(i, i + GROUP);
    const outcomes = await Promise.all(group.map((delivery) => send(delivery, found, mailer, baseUrl)));
    for (const result of await record(db, group.map((delivery, j) => ({ delivery, outcome: outcomes[j]! })), options)) summary[result]++;
  }
  return summary;
}

/** Rounds until nothing is waiting or due (or `budgetMs` has passed); the summed summary. */
export async function drainOutbox(db: Db, options: DispatchOptions & { budgetMs?: number } = {}): Promise<DispatchSummary> {
  const total: DispatchSummary = { fannedOut: 0, delivered: 0, retrying: 0, failed: 0 };
  const until = Date.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  for (;;) {
    const round = await dispatchOnce(db, options);
    total.fannedOut += round.fannedOut;
    total.delivered += round.delivered;
    total.retrying += round.retrying;
    total.failed += round.failed;
    if ((round.fannedOut === 0 && round.delivered + round.retrying + round.failed === 0) || Date.now() >= until) return total;
  }
}
