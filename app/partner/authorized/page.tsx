import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requirePermission } from "@/lib/auth/guard";
import { authorizedProducts } from "@/lib/invitations/queries";
import { bpsToPercent, formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Authorized products" };

export default async function AuthorizedProductsPage() {
  const user = await requirePermission("invitation.respond");
  const products = await authorizedProducts(getDb(), user.accountId);
  return (
    <>
      <PageHeader title="Authorized products" description="Everything you may resell now: public price, your wholesale cost, terms and limits." />
      {products.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">
          Nothing to resell yet. Accept a vendor&apos;s{" "}
          <Link href="/partner/invitations" className="font-medium text-brand-700 hover:underline">
            invitation
          </Link>{" "}
          and its products appear here.
        </p>
      ) : (
        <div className="grid gap-4">
          {products.map((p) => (
            <Card key={`${p.authorizationId}-${p.productId}`} data-testid="authorized-product">
              <CardHeader>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <CardTitle>{p.productName}</CardTitle>
                  <div className="flex gap-2">
                    <Badge tone="info">{bpsToPercent(p.discountBps)}% wholesale discount</Badge>
                    {p.remainingUses !== null ? <Badge tone="warn">{p.remainingUses} offer left (one-time)</Badge> : <Badge>Multi-use</Badge>}
                  </div>
                </div>
                <CardDescription>
                  By {p.isvName} ({formatAccountId(p.isvAccountId)}) ·{" "}
                  {p.endsAt ? `authorized until ${p.endsAt.toISOString().slice(0, 10)}` : "no end date"}
                  {p.buyerAccountId ? ` · only for buyer ${formatAccountId(p.buyerAccountId)}` : ""}
                </CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3">
                <table className="w-full max-w-xl text-sm">
                  <thead>
                    <tr className="border-b border-line text-left text-xs text-muted">
                      <th className="py-1 font-medium">Unit</th>
                      <th className="py-1 text-right font-medium">Public / month</th>
                      <th className="py-1 text-right font-medium">Your cost / month</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.prices.map((price) => (
                      <tr key={price.unitName} className="border-b border-line/60">
                        <td className="py-1">{price.unitName}</td>
                        <td className="py-1 text-right tabular-nums">{formatMoney(price.publicCents, p.currency)}</td>
                        <td className="py-1 text-right font-medium tabular-nums" data-testid={`cost-${p.productName}-${price.unitName}`}>
                          {formatMoney(price.wholesaleCents, p.currency)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {p.additionalTerms ? <p className="whitespace-pre-wrap text-sm"><span className="font-medium">Terms:</span> {p.additionalTerms}</p> : null}
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
