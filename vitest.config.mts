// Two projects: `unit` (pure lib/ code) and `integration` (real databases).
// The integration project runs once per dialect: DB_DIALECT=sqlite|pg picks the
// dialect module behind "@/db/dialect/*", exactly as the app build does.
import path from "node:path";
import { defineConfig } from "vitest/config";

const dialect = process.env.DB_DIALECT === "pg" ? "pg" : "sqlite";
const here = import.meta.dirname;

const alias = [
  { find: "@/db/dialect/core", replacement: path.join(here, `db/dialect/${dialect}/core.ts`) },
  { find: "@/db/dialect/client", replacement: path.join(here, `db/dialect/${dialect}/client.ts`) },
  { find: /^@\/(.*)$/, replacement: path.join(here, "$1") },
  // "server-only" throws outside React Server Components; tests call the same modules directly.
  { find: "server-only", replacement: path.join(here, "lib/cli/empty-module.ts") },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Property tests run thousands of cases: sized for a busy 2-core machine, not vitest's 5 s default.
        test: { name: "unit", include: ["lib/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.tsx"], exclude: ["**/*.int.test.ts"], testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One file at a time: the files share one PostgreSQL server and two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
