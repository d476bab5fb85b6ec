import { AreaLayout } from "@/app/_shell/area-layout";

export default function VendorLayout({ children }: { children: React.ReactNode }) {
  return <AreaLayout slug="vendor">{children}</AreaLayout>;
}
