import { expect, test } from "./fixtures";
import { expectNotFound } from "./helpers";
import { otherAreas } from "./roles";

test("the partner sees its own account and figures", async ({ page }) => {
  await page.goto("/partner");
  await expect(page.getByRole("heading", { name: "Blue Harbor Consulting" })).toBeVisible();
  await expect(page.getByText("Account 5276-0419-3382")).toBeVisible();
  await expect(page.getByText("Registered seller")).toBeVisible();
  await expect(page.locator('[data-stat="Resale authorizations"]')).toHaveText("2");
  await expect(page.locator('[data-stat="Margin billed"]')).toHaveText("$4,776.00"); // 3 × $800 + Globex $1,224 + the completed deal, 2 × $576
});

test("the partner is refused the other areas", async ({ page }) => {
  for (const path of otherAreas("/partner")) await expectNotFound(page, path);
});
