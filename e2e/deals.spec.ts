// A non-recurring discount in four browsers, one per role, from the partner's
// opportunity to the sellers' payouts, checking the amounts each party sees:
// $10,000 public → $8,000 wholesale (20%) → $7,200 with the ISV's extra 10% →
// $7,776 for the customer with the partner's 8% markup; fee 3.5% of $7,200 = $252;
// each month the ISV receives $6,948 and the partner $576.
import { expect, test } from "./fixtures";
import { as } from "./helpers";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a partner's opportunity becomes a discounted offer the marketplace keys, the customer accepts, and both sellers are paid", async ({ browser }) => {
  test.setTimeout(600_000);
  const name = `Globex — research analytics ${Date.now().toString(36)}`;
  const partner = await as(browser, "partner@demo.example");
  const vendor = await as(browser, "isv2@demo.example");
  const rep = await as(browser, "rep@demo.example");
  const customer = await as(browser, "customer2@demo.example");

  // 1. The partner registers the opportunity with the vendor.
  await partner.goto("/partner/opportunities/new");
  await partner.getByLabel("Vendor").selectOption({ label: "Contoso Data Systems" });
  await partner.getByRole("button", { name: "Review and register" }).click();
  await expect(partner.getByText("Choose at least one product")).toBeVisible();
  await partner.getByLabel("Contoso Analytics Platform").check();
  await partner.getByLabel("Customer account id").fill("9624-5807-3129");
  await partner.getByLabel("Opportunity name").fill(name);
  await partner.getByLabel("Description (business data)").fill("Research division analytics; competing against a cloud-native bid.");
  await partner.getByLabel("Expected value (USD)").fill("90,000");
  await partner.getByLabel("Expected close date").fill(day(40));
  await partner.getByRole("button", { name: "Review and register" }).click();
  await partner.getByRole("button", { name: "Register", exact: true }).click();
  await partner.waitForURL(/\/partner\/opportunities\/opp_/);
  const opportunityId = new URL(partner.url()).pathname.split("/").pop()!;
  await expect(partner.getByTestId("deal-stage")).toHaveText("Registered");

  // 2. The vendor sees it in its queue and approves it with an extra 10%, seeing the resulting wholesale price.
  await vendor.goto("/vendor/opportunities?stage=registered");
  await vendor.getByRole("link", { name: new RegExp(name) }).click();
  await vendor.waitForURL(new RegExp(`/vendor/opportunities/${opportunityId}$`));
  await expect(vendor.getByTestId("deal-description")).toContainText("Research division analytics");
  await vendor.getByLabel("Additional discount (%)").fill("10");
  await expect(vendor.getByTestId("preview-Contoso Analytics Platform-Platform")).toHaveText("$7,200.00");
  await vendor.getByLabel("End date").fill(day(20));
  await vendor.getByRole("button", { name: "Review and approve" }).click();
  await vendor.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(vendor.getByTestId("deal-stage")).toHaveText("Approved");

  // 3. The rep finds the request in the queue and asks the partner for its markup.
  await rep.goto(`/marketplace/deals?q=${encodeURIComponent(name)}`);
  await expect(rep.getByTestId("request-row")).toHaveCount(1);
  await rep.getByRole("link", { name: new RegExp(name) }).click();
  await rep.waitForURL(new RegExp(`/marketplace/deals/${opportunityId}$`));
  await rep.getByRole("button", { name: "Ask the partner for its markup" }).click();
  await rep.getByRole("button", { name: "Ask for markup" }).click();
  await expect(rep.getByTestId("deal-stage")).toHaveText("Markup asked");

  // 4. The partner has a task with the wholesale figures and answers with its markup, seeing the customer's price.
  await partner.goto("/partner/opportunities");
  await expect(partner.getByTestId("markup-tasks")).toBeVisible();
  await partner.goto(`/partner/opportunities/${opportunityId}`);
  await expect(partner.getByTestId("deal-wholesale-Contoso Analytics Platform-Platform")).toHaveText("$7,200.00");
  await partner.getByLabel("Your markup (%)").fill("8");
  await expect(partner.getByTestId("markup-preview-Contoso Analytics Platform-Platform")).toHaveText("$7,776.00");
  await partner.getByRole("button", { name: "Review and send markup" }).click();
  await partner.getByRole("alertdialog").getByRole("button", { name: "Send markup" }).click();
  await expect(partner.getByTestId("deal-stage")).toHaveText("Markup given");

  // 5. The rep keys and extends the offer on the partner's behalf.
  await rep.reload();
  await expect(rep.getByTestId("deal-markup")).toHaveText("8%");
  await rep.getByLabel(/^Platform/).fill("1");
  await expect(rep.getByTestId("rep-offer-total")).toContainText("$93,312.00");
  await rep.getByRole("button", { name: "Review and extend" }).click();
  await rep.getByRole("button", { name: "Extend offer" }).click();
  await expect(rep.getByTestId("deal-stage")).toHaveText("Offer extended");

  // 6. The customer sees the offer with the partner as seller of record, and accepts it.
  await customer.goto("/buyer/offers");
  await customer.getByRole("link", { name }).click();
  await customer.waitForURL(/\/buyer\/offers\/off_/);
  await expect(customer.getByTestId("price")).toHaveText("$7,776.00 per month");
  await expect(customer.getByTestId("seller-of-record")).toHaveText("Blue Harbor Consulting");
  await expect(customer.getByTestId("manufacturer")).toHaveText("Contoso Data Systems");
  await expect(customer.getByText(/wholesale|markup/i)).toHaveCount(0);
  await customer.getByLabel(/I accept the EULA/).check();
  await customer.getByRole("button", { name: "Accept offer" }).click();
  await customer.getByRole("button", { name: "Accept and subscribe" }).click();
  await customer.waitForURL(/\/buyer\/subscriptions\/agr_/);

  // Each party's view: the trail, and its own figures over the contract.
  await partner.reload();
  await expect(partner.getByTestId("deal-stage")).toHaveText("Accepted");
  await expect(partner.getByTestId("deal-customer-total")).toHaveText("$93,312.00");
  await expect(partner.getByTestId("deal-wholesale-total")).toHaveText("$86,400.00");
  await expect(partner.getByTestId("deal-fee-total")).toHaveText("$3,024.00");
  await expect(partner.getByTestId("deal-margin-total")).toHaveText("$6,912.00");
  const trail = partner.getByRole("list", { name: "History" });
  for (const step of ["Opportunity registered", "Approved by the ISV", "Markup asked of the partner", "Markup given", "Offer keyed for the partner", "Accepted by the customer"]) {
    await expect(trail).toContainText(step);
  }
  await vendor.reload();
  await expect(vendor.getByTestId("deal-stage")).toHaveText("Accepted");
  await expect(vendor.getByTestId("deal-wholesale-total")).toHaveText("$86,400.00");
  await expect(vendor.getByTestId("deal-fee-total")).toHaveText("$3,024.00");
  await expect(vendor.getByTestId("deal-net-total")).toHaveText("$83,376.00");
  await expect(vendor.getByRole("list", { name: "History" })).toContainText("Markup given");
  // The vendor never sees the partner's markup or the customer's price.
  expect(await vendor.locator("main").innerText()).not.toMatch(/7,776|93,312|6,912|Partner markup/);

  // 7. Billing, payment and disbursement, unchanged.
  const period = new Date().toISOString().slice(0, 7);
  await rep.goto("/marketplace/billing");
  await rep.getByRole("button", { name: "Run billing" }).click();
  await rep.getByRole("button", { name: "Run billing" }).last().click();
  await expect(rep.getByTestId("run-progress")).toContainText("Completed");
  await customer.goto("/buyer/bills");
  await customer.getByTestId("bill-row").filter({ hasText: period }).getByRole("link").first().click();
  await customer.waitForURL(/\/buyer\/bills\/bill_/);
  const line = customer.getByTestId("bill-line").filter({ hasText: "Contoso Analytics Platform" });
  await expect(line).toContainText("Blue Harbor Consulting");
  await expect(line).toContainText("$7,776.00");
  await customer.getByRole("button", { name: /^Pay \$/ }).click();
  await customer.getByRole("button", { name: /^Pay \$/ }).last().click();
  await expect(customer.getByText("Paid", { exact: true })).toBeVisible();

  await rep.goto("/marketplace/disbursements");
  await expect(rep.getByTestId("seller-waiting").filter({ hasText: "Contoso Data Systems" })).toContainText("$6,948.00");
  await expect(rep.getByTestId("seller-waiting").filter({ hasText: "Blue Harbor Consulting" })).toContainText("$576.00");
  await rep.getByRole("button", { name: "Run disbursements" }).click();
  await rep.getByRole("button", { name: "Run disbursements" }).last().click();
  await expect(rep.getByTestId("run-summary")).toContainText("paid out");
  await vendor.goto("/vendor/money");
  await expect(vendor.getByTestId("disbursement-amount").first()).toHaveText("$6,948.00");
  await partner.goto("/partner/money");
  await expect(partner.getByTestId("disbursement-amount").first()).toHaveText("$576.00");
});
