import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { RegisterOpportunityForm, type VendorChoice } from "@/app/_deals/register-form";
import { PageHeader } from "@/components/shell/app-shell";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { authorizedProducts } from "@/lib/invitations/queries";

export const metadata: Metadata = { title: "Register an opportunity" };

export default async function NewOpportunityPage() {
  const user = await requirePermission("opportunity.register");
  const items = await authorizedProducts(getDb(), user.accountId);
  const vendors = new Map<string, VendorChoice>();
  for (const item of items) {
    const vendor = vendors.get(item.isvAccountId) ?? { isvAccountId: item.isvAccountId, isvName: item.isvName, products: [] };
    if (!vendor.products.some((p) => p.id === item.productId)) vendor.products.push({ id: item.productId, name: item.productName, currency: item.currency });
    vendors.set(item.isvAccountId, vendor);
  }
  return (
    <>
      <PageHeader title="Register an opportunity" description="Tell the vendor about a customer deal. If it approves, it gives you an extra discount for this one sale." />
      {vendors.size === 0 ? (
        <Callout tone="info">
          No vendor has authorized you to resell yet. Accept an{" "}
          <Link href="/partner/invitations" className="font-medium underline">
            invitation
          </Link>{" "}
          first.
        </Callout>
      ) : (
        <Card>
          <CardContent className="pt-5">
            <RegisterOpportunityForm vendors={[...vendors.values()].sort((a, b) => a.isvName.localeCompare(b.isvName))} minDate={now().toISOString().slice(0, 10)} requestKey={randomUUID()} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
