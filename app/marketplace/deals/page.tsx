import type { Metadata } from "next";
import { RequestsTable } from "@/app/_deals/deal-tables";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { listDiscountRequests } from "@/lib/deals/queries";
import { REQUESTS_TABLE } from "@/lib/deals/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Discount requests" };

export default async function DealsQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("deal.manage");
  const params = parseTableParams(REQUESTS_TABLE, await searchParams);
  const { rows, total } = await listDiscountRequests(getDb(), params);
  return (
    <>
      <PageHeader
        title="Discount requests"
        description="Non-recurring discounts vendors approved: ask the partner for its markup, then key and extend the offer on its behalf. Oldest waiting first."
      />
      <RequestsTable rows={rows} total={total} params={params} now={now().toISOString()} />
    </>
  );
}
