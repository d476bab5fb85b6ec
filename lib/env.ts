// Configuration from environment variables, validated once with clear messages.
import { z } from "zod";

export type DialectName = "sqlite" | "pg";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^(postgres|postgresql):\/\//.test(v) || v.startsWith("file:"), {
      message: "must be a postgres:// URL (PostgreSQL) or a file: path (SQLite), or unset for ./data/portal.db",
    }),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 33`)"),
  PORTAL_DEMO: z.enum(["0", "1"], { message: 'must be "1" (demo data and demo hints) or "0"' }).optional(),
  PORTAL_SCHEDULER: z.enum(["0", "1"], { message: 'must be "1" (this instance runs scheduled jobs) or "0"' }).optional(),
  PORTAL_DISPATCHER: z.enum(["0", "1"], { message: 'must be "1" (this instance delivers the outbox: e-mail, webhooks) or "0"' }).optional(),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), { message: "must be an smtp:// or smtps:// URL (credentials in the URL), or unset to keep mail in the portal" }),
  PORTAL_BENCH: z.enum(["0", "1"], { message: 'must be "1" (serve the benchmark\'s anchor page, /bench/bare) or "0"' }).optional(),
});

export interface Env {
  dialect: DialectName;
  databaseUrl: string | undefined;
  authSecret: string;
  demo: boolean;
  /** Whether this instance ticks the scheduler (default on). */
  scheduler: boolean;
  /** Whether this instance runs the outbox dispatcher (default: as the scheduler). */
  dispatcher: boolean;
  /** Whether /bench/bare answers (npm run bench -- pages starts its server so; off everywhere else). */
  bench: boolean;
}

export function dialectOf(databaseUrl: string | undefined): DialectName {
  return databaseUrl && /^(postgres|postgresql):\/\//.test(databaseUrl) ? "pg" : "sqlite";
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const dialect = dialectOf(parsed.data.DATABASE_URL);
  cached = {
    dialect,
    databaseUrl: parsed.data.DATABASE_URL || undefined,
    authSecret: parsed.data.AUTH_SECRET,
    demo: (parsed.data.PORTAL_DEMO ?? (dialect === "sqlite" ? "1" : "0")) === "1",
    scheduler: (parsed.data.PORTAL_SCHEDULER ?? "1") === "1",
    dispatcher: (parsed.data.PORTAL_DISPATCHER ?? parsed.data.PORTAL_SCHEDULER ?? "1") === "1",
    bench: parsed.data.PORTAL_BENCH === "1",
  };
  return cached;
}
