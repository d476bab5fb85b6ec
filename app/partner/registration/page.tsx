import type { Metadata } from "next";
import { RegistrationPage } from "@/app/_registration/registration-page";
import { requireArea } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Seller registration" };

export default async function Page({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const user = await requireArea("partner");
  const { step } = await searchParams;
  return <RegistrationPage user={user} base="/partner/registration" step={step} />;
}
