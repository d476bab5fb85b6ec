// PORTAL_QUERY_LOG=<file>: every statement this process sends, one JSON line each ({ sql, params }),
// for the pages bench to EXPLAIN each lookup a page makes at marketplace size. Off unless set; the
// synchronous append is for a measuring pass, never for serving.
import fs from "node:fs";
import type { Logger } from "drizzle-orm/logger";

export function queryLog(): Logger | undefined {
  const file = process.env.PORTAL_QUERY_LOG;
  if (!file) return undefined;
  return {
    logQuery(query, params) {
      fs.appendFileSync(file, `${JSON.stringify({ sql: query, params })}\n`);
    },
  };
}
