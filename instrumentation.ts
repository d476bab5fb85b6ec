// Runs once when a server instance starts: migrate, seed in demo mode, then
// start this instance's scheduler ticker (every instance ticks; each slot runs
// once, see lib/jobs/scheduler.ts) and its outbox dispatcher (lib/outbox).
// PORTAL_SCHEDULER=0 turns both off; PORTAL_DISPATCHER sets the dispatcher alone.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { bootstrap } = await import("@/db/bootstrap");
  const config = env();
  // The demo's webhook endpoint is the portal's own receiver on loopback (lib/outbox/webhooks.ts refuses loopback otherwise).
  if (config.demo && process.env.WEBHOOKS_ALLOW_LOCAL === undefined) process.env.WEBHOOKS_ALLOW_LOCAL = "1";
  const result = await bootstrap({ demo: config.demo });
  console.log(
    `cppo-portal: ${result.dialect === "pg" ? "PostgreSQL" : "SQLite"} ready` +
      (result.seeded ? ", demo data seeded" : "") +
      (config.demo ? " (demo mode)" : ""),
  );
  if (config.scheduler) {
    const { startScheduler } = await import("@/lib/jobs/ticker");
    startScheduler();
  }
  if (config.dispatcher) {
    const { startDispatcher } = await import("@/lib/outbox/ticker");
    startDispatcher();
  }
}
