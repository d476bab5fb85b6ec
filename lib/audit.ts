// One helper records an append-only audit event, in the same transaction as the
// change it describes. Denied attempts get their own small transaction.
import type { Db, Tx } from "@/db";
import { auditEvents } from "@/db/schema";
import type { AuditOutcome, Role } from "@/db/enums";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";

export interface Actor {
  userId: string | null;
  role: Role | null;
  accountId: string | null;
  ip?: string | null;
}

/** The portal itself (sweeps, scheduled runs). */
export const SYSTEM: Actor = { userId: null, role: null, accountId: null, ip: "system" };

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  outcome?: AuditOutcome;
}

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    id: newId("aud"),
    at: now(),
    actorUserId: actor.userId,
    actorRole: actor.role,
    accountId: actor.accountId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    outcome: entry.outcome ?? "success",
    ip: actor.ip ?? null,
  });
}

export async function recordDenied(db: Db, actor: Actor, entry: Omit<AuditEntry, "outcome">): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, actor, { ...entry, outcome: "denied" }));
}
