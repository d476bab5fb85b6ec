// Each role's report over the seeded history, in a browser: filter it (the
// filters land in the URL), see its chart, download its CSV and find the
// table's rows in it. The worked example's first month shows DOMAIN.md's
// figures: $8,000 wholesale, $280 fee, $7,720 to the ISV; $8,800 gross and
// $800 margin to the partner; the ISV never sees the customer.
import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { as } from "./helpers";
import { DEMO_API_KEYS } from "../lib/demo";

// The worked example's first billing period. The seed dates the example from the server's clock when
// it seeded (the 1st, three months before), so it is read back through the demo partner's API key, not
// worked out from this process's clock: a suite that starts before midnight at a month's end and
// reaches this file after it was a month off.
let FIRST = "";
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const partnerKey = DEMO_API_KEYS.find((k) => k.email === "partner@demo.example")!.secret;
  const response = await context.request.get("/api/v1/agreements?limit=100", { headers: { authorization: `Bearer ${partnerKey}` } });
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { startsAt: string; customerCentsPerMonth: number }[] };
  // Acme Retail's Contoso Analytics Platform at $8,800 a month.
  const starts = data.filter((a) => a.customerCentsPerMonth === 880_000).map((a) => a.startsAt.slice(0, 7)).sort();
  expect(starts.length).toBeGreaterThan(0);
  FIRST = starts[0]!;
  await context.close();
});

