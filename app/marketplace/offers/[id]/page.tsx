import type { Metadata } from "next";
import Link from "next/link";
import { Timeline } from "@/app/_shell/timeline";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { offerForRep } from "@/lib/backoffice/queries";
import { dayOf } from "@/lib/dates";
import { bpsToPercent, formatMoney } from "@/lib/money";
import { OFFER_STATUS_LABELS, OFFER_STATUS_TONES } from "@/lib/offers/state";

export const metadata: Metadata = { title: "Offer" };

export default async function RepOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("backoffice.view");
  const { id } = await params;
  const found = await offerForRep(getDb(), id);
  if (!found) return deniedNotFound(user, "backoffice.view", "private_offer", id);
  const { offer } = found;
  const money = (cents: number | null) => (cents === null ? "priced when extended" : formatMoney(cents, offer.currency));
  return (
    <>
      <PageHeader title={offer.name} description={`${found.productName} by ${found.isvName}`} actions={<Badge tone={OFFER_STATUS_TONES[offer.status]}>{OFFER_STATUS_LABELS[offer.status]}</Badge>} />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid grid-cols-1 gap-4 pt-5 sm:grid-cols-3">
            <Facts
              items={[
                ["Seller of record", <Link key="p" className="underline" href={`/marketplace/accounts/${offer.partnerAccountId}`}>{found.partnerName}</Link>],
                ["Customer", <Link key="c" className="underline" href={`/marketplace/accounts/${offer.customerAccountId}`}>{found.customerName}</Link>],
                ["Manufacturer", <Link key="i" className="underline" href={`/marketplace/accounts/${offer.isvAccountId}`}>{found.isvName}</Link>],
                ["Terms", `${offer.durationMonths} months, billed ${offer.billing}; discount ${bpsToPercent(offer.discountBps)}%, markup ${bpsToPercent(offer.markupBps)}%${offer.feeBps !== null ? `, fee ${bpsToPercent(offer.feeBps)}%` : ""}`],
                ["Per month", `list ${money(offer.listCentsPerMonth)} · wholesale ${money(offer.wholesaleCentsPerMonth)} · customer ${money(offer.customerCentsPerMonth)}`],
                ["Accept by", dayOf(offer.expiresAt)],
                ["Agreement", found.agreementId ? <Link key="a" className="underline" href={`/marketplace/agreements/${found.agreementId}`}>open the agreement</Link> : "none"],
              ]}
            />
          </CardContent>
        </Card>
        <Timeline entries={found.timeline} />
      </div>
    </>
  );
}
