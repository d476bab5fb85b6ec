import type { Metadata } from "next";
import { MailPage } from "@/app/_shell/mail-page";

export const metadata: Metadata = { title: "E-mail" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <MailPage area="buyer" id={(await params).id} />;
}
