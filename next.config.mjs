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
  // Fixed security headers on every response (the nonce-based CSP is set per request in proxy.ts).
  async headers() {
    const https = (process.env.AUTH_URL ?? "").startsWith("https://");
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
  turbopack: {
    resolveAlias: {
      "@/db/dialect/core": `./db/dialect/${dialect}/core.ts`,
      "@/db/dialect/client": `./db/dialect/${dialect}/client.ts`,
    },
  },
};

export default nextConfig;
