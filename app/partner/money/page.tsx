import type { Metadata } from "next";
import { MoneyPage } from "@/app/_billing/money-page";
import { requireArea, requirePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Money" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("partner");
  const user = await requirePermission("money.view");
  return <MoneyPage user={user} role="partner" searchParams={await searchParams} />;
}
