import { expect, test } from "@playwright/test";
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
