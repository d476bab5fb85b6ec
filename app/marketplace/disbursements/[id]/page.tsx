import type { Metadata } from "next";
import { PayoutView, REMITTANCE_PAGE_SIZE } from "@/app/_billing/payout-page";
import { pageParam } from "@/components/ui/pager";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { payoutDetail } from "@/lib/billing/queries";

export const metadata: Metadata = { title: "Payout" };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("disbursement.run");
  const { id } = await params;
  const page = pageParam((await searchParams).page);
  const payout = await payoutDetail(getDb(), id, { role: "rep" }, { limit: REMITTANCE_PAGE_SIZE, offset: (page - 1) * REMITTANCE_PAGE_SIZE });
  if (!payout) return deniedNotFound(user, "disbursement.run", "disbursement", id);
  return <PayoutView payout={payout} page={page} back="/marketplace/disbursements" counterpart="both" href={(p) => `/marketplace/disbursements/${id}?page=${p}`} />;
}
