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

async function billing(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { period: { type: "string" }, chunk: { type: "string" } } });
  const { runBilling } = await import("@/lib/billing/run");
  const { formatMoney } = await import("@/lib/money");
  const handle = database();
  await handle.migrate();
  const started = performance.now();
  const summary = await runBilling(handle.db, values.period ?? "", {
    chunkSize: values.chunk ? Number(values.chunk) : undefined,
    onProgress: progressBar(`billing ${values.period}`),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Billed ${summary.period}: ${summary.chargesCreated} charges created (${summary.chargesAlreadyThere} already there), ` +
      `${summary.billsTouched} bills, ${formatMoney(summary.billedCents)} in ${seconds.toFixed(1)} s` +
      (summary.chargesCreated ? ` (${Math.round(summary.chargesCreated / seconds)} charges/s)` : "") +
      (summary.skippedPaidBills ? `; ${summary.skippedPaidBills} skipped: bill already paid` : "") +
      ".",
  );
}

async function disburse(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { date: { type: "string" } } });
  const { runDisbursements } = await import("@/lib/billing/disburse");
  const { formatMoney } = await import("@/lib/money");
  const at = values.date ? new Date(`${values.date}T12:00:00Z`) : undefined;
  if (at && Number.isNaN(at.getTime())) throw new Error(`--date: "${values.date}" is not a date (YYYY-MM-DD)`);
  const handle = database();
  await handle.migrate();
  const summary = await runDisbursements(handle.db, { at, onProgress: progressBar("disbursing") });
  console.log(`Disbursed ${formatMoney(summary.disbursedCents)} in ${summary.sellersPaid} disbursements; ${summary.held.length} sellers held, ${summary.notDue.length} not due today.`);
  for (const held of summary.held) console.log(`  held ${held.sellerAccountId}: ${formatMoney(held.amountCents)} — ${held.reason}`);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "bench") {
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
