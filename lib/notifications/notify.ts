// In-portal notifications, written in the same transaction as the change they
// announce — and with each, its outbox event (same id), which the dispatcher
// (lib/outbox/dispatch.ts) delivers by e-mail and webhook once the change has
// committed. A change that rolls back takes both with it.
import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { insertMany } from "@/db";
import { countUpTo } from "@/db/lookups";
import { notifications, outboxEvents } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import type { EventKind } from "@/lib/outbox/events";

export interface NotificationInput {
  kind: EventKind;
  title: string;
  body: string;
  href?: string;
  /** Figures the recipient may see, label → value (e-mail and webhook payloads). */
  facts?: Record<string, string>;
}

export async function notify(tx: Tx, accountId: string, input: NotificationInput): Promise<void> {
  await notifyMany(tx, [{ accountId, ...input }]);
}

/** Many notifications at once through the bulk path (a billing chunk's new bills). */
export async function notifyMany(tx: Tx, items: readonly (NotificationInput & { accountId: string })[]): Promise<void> {
  if (items.length === 0) return;
  const at = now();
  const rows = items.map((item) => ({ id: newId("ntf"), accountId: item.accountId, kind: item.kind, title: item.title, body: item.body, href: item.href ?? null, createdAt: at, facts: item.facts ?? null }));
  await insertMany(
    tx,
    notifications,
    rows.map(({ facts: _facts, ...row }) => ({ ...row, readAt: null })),
  );
  await insertMany(
    tx,
    outboxEvents,
    rows.map((row) => ({ ...row, fannedOutAt: null })),
  );
}

/** The inbox counts an account's notifications this far: past it the pager says "500+" pages. */
export const NOTIFICATIONS_COUNTED = 10_000;

/**
 * A page of the account's notifications, newest first, and how many there are — counted through the
 * index no further than NOTIFICATIONS_COUNTED + 1 (`capped` past that): an account's notifications
 * grow with its history, and the inbox must not count all of them on every visit.
 */
export async function listNotifications(db: Db, accountId: string, { limit, offset }: { limit: number; offset: number }) {
  const mine = eq(notifications.accountId, accountId);
  const [rows, n] = await Promise.all([
    db.select().from(notifications).where(mine).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit).offset(offset),
    countUpTo(db, notifications, mine, NOTIFICATIONS_COUNTED),
  ]);
  return { rows, total: Math.min(n, NOTIFICATIONS_COUNTED), capped: n > NOTIFICATIONS_COUNTED };
}

/** Marks one of the account's notifications read and returns where it points; null if not the account's. */
export async function openNotification(db: Db, accountId: string, id: string): Promise<{ href: string | null } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ href: notifications.href, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)));
    if (!row) return null;
    if (!row.readAt) await tx.update(notifications).set({ readAt: now() }).where(eq(notifications.id, id));
    return { href: row.href };
  });
}
