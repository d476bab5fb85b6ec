// Who may do what: one table of data, read by every page, server action and
// route handler (through lib/auth/guard.ts) and by the authorization-matrix tests.
import { ROLES, type Role } from "@/db/enums";

export const PERMISSIONS = {
  "vendor.area": ["isv"],
  "partner.area": ["partner"],
  "buyer.area": ["customer"],
  "marketplace.area": ["rep"],
  "notifications.read": ["isv", "partner", "customer", "rep"],
  "account.password": ["isv", "partner", "customer", "rep"],
  "account.email": ["isv", "partner", "customer", "rep"],
  "api.keys": ["isv", "partner", "rep"],
  "webhooks.manage": ["isv", "partner", "rep"],
  "seller.register": ["isv", "partner"],
  "product.manage": ["isv"],
  "invitation.send": ["isv"],
  "invitation.revoke": ["isv"],
  "invitation.respond": ["partner"],
  "offer.manage": ["partner"],
  "offer.accept": ["customer"],
  "offer.view": ["customer"],
  "channel.view": ["isv"],
  "opportunity.register": ["partner"],
  "opportunity.markup": ["partner"],
  "opportunity.decide": ["isv"],
  "deal.manage": ["rep"],
  "bill.view": ["customer"],
  "bill.pay": ["customer"],
  "bill.record_transfer": ["rep"],
  "billing.run": ["rep"],
  "disbursement.run": ["rep"],
  "schedule.manage": ["rep"],
  "ledger.view": ["rep"],
  "backoffice.view": ["rep"],
  "fees.manage": ["rep"],
  "money.view": ["isv", "partner"],
  "report.view": ["isv", "partner", "rep"],
  "spend.view": ["customer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The four role areas; the URL shows the role. */
export const AREAS = [
  { slug: "vendor", role: "isv", label: "Vendor console", permission: "vendor.area" },
  { slug: "partner", role: "partner", label: "Partner console", permission: "partner.area" },
  { slug: "buyer", role: "customer", label: "Buyer console", permission: "buyer.area" },
  { slug: "marketplace", role: "rep", label: "Marketplace console", permission: "marketplace.area" },
] as const satisfies readonly { slug: string; role: Role; label: string; permission: Permission }[];

export type AreaSlug = (typeof AREAS)[number]["slug"];

export function areaForRole(role: Role): (typeof AREAS)[number] {
  const area = AREAS.find((a) => a.role === role);
  if (!area) throw new Error(`no area for role ${role}`);
  return area;
}

export const ROLE_LABELS: Record<Role, string> = {
  isv: "Vendor (ISV)",
  partner: "Consulting partner",
  customer: "Customer",
  rep: "Marketplace representative",
};

export { ROLES };
