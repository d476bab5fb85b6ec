import type { Metadata } from "next";
import { BillsTable } from "@/app/_billing/bill-views";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { listBills } from "@/lib/billing/queries";

export const metadata: Metadata = { title: "Bills" };

export default async function MarketplaceBillsPage() {
  await requirePermission("bill.record_transfer");
  const { rows, total } = await listBills(getDb(), null, { limit: 200 });
  return (
    <>
      <PageHeader title="Consolidated bills" description={`${total} bills. Open an unpaid one to record a bank transfer.`} />
      {rows.length === 0 ? <p className="text-sm text-muted">No bills yet: run billing for a period first.</p> : <BillsTable bills={rows} base="/marketplace/bills" showCustomer />}
    </>
  );
}
