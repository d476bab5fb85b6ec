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
