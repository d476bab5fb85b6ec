import type { Metadata } from "next";
import { SalesTable } from "@/app/_offers/agreement-tables";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { partnerSales } from "@/lib/agreements/queries";
import { requirePermission } from "@/lib/auth/guard";
import { AGREEMENTS_TABLE } from "@/lib/offers/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Sales" };

export default async function SalesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("offer.manage");
  const params = parseTableParams(AGREEMENTS_TABLE, await searchParams);
  const { rows, total } = await partnerSales(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader title="Sales" description="Agreements where you are seller of record, over each contract: what the customer pays, your cost, your margin." />
      <SalesTable rows={rows} total={total} params={params} />
    </>
  );
}
