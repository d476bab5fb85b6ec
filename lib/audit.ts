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

// Rows per INSERT: 12 columns each, well under SQLite's and PostgreSQL's bound-parameter limits.
const AUDIT_BATCH = 200;

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, actor, [entry]);
}

/** Many entries by one actor (a job's chunk), in multi-row inserts. */
export async function recordAudits(tx: Tx, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  const at = now();
  const rows = entries.map((entry) => ({
    id: newId("aud"),
    at,
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
  }));
  for (let i = 0; i < rows.length; i += AUDIT_BATCH) await tx.insert(auditEvents).values(rows.slice(i, i + AUDIT_BATCH));
}

export async function recordDenied(db: Db, actor: Actor, entry: Omit<AuditEntry, "outcome">): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, actor, { ...entry, outcome: "denied" }));
}
