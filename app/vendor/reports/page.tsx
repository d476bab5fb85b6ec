import type { Metadata } from "next";
import { LinesReport } from "@/app/_reports/lines-report";
import { requireArea } from "@/lib/auth/guard";
import type { RawSearchParams } from "@/lib/tables/params";

export const metadata: Metadata = { title: "Channel report" };

export default async function VendorReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("vendor");
  return <LinesReport viewer={{ role: "isv", accountId: user.accountId }} path="/vendor/reports" searchParams={await searchParams} />;
}
