// Runs once when a server instance starts: migrate, then seed in demo mode.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { bootstrap } = await import("@/db/bootstrap");
  const config = env();
  const result = await bootstrap({ demo: config.demo });
  console.log(
    `cppo-portal: ${result.dialect === "pg" ? "PostgreSQL" : "SQLite"} ready` +
      (result.seeded ? ", demo data seeded" : "") +
      (config.demo ? " (demo mode)" : ""),
  );
}
