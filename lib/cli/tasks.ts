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
