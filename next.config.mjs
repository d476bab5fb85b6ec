// The database dialect is chosen at build time: "@/db/dialect/*" resolves to the
// SQLite or the PostgreSQL module, so the shared query code is compiled (and
// type-checked, see tsconfig.pg.json) once per dialect. lib/cli/run.mjs sets
// DB_DIALECT from DATABASE_URL and rebuilds when it changes.
const dialect = process.env.DB_DIALECT === "pg" ? "pg" : "sqlite";

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["better-sqlite3", "pg"],
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      "@/db/dialect/core": `./db/dialect/${dialect}/core.ts`,
      "@/db/dialect/client": `./db/dialect/${dialect}/client.ts`,
    },
  },
};

export default nextConfig;
