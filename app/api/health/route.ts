import { connection, NextResponse } from "next/server";
import { database } from "@/db";

/** Liveness and readiness: the dialect in use and whether every committed migration is applied. */
export async function GET() {
  await connection();
  try {
    const handle = database();
    const migrations = await handle.migrationStatus();
    return NextResponse.json(
      { status: migrations.current ? "ok" : "migrations_pending", dialect: handle.dialect, migrations },
      { status: migrations.current ? 200 : 503 },
    );
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ status: "error", error: "database unavailable" }, { status: 503 });
  }
}
