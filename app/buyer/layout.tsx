import { AreaLayout } from "@/app/_shell/area-layout";

export default function BuyerLayout({ children }: { children: React.ReactNode }) {
  return <AreaLayout slug="buyer">{children}</AreaLayout>;
}
