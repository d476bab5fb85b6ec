import type { Metadata } from "next";
import Link from "next/link";
import { OfferForm } from "@/app/_offers/offer-form";
import { PageHeader } from "@/components/shell/app-shell";
import { Callout } from "@/components/ui/callout";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { feeTiersAt } from "@/lib/fees/queries";
import { offerableProducts } from "@/lib/offers/queries";

export const metadata: Metadata = { title: "New private offer" };

export default async function NewOfferPage() {
  const user = await requirePermission("offer.manage");
  const [options, feeTiers] = await Promise.all([offerableProducts(getDb(), user.accountId), feeTiersAt(getDb(), now())]);
  return (
    <>
      <PageHeader title="New private offer" description="Build the offer for one customer; the price panel follows every keystroke." />
      {options.length === 0 ? (
        <Callout tone="info">
          You have no product you may resell right now. Accept a vendor&apos;s{" "}
          <Link href="/partner/invitations" className="font-medium underline">
            invitation
          </Link>{" "}
          first.
        </Callout>
      ) : (
        <OfferForm options={options} feeTiers={feeTiers} minDate={now().toISOString().slice(0, 10)} />
      )}
    </>
  );
}
