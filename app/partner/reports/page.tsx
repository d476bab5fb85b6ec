import type { Metadata } from "next";
import { LinesReport } from "@/app/_reports/lines-report";
import { requireArea } from "@/lib/auth/guard";
import type { RawSearchParams } from "@/lib/tables/params";

export const metadata: Metadata = { title: "Sales report" };

export default async function PartnerReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("partner");
  return <LinesReport viewer={{ role: "partner", accountId: user.accountId }} path="/partner/reports" searchParams={await searchParams} />;
}
