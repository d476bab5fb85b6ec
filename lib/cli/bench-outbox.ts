// `npm run bench -- outbox [--events 20000]`: the dispatcher's throughput on
// the configured dialect. A throw-away database holds 2,000 customer accounts
// of one user each and a billing month's worth of events (one per bill, as the
// run writes them); one dispatcher then fans them out and delivers them with
// the kept-mail transport (the demo default: composing and storing each
// message, no network). Figures, not pass/fail.
import { builtDialect, insertMany } from "@/db";
import { openDatabase } from "@/db/dialect/client";
import { accounts, users } from "@/db/schema";
import { randomAccountId, newId } from "@/lib/ids";
import { notifyMany } from "@/lib/notifications/notify";
import { drainOutbox } from "@/lib/outbox/dispatch";
import { KEPT_MAILER } from "@/lib/outbox/mailer";
import { benchDatabase } from "@/lib/cli/bench-http";

export async function benchOutbox({ events }: { events: number }) {
  const { url } = await benchDatabase("bench-outbox");
  const handle = openDatabase(url);
  try {
    await handle.migrate();
    const db = handle.db;
    const at = new Date();
    const ids = new Set<string>();
    while (ids.size < 2000) ids.add(randomAccountId());
    const customers = [...ids];
    await db.transaction(async (tx) => {
      await insertMany(tx, accounts, customers.map((id, i) => ({ id, type: "customer" as const, name: `Customer ${i}`, createdAt: at })));
      await insertMany(tx, users, customers.map((accountId, i) => ({ id: newId("usr"), accountId, email: `c${i}@bench.example`, name: `Customer ${i}`, passwordHash: "x", role: "customer" as const, disabledAt: null, sessionVersion: 0, createdAt: at })));
    });
    for (let i = 0; i < events; i += 1000) {
      await db.transaction((tx) =>
        notifyMany(
          tx,
          Array.from({ length: Math.min(1000, events - i) }, (_, j) => ({
            accountId: customers[(i + j) % customers.length]!,
            kind: "bill.issued" as const,
            title: "Your 2026-11 bill is issued",
            body: "Bill B-2026-11-000001, due 2026-12-31 (net 30).",
            href: "/buyer/bills/bill_x",
            facts: { Bill: "B-2026-11-000001", Period: "2026-11", Due: "2026-12-31" },
          })),
        ),
      );
    }
    const started = performance.now();
    const summary = await drainOutbox(db, { mailer: KEPT_MAILER, owner: "bench", baseUrl: "https://portal.example" });
    const seconds = (performance.now() - started) / 1000;
    const rss = Math.round(process.memoryUsage().rss / 1e6);
    console.log(`\noutbox bench · ${builtDialect} · ${events} events to ${customers.length} accounts (one user each), kept mail`);
    console.log(`| fanned out | delivered | failed | seconds | events/s | deliveries/s | RSS MB |`);
    console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
    console.log(`| ${summary.fannedOut} | ${summary.delivered} | ${summary.failed} | ${seconds.toFixed(1)} | ${Math.round(summary.fannedOut / seconds)} | ${Math.round(summary.delivered / seconds)} | ${rss} |`);
  } finally {
    await handle.close();
  }
}
