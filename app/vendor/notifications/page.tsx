import type { Metadata } from "next";
import { NotificationsPage } from "@/app/_shell/notifications-page";
import { requireArea } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Notifications" };

export default async function Page({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireArea("vendor");
  const { page } = await searchParams;
  return <NotificationsPage base="/vendor/notifications" page={page} />;
}
