import type { Metadata } from "next";
import Link from "next/link";
import { OpportunitiesTable } from "@/app/_deals/deal-tables";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { dealTasks, listOpportunities } from "@/lib/deals/queries";
import { OPPORTUNITIES_TABLE } from "@/lib/deals/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Opportunities" };

export default async function PartnerOpportunitiesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("opportunity.register");
  const params = parseTableParams(OPPORTUNITIES_TABLE, await searchParams);
  const [{ rows, total }, tasks] = await Promise.all([listOpportunities(getDb(), "partner", user.accountId, params), dealTasks(getDb(), { role: "partner", accountId: user.accountId })]);
  return (
    <>
      <PageHeader
        title="Opportunities"
        description="Deals you registered with a vendor for a non-recurring discount: the vendor approves an extra discount, the marketplace asks your markup and extends the offer for you."
        actions={
          <Button asChild>
            <Link href="/partner/opportunities/new">Register an opportunity</Link>
          </Button>
        }
      />
      {tasks > 0 ? (
        <Callout tone="warn" className="mb-4" data-testid="markup-tasks">
          {tasks === 1 ? "One deal waits" : `${tasks} deals wait`} for your markup.{" "}
          <Link href="/partner/opportunities?stage=awaiting_markup" className="font-medium underline">
            Show {tasks === 1 ? "it" : "them"}
          </Link>
        </Callout>
      ) : null}
      <OpportunitiesTable
        side="partner"
        rows={rows}
        total={total}
        params={params}
        emptyState={
          <p>
            No opportunities yet. When a customer deal needs a better price than your wholesale,{" "}
            <Link href="/partner/opportunities/new" className="font-medium text-brand-700 hover:underline">
              register it with the vendor
            </Link>
            .
          </p>
        }
      />
    </>
  );
}
