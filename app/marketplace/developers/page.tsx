import type { Metadata } from "next";
import { DevelopersPage } from "@/app/_shell/developers-page";

export const metadata: Metadata = { title: "Developers" };

export default function Page() {
  return <DevelopersPage area="marketplace" />;
}
