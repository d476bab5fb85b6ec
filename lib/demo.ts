// The demo cast: seeded on an empty database in demo mode, listed on the
// sign-in page (demo mode only) and in the README, and used by the browser tests.
import type { AccountType, Role } from "@/db/enums";

export const DEMO_PASSWORD = "demo-password-1";

export interface DemoAccount {
  key: string;
  id: string;
  type: AccountType;
  name: string;
}

export const DEMO_ACCOUNTS = {
  isv: { key: "isv", id: "310452871906", type: "isv", name: "Northwind Software" },
  isv2: { key: "isv2", id: "420318765204", type: "isv", name: "Contoso Data Systems" },
  partner: { key: "partner", id: "527604193382", type: "partner", name: "Blue Harbor Consulting" },
  partner2: { key: "partner2", id: "638215079461", type: "partner", name: "Summit Cloud Advisors" },
  partner3: { key: "partner3", id: "749031826557", type: "partner", name: "Fresh Start IT (not yet a seller)" },
  customer: { key: "customer", id: "851347962018", type: "customer", name: "Acme Retail" },
  customer2: { key: "customer2", id: "962458073129", type: "customer", name: "Globex Manufacturing" },
  customer3: { key: "customer3", id: "173569184230", type: "customer", name: "Initech Health" },
  customer4: { key: "customer4", id: "284670295341", type: "customer", name: "Umbrella Logistics" },
  marketplace: { key: "marketplace", id: "900000000001", type: "marketplace", name: "The Marketplace" },
} as const satisfies Record<string, DemoAccount>;

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  account: DemoAccountKey;
  note: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "isv@demo.example", name: "Iris Vendor", role: "isv", account: "isv", note: "ISV with two products" },
  { email: "isv2@demo.example", name: "Ivan Vendor", role: "isv", account: "isv2", note: "ISV with the worked-example product" },
  { email: "partner@demo.example", name: "Paula Partner", role: "partner", account: "partner", note: "registered seller" },
  { email: "partner2@demo.example", name: "Pedro Partner", role: "partner", account: "partner2", note: "registered seller" },
  { email: "partner3@demo.example", name: "Pia Partner", role: "partner", account: "partner3", note: "not yet registered as a seller" },
  { email: "customer@demo.example", name: "Carla Customer", role: "customer", account: "customer", note: "customer" },
  { email: "customer2@demo.example", name: "Carl Customer", role: "customer", account: "customer2", note: "customer" },
  { email: "customer3@demo.example", name: "Cleo Customer", role: "customer", account: "customer3", note: "customer" },
  { email: "customer4@demo.example", name: "Cyrus Customer", role: "customer", account: "customer4", note: "customer" },
  { email: "rep@demo.example", name: "Rita Rep", role: "rep", account: "marketplace", note: "marketplace representative" },
];

/**
 * The demo's API keys (demo mode only: seeded with the demo data, printed in
 * the README) so a newcomer can call /api/v1 in the first minute. Never used
 * outside a demo database.
 */
export const DEMO_API_KEYS = [
  { email: "isv@demo.example", name: "Demo key", secret: "cppo_sk_demovendor0000000000000000000000" },
  { email: "partner@demo.example", name: "Demo key", secret: "cppo_sk_demopartner000000000000000000000" },
] as const;
