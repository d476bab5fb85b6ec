import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requirePermission } from "@/lib/auth/guard";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { openOffersForCustomer } from "@/lib/offers/queries";

export const metadata: Metadata = { title: "Offers for you" };

export default async function OffersForYouPage() {
  const user = await requirePermission("offer.view");
  const offers = await openOffersForCustomer(getDb(), user.accountId);
  return (
    <>
      <PageHeader title="Offers for you" description="Private offers made to your account alone, open for acceptance." />
      {offers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">
          No open offers. Give your account id <span className="font-mono">{formatAccountId(user.accountId)}</span> to your consulting
          partner; offers they extend to you appear here.
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {offers.map((o) => (
            <Card key={o.id}>
              <CardHeader>
                <CardTitle>
                  <Link href={`/buyer/offers/${o.id}`} className="text-brand-700 hover:underline">
                    {o.name}
                  </Link>
                </CardTitle>
                <CardDescription>
                  {o.productName} · made by {o.manufacturer} · sold by {o.sellerOfRecord}
                </CardDescription>
              </CardHeader>
              <CardContent className="text-sm">
                <p className="text-lg font-semibold">
                  {o.pricePerPeriodCents !== null ? formatMoney(o.pricePerPeriodCents, o.currency) : "—"}{" "}
                  <span className="text-sm font-normal text-muted">{o.billing === "upfront" ? "upfront" : "per month"}</span>
                </p>
                <p className="text-muted">
                  {o.durationMonths} months · {formatMoney(o.totalCents, o.currency)} in all ·{" "}
                  {o.availableFrom ? `acceptable ${dayOf(o.availableFrom)} to ${dayOf(o.expiresAt)}` : `accept by ${dayOf(o.expiresAt)}`}
                </p>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
