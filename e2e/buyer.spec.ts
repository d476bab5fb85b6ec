import { expect, test } from "./fixtures";
import { expectNotFound } from "./helpers";
import { otherAreas } from "./roles";

test("the customer sees its own account and figures", async ({ page }) => {
  await page.goto("/buyer");
  await expect(page.getByRole("heading", { name: "Acme Retail" })).toBeVisible();
  await expect(page.getByText("Account 8513-4796-2018")).toBeVisible();
  await expect(page.locator('[data-stat="Offers for you"]')).toHaveText("0");
  await expect(page.locator('[data-stat="Amount due"]')).toHaveText("$8,800.00");
  // A customer never sees wholesale figures.
  await expect(page.getByText(/wholesale/i)).toHaveCount(0);
});

test("the customer is refused the other areas", async ({ page }) => {
  for (const path of otherAreas("/buyer")) await expectNotFound(page, path);
});
