import { expect, test } from "./fixtures";
import { expectNotFound } from "./helpers";
import { otherAreas } from "./roles";

test("the vendor sees its own account and figures", async ({ page }) => {
  await page.goto("/vendor");
  await expect(page.getByRole("heading", { name: "Northwind Software" })).toBeVisible();
  await expect(page.getByText("Account 3104-5287-1906")).toBeVisible();
  await expect(page.getByText("Registered seller")).toBeVisible();
  await expect(page.locator('[data-stat="Products"]')).toHaveText("2");
  await expect(page.getByText("5 pricing dimensions")).toBeVisible();
  await expect(page.locator('[data-stat="Wholesale billed to date"]')).toHaveText("$9,792.00"); // Globex: 51,000¢ × 24 months × 80%
});

test("the vendor is refused the other areas", async ({ page }) => {
  for (const path of otherAreas("/vendor")) await expectNotFound(page, path);
});

test("the vendor sends an invitation, watching the live wholesale preview", async ({ page }) => {
  await page.goto("/vendor/invitations/new");
  await page.getByLabel("Partner account id").fill("6382-1507-9461");
  await page.getByLabel("Product 1").selectOption({ label: "Northwind Monitor" });
  const preview = (unit: string) => page.getByTestId(`wholesale-Northwind Monitor-${unit}`);
  await expect(preview("Hosts")).toHaveText("—");
  await page.getByLabel("Wholesale discount (%)").fill("12.5");
  // $15.00 × 87.5% = $13.125 → $13.13; $8.00 → $7.00; $0.50 × 87.5% = $0.4375 → $0.44
  await expect(preview("Hosts")).toHaveText("$13.13");
  await expect(preview("Seats")).toHaveText("$7.00");
  await expect(preview("Log GB")).toHaveText("$0.44");
  await page.getByLabel("Wholesale discount (%)").fill("20");
  await expect(preview("Hosts")).toHaveText("$12.00");
  const acceptBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Accept by").fill(acceptBy);
  await page.getByRole("button", { name: "Review and send" }).click();
  await expect(page.getByText("Send this invitation?")).toBeVisible();
  // The dialog names the partner the id belongs to, looked up before it opened.
  await expect(page.getByRole("alertdialog").getByText("Summit Cloud Advisors")).toBeVisible();
  await expect(page.getByText("Northwind Monitor at 20% off")).toBeVisible();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page).toHaveURL(/\/vendor\/invitations\/inv_[0-9a-z]{20}\?sent=1$/);
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  await expect(page.getByText("Pending", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "$12.00" })).toBeVisible();

  await page.goto("/vendor/invitations?status=pending");
  await expect(page.getByRole("link", { name: /Summit Cloud Advisors/ }).first()).toBeVisible();
});

test("bad invitation input lands on its field and sends nothing", async ({ page }) => {
  await page.goto("/vendor/invitations/new");
  await page.getByLabel("Partner account id").fill("8513-4796-2018"); // a customer, not a partner
  await page.getByLabel("Wholesale discount (%)").fill("100");
  await page.getByRole("button", { name: "Review and send" }).click();
  await expect(page.getByText("The discount must be more than 0% and less than 100%")).toBeVisible();
  await page.getByLabel("Wholesale discount (%)").fill("10");
  // A past accept-by date is refused in the browser, before any confirmation.
  await page.getByLabel("Accept by").fill("2020-01-01");
  await page.getByRole("button", { name: "Review and send" }).click();
  await expect(page.getByText("Choose an accept-by date from today on")).toBeVisible();
  await page.getByLabel("Accept by").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  // A customer's id (or an unknown one, or one's own) is refused on its field before the confirmation opens.
  await page.getByRole("button", { name: "Review and send" }).click();
  await expect(page.getByText("No consulting partner has this account id")).toBeVisible();
  await expect(page.getByText("Send this invitation?")).toHaveCount(0);
  await page.getByLabel("Partner account id").fill("3104-5287-1906"); // the vendor's own
  await page.getByRole("button", { name: "Review and send" }).click();
  await expect(page.getByText("That is your own account")).toBeVisible();
  await expect(page.getByText("Send this invitation?")).toHaveCount(0);
  await expect(page).toHaveURL(/\/vendor\/invitations\/new$/);
});

test("the vendor creates a product and finds it in the sortable, searchable table", async ({ page }) => {
  await page.goto("/vendor/products/new");
  await page.getByLabel("Product name").fill("Northwind Archive <b>beta</b>");
  await page.getByLabel("Description").fill("Cold storage for compliance data.");
  await page.getByLabel("Standard EULA").fill("Northwind Archive EULA: use it for your own data only.");
  await page.getByLabel("Unit 1", { exact: true }).fill("Archived TB");
  await page.getByLabel("Price ($)").first().fill("7.5");
  await page.getByRole("button", { name: "Add a pricing dimension" }).click();
  await page.getByLabel("Unit 2", { exact: true }).fill("Restores");
  await page.getByLabel("Price ($)").nth(1).fill("-3");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Enter a price like 125 or 1,250.50")).toBeVisible();
  await page.getByLabel("Price ($)").nth(1).fill("25");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/vendor\/products$/);
  // Stored text renders as text.
  await expect(page.getByRole("link", { name: "Northwind Archive <b>beta</b>" })).toBeVisible();
  await expect(page.getByText("Archived TB: $7.50")).toBeVisible();

  await page.getByRole("button", { name: /Product/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc|dir=desc&sort=name|dir=desc/);
  await expect(page.getByRole("row").nth(1)).toContainText("Northwind Monitor");
  await page.getByLabel("Search").fill("archive");
  await expect(page).toHaveURL(/q=archive/);
  await expect(page.getByText("Showing 1–1 of 1")).toBeVisible();
});

test("a table's filter menu opens, filters through the URL, and closes on Escape", async ({ page }) => {
  await page.goto("/vendor/invitations");
  const menu = page.locator("summary", { hasText: "Status" });
  const accepted = page.getByRole("checkbox", { name: "Accepted" });
  await expect(accepted).toBeHidden();
  await menu.click();
  await accepted.check();
  await expect(page).toHaveURL(/[?&]status=accepted/);
  await expect(menu).toContainText("1");
  await page.keyboard.press("Escape");
  await expect(accepted).toBeHidden();
  // Opened again, a click outside closes it; clearing the filter leaves the URL without it.
  await menu.click();
  await expect(accepted).toBeChecked();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(accepted).toBeHidden();
  await menu.click();
  await page.getByRole("button", { name: "Clear status" }).click();
  await expect(page).not.toHaveURL(/status=/);
});
