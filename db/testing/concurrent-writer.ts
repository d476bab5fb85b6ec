// Child process for the two-process test: `tsx db/testing/concurrent-writer.ts <url> <counter id> <n>`.
// Prints {"ok": n, "errors": [...]} and exits.
import { openDatabase } from "@/db/dialect/client";
import { increment } from "@/db/testing/counter";

async function main() {
  const [url, id, count] = process.argv.slice(2);
  if (!url || !id || !count) throw new Error("usage: concurrent-writer <url> <counter id> <n>");
  const handle = openDatabase(url);
  let ok = 0;
  const errors: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    try {
      await increment(handle.db, id);
      ok++;
    } catch (error) {
      errors.push(error instanceof Error ? `${error.message} ${String((error.cause as { code?: string })?.code ?? "")}` : String(error));
    }
  }
  await handle.close();
  process.stdout.write(JSON.stringify({ ok, errors }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
