// This instance's dispatcher: every OUTBOX_POLL_MS (2 s) it fans out waiting
// outbox events and sends what is due, for at most one poll interval per round.
// Every instance runs one; the compare-and-set claims in lib/outbox/dispatch.ts
// keep them from sending the same delivery twice.
import { getDb } from "@/db";
import { drainOutbox } from "@/lib/outbox/dispatch";

const state = globalThis as typeof globalThis & { __cppoDispatcher?: NodeJS.Timeout };

export function startDispatcher() {
  if (state.__cppoDispatcher) return;
  const every = Math.max(200, Number(process.env.OUTBOX_POLL_MS) || 2000);
  let busy = false;
  state.__cppoDispatcher = setInterval(() => {
    if (busy) return;
    busy = true;
    drainOutbox(getDb(), { budgetMs: every })
      .catch((error: unknown) => console.error("outbox dispatch failed", error))
      .finally(() => {
        busy = false;
      });
  }, every);
  state.__cppoDispatcher.unref?.();
}
