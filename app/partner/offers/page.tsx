import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { listPartnerOffers } from "@/lib/offers/queries";
import { PARTNER_OFFERS_TABLE } from "@/lib/offers/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";
import { OffersTable } from "./offers-table";

export const metadata: Metadata = { title: "Private offers" };

export default async function PartnerOffersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("offer.manage");
  const params = parseTableParams(PARTNER_OFFERS_TABLE, await searchParams);
  const { rows, total } = await listPartnerOffers(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader
        title="Private offers"
        description="Drafts, extended offers and their outcomes. Prices freeze when you extend."
        actions={
          <Button asChild>
            <Link href="/partner/offers/new">New offer</Link>
          </Button>
        }
      />
      <OffersTable rows={rows} total={total} params={params} />
    </>
  );
}
