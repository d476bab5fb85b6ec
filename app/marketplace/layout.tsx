import { AreaLayout } from "@/app/_shell/area-layout";

export default function MarketplaceLayout({ children }: { children: React.ReactNode }) {
  return <AreaLayout slug="marketplace">{children}</AreaLayout>;
}
