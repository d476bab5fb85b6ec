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

export default async function BillsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("bill.view");
  const params = parseTableParams(BILLS_TABLE, await searchParams);
  const { rows, total } = await listBills(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader title="Bills" description="One consolidated bill a month, with every seller's charges. Charges that come due after a bill was paid go on a supplementary bill beside it." />
      <BillsTable rows={rows} total={total} params={params} />
    </>
  );
}
