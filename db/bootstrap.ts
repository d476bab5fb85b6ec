// Start-up: apply committed migrations (once, even with several instances),
// make sure reference data exists, and seed the demo story in demo mode.
import { database, type DatabaseHandle } from "@/db";
import type { DialectName } from "@/lib/env";
import { ensureReferenceData, seedDemo } from "@/db/seed";
import { ensureScheduledJobs } from "@/lib/jobs/scheduler";

export async function bootstrap(
  options: { demo: boolean },
  handle: DatabaseHandle = database(),
): Promise<{ dialect: DialectName; seeded: boolean }> {
  await handle.migrate();
  await ensureReferenceData(handle.db);
  await ensureScheduledJobs(handle.db);
  const seeded = options.demo ? await seedDemo(handle.db) : false;
  return { dialect: handle.dialect, seeded };
}
