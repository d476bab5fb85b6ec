// Command-line tasks that need the database: migrate, seed, create a rep.
// Run through `npm run <task>` (lib/cli/run.mjs picks the dialect).
import { parseArgs } from "node:util";
import { database } from "@/db";
import { bootstrap } from "@/db/bootstrap";
import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { createAccount, createUser, emailTaken } from "@/lib/accounts/accounts";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { emailField, plainText } from "@/lib/validation";
import { passwordField } from "@/lib/accounts/validations";

async function createRep(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const email = emailField.safeParse(values.email ?? "");
  const name = plainText("Name").safeParse(values.name ?? "");
  const password = passwordField.safeParse(values.password ?? process.env.REP_PASSWORD ?? "");
  for (const [label, result] of [["--email", email], ["--name", name], ["--password (or REP_PASSWORD)", password]] as const) {
    if (!result.success) throw new Error(`${label}: ${result.error.issues[0]?.message}`);
  }
  if (!email.success || !name.success || !password.success) return;
  const handle = database();
  await handle.migrate();
  if (await emailTaken(handle.db, email.data)) throw new Error(`--email: ${email.data} already has an account`);
  const passwordHash = await hashPassword(password.data);
  const user = await handle.db.transaction(async (tx) => {
    const [marketplace] = await tx.select().from(accounts).where(eq(accounts.type, "marketplace")).limit(1);
    const account = marketplace ?? (await createAccount(tx, { type: "marketplace", name: "The Marketplace" }));
    const created = await createUser(tx, { accountId: account.id, email: email.data, name: name.data, role: "rep", passwordHash });
    await recordAudit(tx, { userId: null, role: null, accountId: null, ip: "cli" }, {
      action: "user.create_rep",
      objectType: "user",
      objectId: created.id,
      after: { email: created.email },
    });
    return created;
  });
  console.log(`Created marketplace rep ${user.email}.`);
}

/**
 * A one-line progress bar on stderr (a terminal), or a line per 10% when piped;
 * PROGRESS_EVERY_STEP=1 prints a line per committed step (the crash tests time their kills by it).
 */
function progressBar(label: string) {
  let lastDecile = -1;
  const everyStep = process.env.PROGRESS_EVERY_STEP === "1";
  return (done: number, total: number) => {
    const ratio = total ? done / total : 1;
    if (everyStep) {
      process.stderr.write(`${label} ${done}/${total}\n`);
    } else if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${total}`);
      if (done >= total) process.stderr.write("\n");
    } else if (Math.floor(ratio * 10) !== lastDecile) {
      lastDecile = Math.floor(ratio * 10);
      process.stderr.write(`${label} ${Math.round(ratio * 100)}% (${done}/${total})\n`);
    }
  };
}

function billingReport(summary: import("@/lib/billing/run").BillingSummary, seconds: number, formatMoney: (cents: number) => string) {
  const lines = [
    `Billed ${summary.period}: ${summary.chargesCreated} charge${summary.chargesCreated === 1 ? "" : "s"} created (${formatMoney(summary.billedCents)}) in ${seconds.toFixed(1)} s` +
      (summary.chargesCreated && seconds > 0 ? ` (${Math.round(summary.chargesCreated / seconds)} charges/s)` : "") +
      ".",
    `The period now holds ${summary.periodCharges} charges on ${summary.periodBills} bills, ${formatMoney(summary.periodBilledCents)} in all.`,
  ];
  if (summary.supplementaryBills) lines.push(`${summary.chargesOnSupplementary} charges came due after their customer's bill was paid: ${summary.supplementaryBills} supplementary bill(s).`);
  if (summary.chargesAlreadyThere) lines.push(`${summary.chargesAlreadyThere} were charged by another run meanwhile.`);
  if (summary.takeovers) lines.push(`This run finished an interrupted run (taken over ${summary.takeovers} time(s)).`);
  return lines.join("\n");
}

async function billing(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { period: { type: "string" }, chunk: { type: "string" } } });
  const { runBilling, currentPeriod } = await import("@/lib/billing/run");
  const { RunBusy } = await import("@/lib/jobs/lease");
  const { formatMoney } = await import("@/lib/money");
  const handle = database();
  await handle.migrate();
  const started = performance.now();
  const period = values.period ?? currentPeriod();
  try {
    const summary = await runBilling(handle.db, period, {
      chunkSize: values.chunk ? Number(values.chunk) : undefined,
      onProgress: progressBar(`billing ${period}`),
      trigger: "cli",
      // Alone on the command line: no pause between chunks unless a server shares the file.
      yieldRatio: process.env.BILLING_YIELD ? Number(process.env.BILLING_YIELD) : undefined,
    });
    console.log(billingReport(summary, (performance.now() - started) / 1000, (c) => formatMoney(c)));
  } catch (error) {
    if (error instanceof RunBusy) return console.log(error.message);
    throw error;
  }
}

