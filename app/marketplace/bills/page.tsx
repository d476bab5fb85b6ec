import type { Metadata } from "next";
import { BillsTable } from "@/app/_billing/bills-table";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { listBills } from "@/lib/billing/queries";
import { BILLS_TABLE } from "@/lib/billing/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Bills" };

export default async function MarketplaceBillsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("bill.record_transfer");
  const params = parseTableParams(BILLS_TABLE, await searchParams);
  const { rows, total } = await listBills(getDb(), null, params);
  return (
    <>
      <PageHeader title="Consolidated bills" description="Every customer's bills. Open an unpaid one to record a bank transfer." />
      <BillsTable rows={rows} total={total} params={params} rep />
    </>
  );
}
