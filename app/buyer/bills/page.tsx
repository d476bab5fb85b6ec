import type { Metadata } from "next";
import { BillsTable } from "@/app/_billing/bill-views";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { listBills } from "@/lib/billing/queries";

export const metadata: Metadata = { title: "Bills" };

export default async function BillsPage() {
  const user = await requirePermission("bill.view");
  const { rows } = await listBills(getDb(), user.accountId);
  return (
    <>
      <PageHeader title="Bills" description="One consolidated bill a month, with every seller's charges." />
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">No bills yet. Your subscriptions are billed monthly; the first bill appears after the first billing run.</p>
      ) : (
        <BillsTable bills={rows} base="/buyer/bills" />
      )}
    </>
  );
}
