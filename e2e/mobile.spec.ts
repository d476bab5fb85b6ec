import { expect, test } from "./fixtures";

test("the partner home works on a phone", async ({ page }) => {
  await page.goto("/partner");
  await expect(page.getByRole("heading", { name: "Blue Harbor Consulting" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections" }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
