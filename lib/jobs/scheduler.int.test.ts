// The cycle running by itself, on a real database: two instances ticking the
// same schedule (each slot runs once), a slot whose process died, months that
// nobody billed, pause and resume.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { charges, jobRuns, scheduledJobs } from "@/db/schema";
import type { ScheduledJobName } from "@/db/enums";
import { periodFromIndex, periodIndex, periodOfDate } from "@/lib/billing/periods";
import { claimDueSlots, ensureScheduledJobs, listScheduledJobs, nextSlot, runScheduledJob, setPaused, tick } from "@/lib/jobs/scheduler";
import { pauseScheduledJob, resumeScheduledJob } from "@/lib/jobs/service";
import { NOT_FOUND } from "@/lib/result";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { addFixtureAgreement, createBillingFixture, expectedCharges } from "@/db/testing/billing-fixture";
import { makeActor } from "@/db/testing/fixtures";
import { moneyViolations, payBills } from "@/db/testing/money";

const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const t of dbs) await t.drop();
});
async function fresh() {
  const t = await createTestDatabase();
  dbs.push(t);
  return t;
}

const HOUR = 3_600_000;

describe(`the scheduler on ${dialect}`, () => {
  it("runs each slot once when two instances tick the same schedule at the same moments", async () => {
    const t = await fresh();
    const instances = [t.handle.db, t.reopen().db];
    await createBillingFixture(instances[0]!, { customers: 20, period: "2026-03" });
    const start = new Date("2026-03-01T00:00:00Z");
    await ensureScheduledJobs(instances[0]!, start);
    const ran: { name: ScheduledJobName; slot: number; instance: number }[] = [];
    // 36 hours in 15-minute steps, both instances at every step (and a few in between).
    for (let at = start.getTime() + 60_000; at <= start.getTime() + 36 * HOUR + 60_000; at += 15 * 60_000) {
      // Which instance asks first varies, as it does between real processes.
      const order = Math.random() < 0.5 ? [0, 1] : [1, 0];
      await Promise.all(
        order.map((instance) => [instances[instance]!, instance] as const).map(([db, instance]) =>
          tick(db, {
            at: new Date(at),
            execute: async (name, slotAt) => {
              ran.push({ name, slot: slotAt.getTime(), instance });
              await runScheduledJob(db, name, new Date(at));
            },
          }),
        ),
      );
    }
    const slots = (name: ScheduledJobName) => ran.filter((r) => r.name === name).map((r) => r.slot);
    for (const name of ["sweep", "billing", "disbursement"] as const) expect(new Set(slots(name)).size).toBe(slots(name).length);
    expect(slots("sweep")).toHaveLength(36 * 4);
    expect(slots("billing")).toHaveLength(2); // 02:00 on two days
    expect(slots("disbursement")).toHaveLength(2); // 06:00 on two days
    // Both instances did some of the work.
    expect(new Set(ran.map((r) => r.instance)).size).toBe(2);
    const sweeps = await t.handle.db.select().from(jobRuns).where(eq(jobRuns.kind, "sweep"));
    expect(sweeps).toHaveLength(36 * 4);
    expect(sweeps.every((r) => r.status === "completed" && r.trigger === "schedule")).toBe(true);
  });

  it("catches up after months nobody billed: every due period, once, then only new work", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const fixture = await createBillingFixture(db, { customers: 40, period: "2026-06" });
    const at = new Date("2026-09-14T02:00:30Z");
    await ensureScheduledJobs(db, new Date("2026-09-13T12:00:00Z"));
    const claimed = await tick(db, { at });
    expect(claimed.map((c) => c.name)).toContain("billing");
    const first = Math.min(...fixture.agreements.map((a) => periodIndex(periodOfDate(a.startsAt))));
    const want = new Map<string, number>();
    for (let index = first; index <= periodIndex("2026-09"); index++) {
      for (const [id, c] of expectedCharges(fixture, periodFromIndex(index))) want.set(`${id}|${periodFromIndex(index)}`, c.customerCents);
    }
    const got = new Map((await db.select().from(charges)).map((c) => [`${c.agreementId}|${c.period}`, c.customerCents]));
    expect(got).toEqual(want);
    const [job] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "billing"));
    expect(job).toMatchObject({ lastStatus: "completed", state: { billedThrough: "2026-08" } });
    expect(job!.lastResult).toMatch(/^Billed \d+ periods/);
    // The next day: an agreement accepted today joins September; earlier months are not billed again.
    await addFixtureAgreement(db, fixture, { customerAccountId: fixture.customers[0]!, partnerIndex: 0, billing: "monthly", durationMonths: 3, startsAt: new Date("2026-09-14T10:00:00Z"), quantity: 2, unitPriceCents: 5_000, markupBps: 1000 });
    await tick(db, { at: new Date("2026-09-15T02:00:30Z") });
    const [next] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "billing"));
    expect(next!.lastResult).toMatch(/^Billed 1 period \(2026-09–2026-09\): 1 charges/);
    expect(await moneyViolations(db)).toEqual([]);
  });

  it("pays a monthly seller on the first run on or after its day: a missed day never costs a month", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const fixture = await createBillingFixture(db, { customers: 10, period: "2026-09" });
    const { sellerRegistrations } = await import("@/db/schema");
    await db.transaction((tx) => tx.update(sellerRegistrations).set({ disbursementSchedule: "monthly", disbursementDay: 10 }).where(eq(sellerRegistrations.accountId, fixture.isv)));
    await runScheduledJob(db, "billing", new Date("2026-09-02T02:00:00Z"));
    await payBills(db, { at: new Date("2026-09-05T00:00:00Z") });
    const paidTo = async () => {
      const { disbursements } = await import("@/db/schema");
      return new Set((await db.select().from(disbursements)).map((d) => d.sellerAccountId));
    };
    // The 9th: the partners (daily) are paid, the ISV (monthly on the 10th) waits.
    await runScheduledJob(db, "disbursement", new Date("2026-09-09T06:00:00Z"));
    expect((await paidTo()).has(fixture.isv)).toBe(false);
    // No run on the 10th; the run on the 11th pays it.
    await runScheduledJob(db, "disbursement", new Date("2026-09-11T06:00:00Z"));
    expect((await paidTo()).has(fixture.isv)).toBe(true);
    expect(await moneyViolations(db)).toEqual([]);
  });

  it("shows a slot whose process died as interrupted, and runs the next slot", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const start = new Date("2026-05-01T00:00:00Z");
    await ensureScheduledJobs(db, start);
    // An instance claims the 00:15 sweep slot and dies before running it.
    const claimed = await claimDueSlots(db, new Date("2026-05-01T00:15:05Z"));
    expect(claimed.map((c) => c.name)).toEqual(["sweep"]);
    const jobs = await listScheduledJobs(db);
    expect(jobs.find((j) => j.name === "sweep")?.state).toBe("interrupted");
    // The next slot runs normally, on whichever instance.
    await tick(db, { at: new Date("2026-05-01T00:30:05Z") });
    expect((await listScheduledJobs(db)).find((j) => j.name === "sweep")).toMatchObject({ state: "completed", lastStatus: "completed" });
  });

  it("lets a rep pause and resume a job (refused to everyone else); a paused job skips its slots", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const rep = await makeActor(db, "rep");
    const isv = await makeActor(db, "isv");
    await ensureScheduledJobs(db, new Date("2026-05-01T00:00:00Z"));
    expect(await pauseScheduledJob(db, isv, { name: "billing" })).toEqual({ ok: false, error: NOT_FOUND });
    expect(await pauseScheduledJob(db, rep, { name: "payroll" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await pauseScheduledJob(db, rep, { name: "billing" })).toMatchObject({ ok: true, data: { paused: true } });
    const claimed = await tick(db, { at: new Date("2026-05-03T03:00:00Z") });
    expect(claimed.map((c) => c.name)).not.toContain("billing");
    const resumed = await resumeScheduledJob(db, rep, { name: "billing" });
    expect(resumed).toMatchObject({ ok: true, data: { paused: false } });
    // Resuming starts from the next slot after now, not the slots missed while paused.
    const [job] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "billing"));
    expect(job!.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(job!.nextRunAt).toEqual(nextSlot(job!.cron, new Date(job!.updatedAt.getTime())));
    await db.transaction((tx) => setPaused(tx, "billing", true));
    expect((await listScheduledJobs(db)).find((j) => j.name === "billing")?.paused).toBe(true);
  });
});
