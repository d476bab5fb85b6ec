import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { dayOf } from "@/lib/dates";
import { allSchedules, feeTiersAt } from "@/lib/fees/queries";
import { bpsToPercent, formatMoney } from "@/lib/money";
import { FeeScheduleForm } from "./fee-form";

export const metadata: Metadata = { title: "Listing fees" };

export default async function FeesPage() {
  await requirePermission("fees.manage");
  const at = now();
  const [schedules, current] = await Promise.all([allSchedules(getDb()), feeTiersAt(getDb(), at)]);
  return (
    <>
      <PageHeader title="Listing fees" description="Tiered on an agreement's total contract value at wholesale, charged to the ISV. Offers freeze the rate in force when extended." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Schedules</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 text-sm">
            {schedules.map((s) => {
              const active = s.effectiveFrom <= at && s.tiers.length === current.length && s.tiers.every((t, i) => t.feeBps === current[i]?.feeBps);
              return (
                <div key={s.effectiveFrom.toISOString()}>
                  <p className="font-medium">
                    From {dayOf(s.effectiveFrom)} {s.effectiveFrom > at ? <Badge tone="info">scheduled</Badge> : active ? <Badge tone="good">in force</Badge> : <Badge>superseded</Badge>}
                  </p>
                  <ul className="mt-1 grid gap-0.5">
                    {s.tiers.map((t) => (
                      <li key={t.minContractCents}>
                        from {formatMoney(t.minContractCents)}: {bpsToPercent(t.feeBps)}%
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>New schedule</CardTitle>
            <CardDescription>Applies to offers extended on or after its first day.</CardDescription>
          </CardHeader>
          <CardContent>
            <FeeScheduleForm defaults={current.map((t) => ({ fromDollars: String(t.minContractCents / 100), percent: bpsToPercent(t.feeBps) }))} minDate={dayOf(at)} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