function disbursementReport(summary: import("@/lib/billing/disburse").DisbursementSummary, formatMoney: (cents: number) => string) {
  const lines = [
    `Disbursed ${formatMoney(summary.disbursedCents)} in ${summary.sellersPaid} payout${summary.sellersPaid === 1 ? "" : "s"} (${summary.linesPaid} shares); ${summary.held} seller(s) held, ${summary.notDue} not due yet.`,
  ];
  for (const held of summary.heldSellers) lines.push(`  held ${held.sellerAccountId}: ${formatMoney(held.amountCents)} — ${held.reason}`);
  if (summary.takeovers) lines.push(`This run finished an interrupted run (taken over ${summary.takeovers} time(s)).`);
  return lines.join("\n");
}

async function disburse(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { date: { type: "string" } } });
  const { runDisbursements } = await import("@/lib/billing/disburse");
  const { RunBusy } = await import("@/lib/jobs/lease");
  const { formatMoney } = await import("@/lib/money");
  const at = values.date ? new Date(`${values.date}T12:00:00Z`) : undefined;
  if (at && (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(values.date ?? ""))) throw new Error(`--date: "${values.date}" is not a date (YYYY-MM-DD)`);
  const handle = database();
  await handle.migrate();
  try {
    const summary = await runDisbursements(handle.db, { at, onProgress: progressBar("disbursing"), trigger: "cli" });
    console.log(disbursementReport(summary, (c) => formatMoney(c)));
  } catch (error) {
    if (error instanceof RunBusy) return console.log(error.message);
    throw error;
  }
}

/**
 * The worker side of lib/jobs/spawn.ts: runs one claimed run (adopting the
 * lease the console took) or one scheduled job, then exits. It exits at once
 * when its parent's IPC channel closes: the run dies with the instance that
 * started it, and its lease expires for the next run to take over.
 */
async function job(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { kind: { type: "string" }, period: { type: "string" }, run: { type: "string" }, owner: { type: "string" }, scheduled: { type: "string" } },
  });
  if (process.connected) process.on("disconnect", () => process.exit(70));
  const handle = database();
  const db = handle.db;
  if (values.scheduled) {
    const { runScheduledJob } = await import("@/lib/jobs/scheduler");
    const { SCHEDULED_JOBS } = await import("@/db/enums");
    const name = SCHEDULED_JOBS.find((n) => n === values.scheduled);
    if (!name) throw new Error(`--scheduled: unknown job "${values.scheduled}"`);
    const outcome = await runScheduledJob(db, name);
    console.log(`scheduled ${name}: ${outcome.result}`);
    return;
  }
  const { adoptRun } = await import("@/lib/jobs/lease");
  const claim = await adoptRun(db, values.run ?? "", values.owner ?? "");
  if (!claim) return console.log(`run ${values.run}: its lease is no longer ours; nothing to do.`);
  if (values.kind === "billing") {
    const { runBilling } = await import("@/lib/billing/run");
    await runBilling(db, values.period ?? claim.run.period ?? "", { claim, trigger: "console" });
  } else if (values.kind === "disbursement") {
    const { runDisbursements } = await import("@/lib/billing/disburse");
    await runDisbursements(db, { claim });
  } else if (values.kind === "sweep") {
    const { runSweep } = await import("@/lib/jobs/sweep");
    await runSweep(db, { claim });
  } else throw new Error(`--kind: unknown run kind "${values.kind}"`);
}

