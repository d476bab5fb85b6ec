// The benchmark's anchor (npm run bench -- pages): the barest dynamic page this build can serve —
// the root layout, one read of 50 rows, no session — so each role page is measured beside it in the
// same run. It answers only to a server started with PORTAL_BENCH=1; anywhere else it is not found.
import { asc } from "drizzle-orm";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { products } from "@/db/schema";
import { env } from "@/lib/env";

export default async function BarePage() {
  await connection();
  if (!env().bench) notFound();
  const rows = await getDb().select({ id: products.id, name: products.name }).from(products).orderBy(asc(products.id)).limit(50);
  return (
    <main className="p-6">
      <h1 className="text-lg font-semibold">50 rows</h1>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>{r.name}</li>
        ))}
      </ul>
    </main>
  );
}
