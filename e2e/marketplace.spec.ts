import { expect, test } from "./fixtures";
import { expectNotFound } from "./helpers";
import { otherAreas } from "./roles";

test("the rep sees the marketplace figures", async ({ page }) => {
  await page.goto("/marketplace");
  await expect(page.getByRole("heading", { name: "Marketplace" })).toBeVisible();
  await expect(page.locator('[data-stat="Vendors (ISVs)"]')).toHaveText("2");
  await expect(page.locator('[data-stat="Customers"]')).toHaveText("4");
  // isv, isv2, partner and partner2 are registered; partner3 (and anyone signing up) is not.
  await expect(page.locator('[data-stat="Registered sellers"]')).toHaveText("4");
});

test("the rep is refused the other areas", async ({ page }) => {
  for (const path of otherAreas("/marketplace")) await expectNotFound(page, path);
});

test("the rep pauses and resumes a scheduled job, and sees each job's next run", async ({ page }) => {
  await page.goto("/marketplace/schedule");
  const billing = page.getByTestId("schedule-billing");
  await expect(billing.getByRole("heading", { name: /Billing/ })).toBeVisible();
  await expect(page.getByTestId("schedule-next-billing")).toHaveText(/\d{4}-\d{2}-\d{2} 02:00 UTC/);
  await billing.getByRole("button", { name: "Pause Billing" }).click();
  await expect(billing.getByTestId("schedule-paused")).toBeVisible();
  await expect(page.getByTestId("schedule-next-billing")).toHaveText("paused");
  await page.reload();
  await expect(billing.getByTestId("schedule-paused")).toBeVisible();
  await billing.getByRole("button", { name: "Resume Billing" }).click();
  await expect(billing.getByTestId("schedule-paused")).toHaveCount(0);
  await expect(page.getByTestId("schedule-next-billing")).toHaveText(/\d{4}-\d{2}-\d{2} 02:00 UTC/);
  // The other jobs are listed with their own schedules.
  await expect(page.getByTestId("schedule-next-sweep")).toHaveText(/:(00|15|30|45) UTC$/);
  await expect(page.getByTestId("schedule-next-disbursement")).toHaveText(/06:00 UTC$/);
});

test("the rep finds an account by its id, a bill by its number, an offer by name, and reads each one's history", async ({ page }) => {
  await page.goto("/marketplace/search?q=8513-4796-2018");
  await page.getByRole("link", { name: "Acme Retail" }).click();
  await expect(page).toHaveURL(/\/marketplace\/accounts\/851347962018$/);
  await expect(page.getByText("customer@demo.example", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "History" }).getByTestId("timeline-entry").first()).toBeVisible();

  await page.goto("/marketplace/search");
  await page.getByLabel("Find").fill("B-");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("search-results").getByRole("heading", { name: /Bills/ })).toBeVisible();
  await page.getByTestId("search-results").getByRole("link", { name: /^B-\d{6}-851347962018-1$/ }).first().click();
  await expect(page.getByText(/Bill B-\d{6}-851347962018-1 issued/)).toBeVisible();

  // The seeded deal's offer: keyed by a rep, accepted by the customer, each step with who.
  await page.goto("/marketplace/search?q=research+division");
  await page.getByTestId("search-results").getByRole("link").filter({ hasText: /research division/ }).first().click();
  await expect(page.getByRole("list", { name: "History" })).toContainText("Offer extended (prices frozen)");
  await expect(page.getByRole("list", { name: "History" })).toContainText("rep@demo.example");
  await expect(page.getByRole("list", { name: "History" })).toContainText("customer3@demo.example");

  await page.goto("/marketplace/search?q=zzzz-nothing");
  await expect(page.getByText("Nothing matches")).toBeVisible();
});
