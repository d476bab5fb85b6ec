// Multi-user stories, each signing in as it goes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_ACCOUNTS } from "../lib/demo";
import { expect, test } from "./fixtures";
import { as, signIn } from "./helpers";

test("an unregistered partner is blocked, completes the wizard, accepts, and sees its wholesale costs", async ({ browser }) => {
  const page = await as(browser, "partner3@demo.example");
  await expect(page.getByText("Not registered")).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveText("1");

  await page.getByRole("link", { name: "Invitations", exact: true }).first().click();
  await page.getByRole("link", { name: /Contoso Data Systems/ }).click();
  await page.waitForURL(/\/partner\/invitations\/inv_/);
  const invitationUrl = page.url();
  await expect(page.getByText("Pending", { exact: true })).toBeVisible();
  await expect(page.getByText("You must be a registered seller to accept.")).toBeVisible();
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByText("Complete your seller registration (profile, banking and tax) first.")).toBeVisible();
  await page.getByRole("link", { name: "Complete seller registration" }).first().click();

  // Step 1: profile (name and contact are prefilled from the account).
  await expect(page.getByText("Step 1 of 3: Profile")).toBeVisible();
  await page.getByLabel("Address", { exact: true }).fill("9 Harbor Road");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("State or region").fill("OR");
  await page.getByLabel("Postal code").fill("97201");
  await page.getByLabel("Contact phone").fill("+1 503 555 0199");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 2: banking — a mistyped routing number is caught on its field first.
  await expect(page.getByText("Step 2 of 3: Banking")).toBeVisible();
  await page.getByLabel("Account holder").fill("Fresh Start IT LLC");
  await page.getByLabel("Routing number").fill("021000022");
  await page.getByLabel("Account number").fill("000555001234");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("This routing number's check digit is wrong")).toBeVisible();
  await page.getByLabel("Routing number").fill("021000021");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 3: tax.
  await expect(page.getByText("Step 3 of 3: Tax")).toBeVisible();
  await expect(page.getByTestId("bank-masked")).toHaveText("•••• 1234");
  await page.getByLabel("EIN or SSN").fill("45-6789012");
  await page.getByRole("button", { name: "Save and finish" }).click();
  await expect(page).toHaveURL(/\/partner\?registered=1$/);
  await expect(page.getByText("Registered seller")).toBeVisible();

  // Masked everywhere after entry.
  await page.goto("/partner/registration");
  await expect(page.getByTestId("tax-masked")).toHaveText("W-9 •••• 9012");
  await expect(page.getByText("000555001234")).toHaveCount(0);

  await page.goto(invitationUrl);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByText("Accepted", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Authorized products" }).first().click();
  const card = page.getByTestId("authorized-product").filter({ hasText: "Contoso Data Catalog" });
  await expect(card.getByTestId("discount")).toHaveText("30%");
  // $200.00 × 70% = $140.00; $30.00 × 70% = $21.00
  await expect(card.getByTestId("cost-Contoso Data Catalog-Catalog sources")).toHaveText("$140.00");
  await expect(card.getByTestId("cost-Contoso Data Catalog-Users")).toHaveText("$21.00");
  await expect(card.getByText("Resell to EU customers only.")).toBeVisible();

  // Another partner cannot open this invitation, even by URL.
  const other = await as(browser, "partner@demo.example");
  const response = await other.goto(invitationUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("Page not found")).toBeVisible();
  await expect(other.getByText("Contoso Data Catalog")).toHaveCount(0);

  // The vendor sees the acceptance in its notifications; opening one marks it read.
  const vendor = await as(browser, "isv2@demo.example");
  const unread = Number(await vendor.getByTestId("unread-count").textContent());
  expect(unread).toBeGreaterThan(0);
  await vendor.goto("/vendor/notifications");
  await vendor.getByRole("button", { name: /accepted your invitation/ }).first().click();
  await expect(vendor).toHaveURL(/\/vendor\/invitations\/inv_/);
  await expect(vendor.getByText("Accepted", { exact: true })).toBeVisible();
  if (unread === 1) await expect(vendor.getByTestId("unread-count")).toHaveCount(0);
  else await expect(vendor.getByTestId("unread-count")).toHaveText(String(unread - 1));
});

