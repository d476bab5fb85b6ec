// This server instance's scheduler: a tick every 30 s that claims due slots and
// hands each claimed job to a worker process (lib/jobs/spawn.ts), so no
// scheduled work runs on the web server's event loop.
import { getDb } from "@/db";
import { ensureScheduledJobs, tick } from "@/lib/jobs/scheduler";
import { spawnJob } from "@/lib/jobs/spawn";

const TICK_MS = 30_000;
const state = globalThis as typeof globalThis & { __cppoScheduler?: NodeJS.Timeout };

export function startScheduler() {
  if (state.__cppoScheduler) return;
  let ticking = false;
  const run = async () => {
    if (ticking) return;
    ticking = true;
    try {
      await ensureScheduledJobs(getDb());
      await tick(getDb(), { execute: (name) => spawnJob({ scheduled: name }) });
    } catch (error) {
      console.error("scheduler tick failed", error);
    } finally {
      ticking = false;
    }
  };
  state.__cppoScheduler = setInterval(run, TICK_MS);
  state.__cppoScheduler.unref?.();
  void run();
}
