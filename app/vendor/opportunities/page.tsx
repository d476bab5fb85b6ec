import type { Metadata } from "next";
import Link from "next/link";
import { OpportunitiesTable } from "@/app/_deals/deal-tables";
import { PageHeader } from "@/components/shell/app-shell";
import { Callout } from "@/components/ui/callout";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { dealTasks, listOpportunities } from "@/lib/deals/queries";
import { OPPORTUNITIES_TABLE } from "@/lib/deals/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Opportunities" };

export default async function VendorOpportunitiesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("opportunity.decide");
  const params = parseTableParams(OPPORTUNITIES_TABLE, await searchParams);
  const [{ rows, total }, pending] = await Promise.all([listOpportunities(getDb(), "isv", user.accountId, params), dealTasks(getDb(), { role: "isv", accountId: user.accountId })]);
  return (
    <>
      <PageHeader title="Opportunities" description="Deals your partners registered with you. Approve one with an extra wholesale discount for that sale, or reject it with a reason." />
      {pending > 0 ? (
        <Callout tone="warn" className="mb-4" data-testid="decision-tasks">
          {pending === 1 ? "One opportunity waits" : `${pending} opportunities wait`} for your decision.{" "}
          <Link href="/vendor/opportunities?stage=registered" className="font-medium underline">
            Show {pending === 1 ? "it" : "them"}
          </Link>
        </Callout>
      ) : null}
      <OpportunitiesTable
        side="vendor"
        rows={rows}
        total={total}
        params={params}
        emptyState={<p>No opportunities yet. Partners you authorized register them here when a deal needs an extra discount.</p>}
      />
    </>
  );
}