test("an expired invitation shows as expired and cannot be accepted", async ({ browser }) => {
  const page = await as(browser, "partner2@demo.example");
  await page.goto("/partner/invitations?status=expired");
  await page.getByRole("link", { name: /Contoso Data Systems/ }).click();
  await page.waitForURL(/\/partner\/invitations\/inv_/);
  await expect(page.getByText("Expired", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
});

test("a partner builds and extends an offer; only its customer sees it, accepts it, and every party sees its own side", async ({ browser }) => {
  const partner = await as(browser, "partner@demo.example");
  await partner.goto("/partner/offers/new");
  await partner.getByLabel("Authorized product").selectOption({ label: "Contoso Analytics Platform — Contoso Data Systems (20% off)" });
  await partner.getByLabel("Offer name").fill("Umbrella — analytics, FY27");
  await partner.getByLabel("Customer account id").fill("2846-7029-5341");
  await partner.getByLabel("Platform quantity").fill("1");
  const panel = (id: string) => partner.getByTestId(`panel-${id}`);
  await expect(panel("customer-period")).toHaveText("—");
  await partner.getByLabel("Markup (%)").fill("10");
  await expect(panel("list")).toHaveText("$10,000.00");
  await expect(panel("wholesale")).toHaveText("$8,000.00");
  await expect(panel("customer-period")).toHaveText("$8,800.00");
  await expect(panel("total")).toHaveText("$105,600.00");
  await expect(panel("margin")).toHaveText("$9,600.00");
  await expect(panel("fee")).toHaveText("$3,360.00");
  await partner.getByLabel("Markup (%)").fill("12.5");
  await expect(panel("customer-period")).toHaveText("$9,000.00");
  await partner.getByLabel("Markup (%)").fill("10");
  await partner.getByLabel("Accept by").fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await partner.getByRole("button", { name: "Save draft" }).click();
  await partner.waitForURL(/\/partner\/offers\/off_[0-9a-z]{20}\?saved=1$/);
  const offerPath = new URL(partner.url()).pathname;
  const offerId = offerPath.split("/").pop()!;
  // The confirmation is a modal dialog: Escape closes it without extending, and focus goes back to its button.
  await partner.getByRole("button", { name: "Extend offer" }).click();
  await expect(partner.getByRole("alertdialog")).toBeVisible();
  await partner.keyboard.press("Escape");
  await expect(partner.getByRole("alertdialog")).toHaveCount(0);
  await expect(partner.getByRole("button", { name: "Extend offer" })).toBeFocused();
  await expect(partner.getByText("Draft", { exact: true })).toBeVisible();
  await partner.getByRole("button", { name: "Extend offer" }).click();
  await expect(partner.getByText("$8,800.00 per month, 12 months, $105,600.00 in all")).toBeVisible();
  await partner.getByRole("button", { name: "Extend offer" }).last().click();
  await expect(partner.getByText("Extended", { exact: true })).toBeVisible();
  await expect(partner.getByText("Frozen prices")).toBeVisible();

  // Customer B finds nothing, not even by URL.
  const customerB = await as(browser, "customer3@demo.example");
  await customerB.goto("/buyer/offers");
  await expect(customerB.getByText("Umbrella — analytics, FY27")).toHaveCount(0);
  const denied = await customerB.goto(`/buyer/offers/${offerId}`);
  expect(denied?.status()).toBe(404);

  // Customer A sees the ISV as maker and the partner as seller, and no wholesale figures.
  const customerA = await as(browser, "customer4@demo.example");
  await customerA.goto("/buyer/offers");
  await customerA.getByRole("link", { name: "Umbrella — analytics, FY27" }).click();
  await customerA.waitForURL(/\/buyer\/offers\/off_/);
  await expect(customerA.getByTestId("manufacturer")).toHaveText("Contoso Data Systems");
  await expect(customerA.getByTestId("seller-of-record")).toHaveText("Blue Harbor Consulting");
  await expect(customerA.getByTestId("price")).toHaveText("$8,800.00 per month");
  await expect(customerA.getByTestId("total")).toHaveText("$105,600.00");
  const body = await customerA.locator("main").innerText();
  expect(body).not.toMatch(/wholesale|markup|discount|\$8,000\.00|\$9,600\.00/i);
  await expect(customerA.getByRole("button", { name: "Accept offer" })).toBeDisabled();
  await customerA.getByLabel(/I accept the EULA/).check();
  await customerA.getByRole("button", { name: "Accept offer" }).click();
  await customerA.getByRole("button", { name: "Accept and subscribe" }).click();
  await customerA.waitForURL(/\/buyer\/subscriptions\/agr_/);
  await expect(customerA.getByTestId("manufacturer")).toHaveText("Contoso Data Systems");
  await expect(customerA.getByTestId("seller-of-record")).toHaveText("Blue Harbor Consulting");
  await expect(customerA.getByTestId("price")).toHaveText("$8,800.00 per month");
  // A replayed accept changes nothing: the offer page now says it was accepted.
  await customerA.goto(`/buyer/offers/${offerId}`);
  await expect(customerA.getByText("You accepted this offer.")).toBeVisible();

  // The partner sees the sale and its margin.
  await partner.goto("/partner/sales?q=Umbrella");
  await expect(partner.getByRole("row", { name: /Umbrella Logistics/ }).getByTestId("sale-margin")).toHaveText("$9,600.00");

  // The ISV sees the partner as the buyer, at wholesale, and no markup or customer price.
  const vendor = await as(browser, "isv2@demo.example");
  await vendor.goto("/vendor/channel");
  // The seeded worked example and this new sale: both Blue Harbor buying at $96,000.00 wholesale.
  await expect(vendor.getByTestId("channel-sale").filter({ hasText: "Blue Harbor Consulting" }).filter({ hasText: "$96,000.00" })).toHaveCount(2);
  const channel = await vendor.locator("main").innerText();
  expect(channel).not.toMatch(/markup|\$105,600\.00|\$8,800\.00|Umbrella/i);
});

test("a rep bills the month and watches progress; the customer pays; the rep disburses; the sellers see the worked example's amounts", async ({ browser }) => {
  const period = new Date().toISOString().slice(0, 7);
  const rep = await as(browser, "rep@demo.example");
  await rep.goto("/marketplace/billing");
  await expect(rep.getByLabel("Period")).toHaveValue(period);
  await rep.getByRole("button", { name: "Run billing" }).click();
  await rep.getByRole("button", { name: "Run billing" }).last().click();
  await expect(rep.getByRole("progressbar", { name: "Run progress" })).toBeVisible();
  await expect(rep.getByTestId("run-summary")).toContainText("charges created");
  await expect(rep.getByTestId("run-progress")).toContainText("Completed");

  const customer = await as(browser, "customer@demo.example");
  await customer.goto("/buyer/bills");
  await customer.getByTestId("bill-row").filter({ hasText: period }).getByRole("link").first().click();
  await customer.waitForURL(/\/buyer\/bills\/bill_/);
  const line = customer.getByTestId("bill-line").filter({ hasText: "Contoso Analytics Platform" });
  await expect(line).toContainText("Contoso Data Systems");
  await expect(line).toContainText("Blue Harbor Consulting");
  await expect(line).toContainText("$8,800.00");
  await expect(customer.getByText("No card network is connected")).toBeVisible();
  await customer.getByRole("button", { name: /^Pay \$/ }).click();
  await customer.getByRole("button", { name: /^Pay \$/ }).last().click();
  await expect(customer.getByText("Paid", { exact: true })).toBeVisible();
  await expect(customer.getByText(/Paid \$[\d,.]+ on \d{4}-\d{2}-\d{2} in the portal\./)).toBeVisible();

  // Before the run, the rep sees who has money waiting, how much, and when it will be paid.
  await rep.goto("/marketplace/disbursements");
  const today = new Date().toISOString().slice(0, 10);
  const contoso = rep.getByTestId("seller-waiting").filter({ hasText: "Contoso Data Systems" });
  await expect(contoso).toContainText("$7,720.00");
  await expect(contoso).toContainText("daily");
  await expect(contoso).toContainText(today);
  await expect(rep.getByTestId("seller-waiting").filter({ hasText: "Blue Harbor Consulting" })).toContainText("$800.00");
  await rep.getByRole("button", { name: "Run disbursements" }).click();
  await rep.getByRole("button", { name: "Run disbursements" }).last().click();
  await expect(rep.getByTestId("run-summary")).toContainText("paid out");
  await rep.goto("/marketplace/ledger");
  await expect(rep.getByText("Debits equal credits")).toBeVisible();

  // Each month of the worked example pays the ISV $7,720.00 and the partner $800.00: two seeded months, and this one.
  const vendor = await as(browser, "isv2@demo.example");
  await vendor.goto("/vendor/money");
  await expect(vendor.getByTestId("disbursement-amount").filter({ hasText: "$7,720.00" })).toHaveCount(3);
  const partner = await as(browser, "partner@demo.example");
  await partner.goto("/partner/money");
  await expect(partner.getByTestId("disbursement-amount").filter({ hasText: /^\$800\.00$/ })).toHaveCount(3);
});

test("sellers open a payout's remittance advice: the vendor sees the partner as the buyer, never the customer", async ({ browser }) => {
  const vendor = await as(browser, "isv2@demo.example");
  await vendor.goto("/vendor/money");
  await vendor.getByTestId("disbursement").first().getByRole("link").click();
  await vendor.waitForURL(/\/vendor\/money\/payouts\/dsb_/);
  await expect(vendor.getByRole("heading", { name: /^Payout TRC\d{16}$/ })).toBeVisible();
  const line = vendor.getByTestId("remittance-line").first();
  await expect(line).toContainText("Contoso Analytics Platform");
  await expect(line).toContainText("Blue Harbor Consulting");
  await expect(line).toContainText("$7,720.00");
  await expect(line).toContainText(/B-\d{6}-851347962018-1/);
  expect(await vendor.locator("main").innerText()).not.toMatch(/Acme Retail|\$8,800\.00/);

  const partner = await as(browser, "partner@demo.example");
  await partner.goto("/partner/money");
  await partner.getByTestId("disbursement").first().getByRole("link").click();
  await partner.waitForURL(/\/partner\/money\/payouts\/dsb_/);
  const partnerLine = partner.getByTestId("remittance-line").filter({ hasText: "Contoso Analytics Platform" }).first();
  await expect(partnerLine).toContainText("Acme Retail");
  await expect(partnerLine).toContainText("Partner margin");
  // Another seller's payout is not found.
  const foreign = vendor.url().split("/").pop()!;
  const response = await partner.goto(`/partner/money/payouts/${foreign}`);
  expect(response?.status()).toBe(404);
});

test("a user changes its password: every session ends, the new password signs in", async ({ browser }) => {
  const page = await as(browser, "customer3@demo.example");
  const elsewhere = await as(browser, "customer3@demo.example");
  await page.goto("/buyer/account");
  await page.getByLabel("Current password").fill("demo-password-1");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("Repeat the new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed and every session ended.")).toBeVisible();
  // The other device's session ended too.
  await elsewhere.goto("/buyer");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await signIn(page, "customer3@demo.example", "a-brand-new-password");
  await expect(page).toHaveURL(/\/buyer$/);
});

test("a vendor withdraws a pending invitation; the partner is told and cannot accept it", async ({ browser }) => {
  const vendor = await as(browser, "isv@demo.example");
  await vendor.goto("/vendor/invitations?status=pending");
  await vendor.getByRole("link", { name: /Summit Cloud Advisors/ }).first().click();
  await vendor.waitForURL(/\/vendor\/invitations\/inv_/);
  const url = vendor.url();
  await vendor.getByRole("button", { name: "Withdraw invitation" }).click();
  await vendor.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(vendor.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(vendor.getByRole("list", { name: "History" })).toContainText("Invitation withdrawn");

  const partner = await as(browser, "partner2@demo.example");
  await partner.goto(`/partner/invitations/${url.split("/").pop()}`);
  await expect(partner.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(partner.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  await partner.goto("/partner/notifications");
  await expect(partner.getByRole("button", { name: /withdrew its invitation/ }).first()).toBeVisible();
});

test("a seller with an IBAN changes its payout day without re-entering the account", async ({ browser }) => {
  const page = await as(browser, "partner2@demo.example");
  await page.goto("/partner/registration?step=banking");
  await expect(page.getByLabel("Bank account")).toHaveValue("iban");
  await expect(page.getByText(/On file: •••• \d{4}\. Leave blank to keep it\./)).toBeVisible();
  await expect(page.getByLabel("IBAN")).toHaveValue("");
  await page.getByLabel("Schedule").selectOption("monthly");
  await page.getByLabel("Day of month (1–28)").fill("12");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForURL(/step=tax|registered=1/);
  await page.goto("/partner/registration?step=banking");
  await expect(page.getByLabel("Schedule")).toHaveValue("monthly");
  await expect(page.getByLabel("Day of month (1–28)")).toHaveValue("12");
  await expect(page.getByTestId("bank-masked")).toHaveText(/•••• \d{4}/);
});

test("e-mail is kept in the portal: read from a notification, chosen on the account page, listed in the rep's outbox", async ({ browser }) => {
  const customer = await as(browser, "customer@demo.example");
  // The dispatcher delivers the demo's events shortly after the server starts.
  await expect(async () => {
    await customer.goto("/buyer/notifications");
    await expect(customer.getByRole("link", { name: "Read the e-mail" }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await customer.getByRole("link", { name: "Read the e-mail" }).first().click();
  await customer.waitForURL(/\/buyer\/mail\/mail_/);
  await expect(customer.getByTestId("mail-text")).toContainText("Hello Carla Customer");
  await expect(customer.getByText("Kept in the portal")).toBeVisible();
  // The HTML part opens as a document of its own, under a policy that runs nothing.
  const href = await customer.getByRole("link", { name: "View the HTML version" }).getAttribute("href");
  const html = await customer.request.get(href!);
  expect(html.status()).toBe(200);
  expect(html.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(await html.text()).toContain("Hello Carla Customer");

  // Which events e-mail you: turned off, saved, still off after a reload; then back on.
  await customer.goto("/buyer/account");
  await expect(customer.getByLabel("Bill overdue")).toBeChecked();
  await customer.getByLabel("Bill overdue").uncheck();
  await customer.getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(customer.getByText(/Saved: \d+ events? e-mail you, 1 only notify you in the portal\./)).toBeVisible();
  await customer.reload();
  await expect(customer.getByLabel("Bill overdue")).not.toBeChecked();
  await customer.getByLabel("Bill overdue").check();
  await customer.getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(customer.getByText("Saved: every event below e-mails you.")).toBeVisible();

  // The rep's outbox lists the deliveries, and opens the kept copy.
  const rep = await as(browser, "rep@demo.example");
  await rep.goto("/marketplace/outbox?status=delivered");
  await expect(rep.getByTestId("outbox-row").first()).toBeVisible();
  await rep.getByTestId("outbox-row").first().getByRole("link").first().click();
  await rep.waitForURL(/\/marketplace\/mail\/mail_/);
  await expect(rep.getByTestId("mail-text")).toContainText("Hello");
});

test("a vendor's API key drives an invitation that reaches the partner's webhook endpoint; the key is revoked after", async ({ browser }) => {
  // The partner's own system: a receiver in this process.
  const received: { body: string; signature: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ body, signature: request.headers["cppo-signature"] as string | undefined });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  try {
    const partner = await as(browser, "partner2@demo.example");
    await partner.goto("/partner/developers");
    // A URL that is not https (nor this machine) is refused on its field.
    await partner.getByLabel("Endpoint URL").fill("http://example.com/hooks");
    await partner.getByLabel(/^Invitation received or sent/).check();
    await partner.getByRole("button", { name: "Add endpoint" }).click();
    await expect(partner.getByText("Webhook endpoints must use https://")).toBeVisible();
    await partner.getByLabel("Endpoint URL").fill(hook);
    await partner.getByRole("button", { name: "Add endpoint" }).click();
    await expect(partner.getByTestId("webhook-secret")).toContainText("whsec_");
    await expect(partner.getByTestId("webhook-endpoint").filter({ hasText: hook })).toBeVisible();

    const vendor = await as(browser, "isv@demo.example");
    await vendor.goto("/vendor/developers");
    await vendor.getByLabel("Key name").fill("CRM sync");
    await vendor.getByLabel(/^Send, answer and revoke invitations/).check();
    await vendor.getByRole("button", { name: "Create key" }).click();
    const secret = (await vendor.getByTestId("new-key-secret").textContent())!.trim();
    expect(secret).toMatch(/^cppo_sk_[0-9a-z]{32}$/);
    const auth = { Authorization: `Bearer ${secret}` };
    const products = await vendor.request.get("/api/v1/products", { headers: auth });
    expect(products.status()).toBe(200);
    const monitor = ((await products.json()) as { data: { id: string; name: string }[] }).data.find((p) => p.name === "Northwind Monitor")!;
    const expiresOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const sent = await vendor.request.post("/api/v1/invitations", {
      headers: { ...auth, "Idempotency-Key": `e2e-invite-${Date.now()}` },
      data: { partnerAccountId: DEMO_ACCOUNTS.partner2.id, items: [{ productId: monitor.id, discountPercent: "15" }], expiresOn, use: "multi_use" },
    });
    expect(sent.status()).toBe(201);
    const invitation = (await sent.json()) as { id: string };

    // The dispatcher delivers it, signed; the partner's delivery log shows it delivered.
    await expect.poll(() => received.map((r) => JSON.parse(r.body).type), { timeout: 60_000 }).toContain("invitation.sent");
    const delivered = received.find((r) => JSON.parse(r.body).type === "invitation.sent")!;
    expect(delivered.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(delivered.body).data.url).toContain(`/partner/invitations/${invitation.id}`);
    await expect(async () => {
      await partner.reload();
      await expect(partner.getByTestId("webhook-delivery").filter({ hasText: "Northwind" }).first()).toContainText("Delivered", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    // Revoked after a confirmation: the key stops working at once.
    await vendor.reload();
    const row = vendor.getByTestId("api-key").filter({ hasText: "CRM sync" });
    await row.getByRole("button", { name: "Revoke" }).click();
    await vendor.getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("Revoked");
    expect((await vendor.request.get("/api/v1/products", { headers: auth })).status()).toBe(401);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
