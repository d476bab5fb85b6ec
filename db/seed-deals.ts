// Demo non-recurring discount deals, one at each stage, made through the same
// operations the screens use (so every trail, notification and figure is real),
// at pinned instants: one completed deal accepted two months ago, which the
// billing history bills, and which is paid and disbursed on its own days.
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { products, users } from "@/db/schema";
import { loadUser, type CurrentUser } from "@/lib/auth/authorize";
import { pinnedClock, setClock } from "@/lib/clock";
import { dayOf } from "@/lib/dates";
import { approveOpportunity, askForMarkup, cancelDiscountRequest, extendDealOffer, provideMarkup, registerOpportunity, rejectOpportunity, sweepExpiredDeals } from "@/lib/deals/service";
import { DEMO_ACCOUNTS, type DemoAccountKey } from "@/lib/demo";
import { acceptOffer } from "@/lib/offers/service";
import { productsWithDimensions } from "@/lib/products/service";

const DAY = 86_400_000;

type Stage = "registered" | "rejected" | "approved" | "asked" | "markup" | "extended" | "cancelled" | "expired" | "accepted";

interface DemoDeal {
  name: string;
  description: string;
  isv: "isv" | "isv2";
  customer: DemoAccountKey;
  products: { name: string; quantities: Record<string, number> }[];
  expectedValue: string;
  stage: Stage;
  additionalDiscount?: string;
  markup?: string;
  billing?: "monthly" | "upfront";
}

/** The completed deal's name, for the billing history and the tests. */
export const COMPLETED_DEAL = "Initech — analytics for the research division";

export const DEMO_DEALS: DemoDeal[] = [
  {
    name: "Globex — analytics expansion",
    description: "Globex wants the platform for two more plants; competing with an on-premises quote. Budget approved for Q1.",
    isv: "isv2",
    customer: "customer2",
    products: [{ name: "Contoso Analytics Platform", quantities: { Platform: 1 } }],
    expectedValue: "110000",
    stage: "registered",
  },
  {
    name: "Umbrella — monitoring rollout",
    description: "Fleet-wide monitoring for 400 hosts; the customer asked for a price below list.",
    isv: "isv",
    customer: "customer4",
    products: [{ name: "Northwind Monitor", quantities: { Hosts: 400 } }],
    expectedValue: "60000",
    stage: "rejected",
  },
  {
    name: "Initech — backup for new clinics",
    description: "Twelve new clinics need immutable backup; decision by the end of the quarter.",
    isv: "isv",
    customer: "customer3",
    products: [{ name: "Northwind Backup", quantities: { "Protected TB": 40, Servers: 12 } }],
    expectedValue: "40000",
    stage: "approved",
    additionalDiscount: "5",
  },
  {
    name: "Globex — disaster-recovery site",
    description: "Second-site backup for the ERP; replaces a tape vendor.",
    isv: "isv",
    customer: "customer2",
    products: [{ name: "Northwind Backup", quantities: { "Protected TB": 25, Servers: 6 } }],
    expectedValue: "25000",
    stage: "asked",
    additionalDiscount: "7.5",
  },
  {
    name: "Umbrella — analytics pilot",
    description: "A six-month pilot for the logistics control tower; could lead to a three-year deal.",
    isv: "isv2",
    customer: "customer4",
    products: [{ name: "Contoso Analytics Platform", quantities: { Platform: 1, "Additional users": 20 } }],
    expectedValue: "70000",
    stage: "markup",
    additionalDiscount: "10",
    markup: "9",
  },
  {
    name: "Globex — monitoring and backup bundle",
    description: "Both products for the new data centre, bought together; the customer signs this month.",
    isv: "isv",
    customer: "customer2",
    products: [
      { name: "Northwind Monitor", quantities: { Hosts: 60, Seats: 15 } },
      { name: "Northwind Backup", quantities: { "Protected TB": 30, Servers: 10 } },
    ],
    expectedValue: "45000",
    stage: "extended",
    additionalDiscount: "8",
    markup: "12",
  },
  {
    name: "Globex — log analytics add-on",
    description: "Log retention for the security team; the customer paused the project.",
    isv: "isv",
    customer: "customer2",
    products: [{ name: "Northwind Monitor", quantities: { "Log GB": 2000 } }],
    expectedValue: "12000",
    stage: "cancelled",
    additionalDiscount: "5",
  },
  {
    name: "Initech — monitoring trial",
    description: "A quarter of monitoring for the lab systems; the customer did not decide in time.",
    isv: "isv",
    customer: "customer3",
    products: [{ name: "Northwind Monitor", quantities: { Hosts: 20 } }],
    expectedValue: "9000",
    stage: "expired",
    additionalDiscount: "5",
  },
  {
    name: COMPLETED_DEAL,
    description: "The research division's own analytics platform; won against a cloud-native competitor with the vendor's extra discount.",
    isv: "isv2",
    customer: "customer3",
    products: [{ name: "Contoso Analytics Platform", quantities: { Platform: 1 } }],
    expectedValue: "93000",
    stage: "accepted",
    additionalDiscount: "10",
    markup: "8",
    billing: "monthly",
  },
];

