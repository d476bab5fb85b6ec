// Runs have owners that can die. A run (a `job_runs` row) is held under a lease:
// its owner renews it while it works, and every committed chunk is fenced by it
// (the chunk's transaction updates the run row only `where lease_owner = me`,
// and rolls back when that matches nothing). A process killed mid-run simply
// stops renewing; once the lease has expired the row reads as interrupted, and
// the next run of the same kind and scope — from any instance, console, CLI or
// scheduler — takes it over and finishes it from its cursor.
//
// Lease times are wall-clock (Date.now()), not the business clock of
// lib/clock.ts, which tests and the demo pin to other months.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate, isUniqueViolation } from "@/db";
import { jobRuns } from "@/db/schema";
import type { JobKind, JobTrigger } from "@/db/enums";
import { newId } from "@/lib/ids";

export type JobRun = typeof jobRuns.$inferSelect;

/** What a person sees: a `running` row without a live lease is interrupted. */
export type RunState = "running" | "interrupted" | "completed" | "failed";

/** How long a lease lasts without renewal; owners renew it every third of that. */
export function defaultLeaseMs(): number {
  const fromEnv = Number(process.env.JOB_LEASE_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : 30_000;
}

export function runState(run: Pick<JobRun, "status" | "leaseExpiresAt">, wallNow: number = Date.now()): RunState {
  if (run.status !== "running") return run.status;
  return run.leaseExpiresAt && run.leaseExpiresAt.getTime() > wallNow ? "running" : "interrupted";
}

/** A lease this process holds on a run. */
export interface Lease {
  runId: string;
  owner: string;
  leaseMs: number;
}

/** The lease was taken over by another owner (ours had expired): stop without writing. */
export class LeaseLost extends Error {
  constructor(readonly runId: string) {
    super(`The lease on run ${runId} was taken over by another process; this one stops.`);
  }
}

/** Thrown by a run's `stopAfterChunks` (tests): it stops where a killed process would, its lease left to expire. */
export class SimulatedDeath extends Error {
  constructor() {
    super("simulated death (tests)");
  }
}

/** A live run already holds the kind and scope. */
export class RunBusy extends Error {
  constructor(readonly run: JobRun) {
    super(`A ${run.kind} run${run.period ? ` for ${run.period}` : ""} is already running (${run.id}, started ${run.startedAt.toISOString()}); it finishes by itself.`);
  }
}

export type Claim = { lease: Lease; run: JobRun; tookOver: boolean };

export function newOwner(label = "proc"): string {
  return `${label}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

const leaseUntil = (leaseMs: number) => new Date(Date.now() + leaseMs);

/**
 * Starts a run of `kind` over `scope`, or takes over the interrupted one; throws
 * RunBusy when a live run holds it. At most one `running` row exists per kind and
 * scope (a partial unique index), so two instances claiming at once get one run.
 */
export async function claimRun(
  db: Db,
  request: { kind: JobKind; scope?: string; period?: string | null; trigger: JobTrigger; total?: number; at: Date; leaseMs?: number; owner?: string; runId?: string },
): Promise<Claim> {
  const scope = request.scope ?? "";
  const leaseMs = request.leaseMs ?? defaultLeaseMs();
  const owner = request.owner ?? newOwner();
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const [current] = await forUpdate(
          tx
            .select()
            .from(jobRuns)
            .where(and(eq(jobRuns.kind, request.kind), eq(jobRuns.scope, scope), eq(jobRuns.status, "running")))
            .$dynamic(),
        );
        const wall = new Date();
        if (current) {
          if (runState(current, wall.getTime()) === "running") throw new RunBusy(current);
          const [taken] = await tx
            .update(jobRuns)
            .set({ leaseOwner: owner, leaseExpiresAt: leaseUntil(leaseMs), heartbeatAt: wall, takeovers: current.takeovers + 1 })
            .where(and(eq(jobRuns.id, current.id), eq(jobRuns.status, "running")))
            .returning();
          return { lease: { runId: current.id, owner, leaseMs }, run: taken!, tookOver: true };
        }
        const [created] = await tx
          .insert(jobRuns)
          .values({
            id: request.runId ?? newId("run"),
            kind: request.kind,
            period: request.period ?? null,
            scope,
            trigger: request.trigger,
            status: "running",
            done: 0,
            total: request.total ?? 0,
            leaseOwner: owner,
            leaseExpiresAt: leaseUntil(leaseMs),
            heartbeatAt: wall,
            startedAt: request.at,
          })
          .returning();
        return { lease: { runId: created!.id, owner, leaseMs }, run: created!, tookOver: false };
      });
    } catch (error) {
      // Another instance inserted the running row between our read and our insert: read it again.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/** The worker process takes up the lease its parent claimed (same owner token); null when it is no longer that owner's. */
export async function adoptRun(db: Db, runId: string, owner: string, leaseMs: number = defaultLeaseMs()): Promise<Claim | null> {
  const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, runId));
  if (!run || run.status !== "running" || run.leaseOwner !== owner) return null;
  const lease = { runId, owner, leaseMs };
  try {
    await db.transaction((tx) => fence(tx, lease));
  } catch (error) {
    if (error instanceof LeaseLost) return null;
    throw error;
  }
  return { lease, run, tookOver: run.takeovers > 0 };
}

/**
 * Renews the lease and records progress, inside the caller's transaction: when
 * the lease is no longer ours the update matches nothing and LeaseLost rolls
 * the whole chunk back, so a run that lost its lease never commits work.
 */
export async function fence(tx: Tx, lease: Lease, progress: Partial<Pick<JobRun, "done" | "total" | "cursor" | "summary">> = {}): Promise<void> {
  const rows = await tx
    .update(jobRuns)
    .set({ ...progress, leaseExpiresAt: leaseUntil(lease.leaseMs), heartbeatAt: new Date() })
    .where(and(eq(jobRuns.id, lease.runId), eq(jobRuns.leaseOwner, lease.owner), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  if (rows.length === 0) throw new LeaseLost(lease.runId);
}

/** Ends the run: completed with its summary, or failed with the error. */
export async function finishRun(db: Db, lease: Lease, outcome: { status: "completed"; summary: Record<string, number>; done?: number } | { status: "failed"; error: string }) {
  await db.transaction(async (tx) => {
    await tx
      .update(jobRuns)
      .set(
        outcome.status === "completed"
          ? { status: "completed", summary: outcome.summary, ...(outcome.done === undefined ? {} : { done: outcome.done }), finishedAt: new Date(), leaseExpiresAt: null }
          : { status: "failed", error: outcome.error.slice(0, 2000), finishedAt: new Date(), leaseExpiresAt: null },
      )
      .where(and(eq(jobRuns.id, lease.runId), eq(jobRuns.leaseOwner, lease.owner), eq(jobRuns.status, "running")));
  });
}

/**
 * Renews the lease on a timer while `work` runs (for the stretches between
 * fenced chunks: a slow first query, a long chunk). Stops renewing as soon as
 * the lease is lost or the work ends.
 */
export async function withHeartbeat<T>(db: Db, lease: Lease, work: () => Promise<T>): Promise<T> {
  const every = Math.max(50, Math.floor(lease.leaseMs / 3));
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    void db
      .transaction((tx) => fence(tx, lease))
      .catch(() => {
        stopped = true; // lost or the database went away: the next fenced chunk reports it
      });
  }, every);
  timer.unref?.();
  try {
    return await work();
  } finally {
    stopped = true;
    clearInterval(timer);
  }
}
