import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { BillDetailView, issued } from "@/app/_billing/bill-views";
import { Timeline } from "@/app/_shell/timeline";
import { timelineFor } from "@/lib/backoffice/queries";
import { BankTransferForm } from "@/app/_billing/payment-forms";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { billDetail } from "@/lib/billing/queries";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Bill" };

export default async function MarketplaceBillPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("bill.record_transfer");
  const { id } = await params;
  const bill = await billDetail(getDb(), id, null);
  if (!bill) return deniedNotFound(user, "bill.view", "consolidated_bill", id);
  return (
    <BillDetailView
      bill={bill}
      history={<Timeline entries={[issued(bill), ...(await timelineFor(getDb(), [bill.id], { role: "rep" }))]} />}
      actions={
        bill.status === "issued" ? (
          <Card>
            <CardContent className="pt-5">
              <BankTransferForm billId={bill.id} idempotencyKey={randomUUID()} amount={formatMoney(bill.totalCents, bill.currency)} />
            </CardContent>
          </Card>
        ) : undefined
      }
    />
  );
}