async function csvOf(download: Download): Promise<string[][]> {
  const text = fs.readFileSync((await download.path())!, "utf8");
  return text
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

async function filterTo(page: Page, product: string) {
  await page.getByLabel("From period").fill(FIRST);
  await page.getByLabel("To period").fill(FIRST);
  const picker = page.getByLabel("Product", { exact: true });
  await picker.fill(product);
  await page.getByRole("listbox", { name: "Product choices" }).getByRole("option", { name: product, exact: true }).click();
  await expect(picker).toHaveValue(product);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${FIRST}&to=${FIRST}&product=`));
}

async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return csvOf(file);
}

test("the vendor's channel report shows the worked example at wholesale with the partner as buyer, and its CSV matches", async ({ browser }) => {
  const vendor = await as(browser, "isv2@demo.example");
  await vendor.goto("/vendor/reports");
  await expect(vendor.getByRole("heading", { name: "Channel report" })).toBeVisible();
  await expect(vendor.getByTestId("chart-by-month").locator("svg")).toBeVisible();
  await filterTo(vendor, "Contoso Analytics Platform");
  const rows = vendor.getByTestId("report-line");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Blue Harbor Consulting");
  await expect(rows.first().getByTestId("line-wholesale")).toHaveText("$8,000.00");
  await expect(rows.first().getByTestId("line-fee")).toHaveText("$280.00");
  await expect(rows.first().getByTestId("line-net")).toHaveText("$7,720.00");
  await expect(rows.first()).toContainText("Paid out");
  await expect(vendor.getByTestId("total-net")).toHaveText("$7,720.00");
  await expect(vendor.getByTestId("report-line-count")).toHaveText("1");
  expect(await vendor.locator("main").innerText()).not.toMatch(/Acme Retail|\$8,800|\$800\.00/);

  const csv = await download(vendor, "export-lines");
  expect(csv[0]).toContain("wholesale_revenue");
  expect(csv[0]!.join(",")).not.toMatch(/customer|markup|margin/);
  expect(csv).toHaveLength(2);
  const row = Object.fromEntries(csv[0]!.map((h, i) => [h, csv[1]![i]]));
  expect(row).toMatchObject({ period: FIRST, buyer_name: "Blue Harbor Consulting", buyer_account_id: "5276-0419-3382", wholesale_revenue: "8000.00", listing_fee: "280.00", net_revenue: "7720.00", disbursement_status: "Paid out" });

  // The billing event feed: the line invoiced, collected and paid out.
  const feed = await download(vendor, "export-feed");
  expect(feed.slice(1).map((r) => r[0])).toEqual(["invoiced", "collected", "disbursed"]);

  // Channel effectiveness and its chart.
  await vendor.goto("/vendor/channel");
  await expect(vendor.getByTestId("channel-partner").filter({ hasText: "Blue Harbor Consulting" })).toBeVisible();
  await expect(vendor.getByTestId("chart-channel").locator("svg")).toBeVisible();
  await expect(vendor.getByTestId("channel-month").filter({ hasText: FIRST })).toBeVisible();
});

test("the partner's sales report shows gross, cost, fee and margin, and its CSV matches", async ({ browser }) => {
  const partner = await as(browser, "partner@demo.example");
  await partner.goto("/partner");
  await expect(partner.getByTestId("home-chart").locator("svg")).toBeVisible();
  await partner.goto("/partner/reports");
  await expect(partner.getByTestId("chart-by-product").locator("svg")).toBeVisible();
  await filterTo(partner, "Contoso Analytics Platform");
  const rows = partner.getByTestId("report-line");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Acme Retail");
  await expect(rows.first().getByTestId("line-gross")).toHaveText("$8,800.00");
  await expect(rows.first().getByTestId("line-cost")).toHaveText("$8,000.00");
  await expect(rows.first().getByTestId("line-fee")).toHaveText("$280.00");
  await expect(rows.first().getByTestId("line-margin")).toHaveText("$800.00");
  await expect(partner.getByTestId("total-margin")).toHaveText("$800.00");
  const csv = await download(partner, "export-lines");
  expect(csv).toHaveLength(2);
  const row = Object.fromEntries(csv[0]!.map((h, i) => [h, csv[1]![i]]));
  expect(row).toMatchObject({ customer_name: "Acme Retail", gross_revenue: "8800.00", cost_to_isv: "8000.00", listing_fee: "280.00", net_margin: "800.00" });

  // Clearing the filters shows every line again, and the table pages and sorts on the server.
  await partner.getByRole("link", { name: "Clear filters" }).click();
  await expect(partner).toHaveURL(/\/partner\/reports$/);
  expect(await rows.count()).toBeGreaterThan(1);
});

test("the customer sees its spend by month, product and seller", async ({ browser }) => {
  const customer = await as(browser, "customer@demo.example");
  await customer.goto("/buyer/spend");
  await expect(customer.getByTestId("chart-spend").locator("svg")).toBeVisible();
  await expect(customer.getByRole("table", { name: "Product" })).toContainText("Contoso Analytics Platform");
  await expect(customer.getByRole("table", { name: "Seller of record" })).toContainText("Blue Harbor Consulting");
  await customer.getByLabel("From period").fill(FIRST);
  await customer.getByLabel("To period").fill(FIRST);
  await customer.getByRole("button", { name: "Apply filters" }).click();
  await expect(customer.getByTestId("spend-total")).toHaveText("$8,800.00");
  expect(await customer.locator("main").innerText()).not.toMatch(/wholesale|markup/i);
});

test("the rep's overview drills down from a month to its lines, and the lines export", async ({ browser }) => {
  const rep = await as(browser, "rep@demo.example");
  await rep.goto("/marketplace/reports");
  await expect(rep.getByTestId("chart-gmv").locator("svg")).toBeVisible();
  await expect(rep.getByTestId("overview-gmv")).not.toHaveText("$0.00");
  await rep.getByTestId("overview-period").getByRole("link", { name: FIRST }).click();
  await expect(rep).toHaveURL(new RegExp(`/marketplace/reports/lines\\?from=${FIRST}&to=${FIRST}`));
  const count = Number(await rep.getByTestId("report-line-count").innerText());
  expect(count).toBeGreaterThan(0);
  await expect(rep.getByTestId("report-line")).toHaveCount(Math.min(count, 25));
  const csv = await download(rep, "export-lines");
  expect(csv.length - 1).toBe(count);
  expect(csv.slice(1).every((r) => r[1] === FIRST)).toBe(true);
});

test("the rep's partner filter finds a partner by name or account id from a list loaded when opened, and keeps the choice in the URL", async ({ browser }) => {
  const rep = await as(browser, "rep@demo.example");
  const loads: string[] = [];
  rep.on("request", (r) => (r.url().includes("/api/reports/choices") ? loads.push(r.url()) : undefined));
  await rep.goto(`/marketplace/reports/lines?from=${FIRST}&to=${FIRST}`);
  // The page carries no list: nothing is fetched until a picker opens.
  await expect(rep.getByTestId("report-line").first()).toBeVisible();
  expect(loads).toHaveLength(0);
  const box = rep.getByLabel("Partner", { exact: true });
  // The table's page-size menu has options too: look inside the picker's list.
  const options = rep.getByRole("listbox", { name: "Partner choices" }).getByRole("option");
  await box.click();
  await expect(rep.getByRole("option", { name: "Blue Harbor Consulting (5276-0419-3382)" })).toBeVisible();
  // By account id, dashes or not; then by name, any case; Enter takes the first match.
  await box.fill("5276-0419");
  await expect(options).toHaveText(["All partners", "Blue Harbor Consulting (5276-0419-3382)"]);
  await box.fill("");
  await expect(options.first()).toHaveText("All partners");
  await box.fill("blue HARBOR");
  await expect(options).toHaveText(["All partners", "Blue Harbor Consulting (5276-0419-3382)"]);
  await box.press("Enter");
  await expect(box).toHaveValue("Blue Harbor Consulting (5276-0419-3382)");
  // Escape after typing puts the choice back.
  await box.fill("nobody by this name");
  await expect(rep.getByText("Nothing matches.")).toBeVisible();
  // Only "All partners" is left, and it is the active option (the one Enter would take).
  await expect(options).toHaveText(["All partners"]);
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await box.press("Escape");
  await expect(box).toHaveValue("Blue Harbor Consulting (5276-0419-3382)");
  expect(loads).toHaveLength(1);
  await rep.getByRole("button", { name: "Apply filters" }).click();
  await expect(rep).toHaveURL(/[?&]partner=527604193382(&|$)/);
  await expect(rep.getByLabel("Partner", { exact: true })).toHaveValue("Blue Harbor Consulting (5276-0419-3382)");
  const lines = rep.getByTestId("report-line");
  await expect(lines.first()).toBeVisible();
  for (const text of await lines.allInnerTexts()) expect(text).toContain("Blue Harbor Consulting");
  // "All partners" clears it.
  await rep.getByLabel("Partner", { exact: true }).click();
  await rep.getByRole("option", { name: "All partners" }).click();
  await rep.getByRole("button", { name: "Apply filters" }).click();
  await expect(rep).toHaveURL(/[?&]partner=(&|$)/);
  await expect(rep.getByLabel("Partner", { exact: true })).toHaveValue("");
});

test("the lists behind the report filters are each viewer's own, and nobody else's", async ({ browser }) => {
  const vendor = await as(browser, "isv2@demo.example");
  const own = await vendor.request.get("/api/reports/choices");
  expect(own.status()).toBe(200);
  const lists = (await own.json()) as Record<"products" | "partners" | "isvs", { id: string; name: string }[]>;
  // Its own products, the partners who sold them; no vendor list (it is the vendor).
  expect(lists.products.map((p) => p.name)).toContain("Contoso Analytics Platform");
  expect(lists.products.map((p) => p.name)).not.toContain("Northwind Backup");
  expect(lists.partners.map((p) => p.name)).toContain("Blue Harbor Consulting");
  expect(lists.isvs).toEqual([]);
  // A foreign id in the URL names nothing on the page.
  const northwind = (await (await (await as(browser, "rep@demo.example")).request.get("/api/reports/choices")).json()) as typeof lists;
  const foreign = northwind.products.find((p) => p.name === "Northwind Backup")!;
  await vendor.goto(`/vendor/reports?product=${foreign.id}`);
  await expect(vendor.getByLabel("Product", { exact: true })).toHaveValue("");
  const customer = await as(browser, "customer@demo.example");
  expect((await customer.request.get("/api/reports/choices")).status()).toBe(404);
});
