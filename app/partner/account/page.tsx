import type { Metadata } from "next";
import { AccountPage } from "@/app/_shell/account-page";
import { requireArea } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Your account" };

export default async function Page() {
  return <AccountPage user={await requireArea("partner")} />;
}
