// Every main page of every console at 390 px wide (an iPhone 12–15): nothing
// scrolls sideways — tables scroll inside their card — and ids and dates never
// break mid-token.
import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { dialect } from "./helpers";

const PAGES = {
  partner: ["/partner", "/partner/invitations", "/partner/authorized", "/partner/offers", "/partner/offers/new", "/partner/opportunities", "/partner/opportunities/new", "/partner/sales", "/partner/reports", "/partner/money", "/partner/registration", "/partner/notifications", "/partner/account"],
  vendor: ["/vendor", "/vendor/products", "/vendor/invitations", "/vendor/invitations/new", "/vendor/opportunities", "/vendor/channel", "/vendor/reports", "/vendor/money", "/vendor/registration"],
  buyer: ["/buyer", "/buyer/offers", "/buyer/subscriptions", "/buyer/bills", "/buyer/spend"],
  marketplace: ["/marketplace", "/marketplace/deals", "/marketplace/billing", "/marketplace/bills", "/marketplace/disbursements", "/marketplace/schedule", "/marketplace/reports", "/marketplace/reports/lines", "/marketplace/ledger", "/marketplace/fees"],
} as const;

async function phone(browser: Browser, area: keyof typeof PAGES) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, storageState: `e2e/.auth/${area}-${dialect}.json` });
  return context.newPage();
}

test("the partner home works on a phone", async ({ page }) => {
  await page.goto("/partner");
  await expect(page.getByRole("heading", { name: "Blue Harbor Consulting" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections" }).first()).toBeVisible();
});

for (const area of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
  test(`no ${area} page scrolls sideways at 390 px`, async ({ browser }) => {
    const page = await phone(browser, area);
    const wide: string[] = [];
    for (const path of PAGES[area]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${path}: ${overflow}px too wide`);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  });
}
