import { AreaLayout } from "@/app/_shell/area-layout";

export default function PartnerLayout({ children }: { children: React.ReactNode }) {
  return <AreaLayout slug="partner">{children}</AreaLayout>;
}
