import type { Metadata } from "next";
import Link from "next/link";
import { LinesReport } from "@/app/_reports/lines-report";
import { requireArea } from "@/lib/auth/guard";
import type { RawSearchParams } from "@/lib/tables/params";

export const metadata: Metadata = { title: "Charge lines" };

export default async function MarketplaceLinesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireArea("marketplace");
  const back = (
    <p className="-mt-2 mb-4 text-sm">
      <Link href="/marketplace/reports" className="font-medium text-brand-700 hover:underline">
        ← Marketplace overview
      </Link>
    </p>
  );
  return <LinesReport viewer={{ role: "rep" }} path="/marketplace/reports/lines" searchParams={await searchParams} back={back} />;
}
