import { expect, test } from "@playwright/test";
import { expectNotFound } from "./helpers";
import { otherAreas } from "./roles";

test("the vendor sees its own account and figures", async ({ page }) => {
  await page.goto("/vendor");
  await expect(page.getByRole("heading", { name: "Northwind Software" })).toBeVisible();
  await expect(page.getByText("Account 3104-5287-1906")).toBeVisible();
  await expect(page.getByText("Registered seller")).toBeVisible();
  await expect(page.locator('[data-stat="Products"]')).toHaveText("2");
  await expect(page.getByText("5 pricing dimensions")).toBeVisible();
  await expect(page.locator('[data-stat="Wholesale revenue"]')).toHaveText("$0.00");
});

test("the vendor is refused the other areas", async ({ page }) => {
  for (const path of otherAreas("/vendor")) await expectNotFound(page, path);
});
