// drizzle-kit, once per dialect: DB_DIALECT=sqlite|pg (see `npm run db:generate`).
import { defineConfig } from "drizzle-kit";

const dialect = process.env.DB_DIALECT === "pg" ? "pg" : "sqlite";

export default dialect === "pg"
  ? defineConfig({
      dialect: "postgresql",
      schema: "./db/schema.ts",
      out: "./db/migrations/pg",
      dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/postgres" },
    })
  : defineConfig({
      dialect: "sqlite",
      schema: "./db/schema.ts",
      out: "./db/migrations/sqlite",
      dbCredentials: { url: "./data/portal.db" },
    });
