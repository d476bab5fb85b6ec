// The small chart on a role's home page: its report's headline series over the
// last twelve billing periods, with a link to the whole report.
import Link from "next/link";
import { BarChart, type Bar } from "@/components/charts/bar-chart";
import { ChartCard } from "./report-parts";

export function HomeChart({ title, bars, href, linkText }: { title: string; bars: readonly Bar[]; href: string; linkText: string }) {
  return (
    <div className="mt-6">
      <ChartCard
        title={title}
        description={
          <>
            USD, last twelve billing periods.{" "}
            <Link href={href} className="font-medium text-brand-700 hover:underline">
              {linkText}
            </Link>
          </>
        }
      >
        <BarChart testId="home-chart" title={title} bars={bars} height={160} />
      </ChartCard>
    </div>
  );
}