/** Runs the scheduler in this process (ticks every --every seconds; `--once` for one tick). */
async function scheduler(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { once: { type: "boolean" }, every: { type: "string" } } });
  const { ensureScheduledJobs, tick } = await import("@/lib/jobs/scheduler");
  const handle = database();
  await handle.migrate();
  await ensureScheduledJobs(handle.db);
  const every = Math.max(1, Number(values.every ?? 30)) * 1000;
  for (;;) {
    const claimed = await tick(handle.db);
    for (const c of claimed) console.log(`${new Date().toISOString()} ran ${c.name} (slot ${c.slotAt.toISOString()})`);
    if (values.once) return;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/** Delivers the outbox: once until nothing is due (default), or every few seconds with --watch. */
async function dispatch(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { watch: { type: "boolean" }, every: { type: "string" } } });
  const { drainOutbox } = await import("@/lib/outbox/dispatch");
  const db = database().db;
  const every = Math.max(200, Number(values.every ?? 2000));
  for (;;) {
    const summary = await drainOutbox(db);
    if (summary.fannedOut || summary.delivered || summary.retrying || summary.failed) {
      console.log(`${new Date().toISOString()} outbox: ${summary.fannedOut} event(s) fanned out, ${summary.delivered} delivered, ${summary.retrying} to retry, ${summary.failed} failed.`);
    }
    if (!values.watch) return;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "bench") {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { agreements: { type: "string" }, seconds: { type: "string" }, runs: { type: "string" }, months: { type: "string" }, connections: { type: "string" }, reuse: { type: "boolean" }, only: { type: "string" }, due: { type: "string" }, soak: { type: "string" }, heap: { type: "string" }, events: { type: "string" } } });
    if (positionals[0] === "security") {
      const { benchSecurity } = await import("@/lib/cli/bench-security");
      return benchSecurity({ fuzzRuns: Number(values.runs ?? 1000) });
    }
    if (positionals[0] === "outbox") {
      const { benchOutbox } = await import("@/lib/cli/bench-outbox");
      return benchOutbox({ events: Number(values.events ?? 20_000) });
    }
    if (positionals[0] === "cycle") {
      const { benchCycle } = await import("@/lib/cli/bench-cycle");
      return benchCycle({ agreements: Number(values.agreements ?? 60_000), seconds: Number(values.seconds ?? 10), connections: 50 });
    }
    if (positionals[0] === "pages") {
      const { benchPages } = await import("@/lib/cli/bench-pages");
      return benchPages({
        agreements: Number(values.agreements ?? 42_000),
        months: Number(values.months ?? 24),
        seconds: Number(values.seconds ?? 10),
        connections: Number(values.connections ?? 50),
        reuse: values.reuse === true,
        only: values.only ?? null,
      });
    }
    if (positionals[0] === "load") {
      const { benchLoad } = await import("@/lib/cli/bench-load");
      return benchLoad({
        agreements: Number(values.agreements ?? 42_000),
        months: Number(values.months ?? 24),
        due: Number(values.due ?? 40_000),
        seconds: Number(values.seconds ?? 10),
        soak: Number(values.soak ?? 300),
        connections: Number(values.connections ?? 50),
        heap: values.heap ? Number(values.heap) : null,
      });
    }
    if (positionals[0] === "reports") {
      const { benchReports } = await import("@/lib/cli/bench-reports");
      return benchReports({ agreements: Number(values.agreements ?? 42_000), months: Number(values.months ?? 24), runs: Number(values.runs ?? 40), reuse: values.reuse === true });
    }
    const { runBench } = await import("@/lib/cli/bench");
    return runBench();
  }
  const handle = database();
  try {
    switch (command) {
      case "db:migrate":
        await handle.migrate();
        console.log(`Migrations applied (${handle.dialect}).`, await handle.migrationStatus());
        break;
      case "db:seed": {
        const result = await bootstrap({ demo: true }, handle);
        console.log(result.seeded ? "Demo data seeded." : "The database already has data; nothing seeded.");
        break;
      }
      case "create-rep":
        await createRep(rest);
        break;
      case "billing":
        await billing(rest);
        break;
      case "disburse":
        await disburse(rest);
        break;
      case "job":
        await job(rest);
        break;
      case "scheduler":
        await scheduler(rest);
        break;
      case "dispatch":
        await dispatch(rest);
        break;

      default:
        throw new Error(`unknown task "${command}"`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