function must<T>(result: { ok: true; data: T } | { ok: false; error?: string }, what: string): T {
  if (!result.ok) throw new Error(`demo deal: ${what} failed: ${JSON.stringify(result)}`);
  return result.data;
}

async function actor(db: Db, email: string): Promise<CurrentUser> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = row ? await loadUser(db, row.id, "seed") : null;
  if (!user) throw new Error(`demo deal: no user ${email}`);
  return user;
}

/** Seeds the deals; `now` is the real instant the demo is seeded at. The clock is pinned per step and restored after. */
export async function seedDeals(db: Db, now: Date): Promise<void> {
  const previous = pinnedClock();
  try {
    const cast = {
      partner: await actor(db, "partner@demo.example"),
      isv: await actor(db, "isv@demo.example"),
      isv2: await actor(db, "isv2@demo.example"),
      rep: await actor(db, "rep@demo.example"),
      customer3: await actor(db, "customer3@demo.example"),
    };
    const catalogue = await db.select({ id: products.id, name: products.name, isv: products.isvAccountId }).from(products);
    for (const deal of DEMO_DEALS) {
      // The completed deal runs two months back: accepted on the 1st, so the billing history bills it.
      const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1, 9));
      const base = deal.stage === "accepted" ? firstOfMonth.getTime() - 10 * DAY : deal.stage === "expired" ? now.getTime() - 30 * DAY : now.getTime() - 3 * DAY;
      let step = 0;
      const tick = () => setClock(new Date(base + step++ * 3_600_000));
      const at = () => new Date(base + step * 3_600_000);
      const chosen = deal.products.map((p) => catalogue.find((c) => c.name === p.name)!);
      const isv = cast[deal.isv];
      tick();
      const { opportunityId } = must(
        await registerOpportunity(db, cast.partner, {
          isvAccountId: isv.accountId,
          productIds: chosen.map((p) => p.id),
          customerAccountId: DEMO_ACCOUNTS[deal.customer].id,
          name: deal.name,
          description: deal.description,
          expectedValue: deal.expectedValue,
          expectedCloseOn: dayOf(new Date(Math.max(at().getTime(), now.getTime()) + 45 * DAY)),
        }),
        `register ${deal.name}`,
      );
      if (deal.stage === "registered") continue;
      tick();
      if (deal.stage === "rejected") {
        must(await rejectOpportunity(db, isv, { opportunityId, reason: "Umbrella buys Northwind Monitor directly under its enterprise agreement; we cannot discount it through the channel." }), "reject");
        continue;
      }
      const window =
        deal.stage === "accepted"
          ? { startsOn: dayOf(new Date(firstOfMonth.getTime() - 5 * DAY)), endsOn: dayOf(new Date(firstOfMonth.getTime() + 20 * DAY)) }
          : deal.stage === "expired"
            ? { startsOn: dayOf(at()), endsOn: dayOf(new Date(now.getTime() - 5 * DAY)) }
            : { startsOn: dayOf(now), endsOn: dayOf(new Date(now.getTime() + 30 * DAY)) };
      const { requestId } = must(
        await approveOpportunity(db, isv, { opportunityId, additionalDiscountPercent: deal.additionalDiscount ?? "5", productIds: chosen.map((p) => p.id), ...window }),
        `approve ${deal.name}`,
      );
      if (deal.stage === "approved") continue;
      tick();
      must(await askForMarkup(db, cast.rep, { requestId }), "ask markup");
      if (deal.stage === "asked" || deal.stage === "expired") continue;
      if (deal.stage === "cancelled") {
        tick();
        must(await cancelDiscountRequest(db, cast.rep, { requestId, reason: "The customer paused the project; the partner will register it again when it resumes." }), "cancel");
        continue;
      }
      tick();
      must(await provideMarkup(db, cast.partner, { requestId, markupPercent: deal.markup ?? "10" }), "give markup");
      if (deal.stage === "markup") continue;
      tick();
      const items = await Promise.all(
        deal.products.map(async (p, i) => {
          const own = (await productsWithDimensions(db, [chosen[i]!.id], isv.accountId))[0];
          return { productId: chosen[i]!.id, quantities: own!.dimensions.map((d) => ({ dimensionId: d.id, quantity: p.quantities[d.unitName] ?? 0 })) };
        }),
      );
      const { offerIds } = must(
        await extendDealOffer(db, cast.rep, { requestId, name: deal.name, durationMonths: 12, billing: deal.billing ?? "monthly", terms: "Blue Harbor provides onboarding; the vendor's extra discount applies to this sale only.", items }),
        "extend",
      );
      if (deal.stage === "extended") continue;
      setClock(firstOfMonth);
      must(await acceptOffer(db, cast.customer3, { offerId: offerIds[0], acceptTerms: true }), "accept");
    }
    setClock(now);
    await sweepExpiredDeals(db, now);
  } finally {
    setClock(previous);
  }
}
