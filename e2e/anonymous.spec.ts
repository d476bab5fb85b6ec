import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_USERS } from "../lib/demo";
import { areaForRole } from "../lib/auth/permissions";
import { formatAccountId } from "../lib/account-id";
import { signIn } from "./helpers";

test("every demo user signs in and lands in its own area", async ({ browser }) => {
  for (const user of DEMO_USERS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user.email);
    const area = areaForRole(user.role).slug;
    await expect(page).toHaveURL(new RegExp(`/${area}$`));
    if (user.role !== "rep") {
      await expect(page.getByRole("heading", { name: DEMO_ACCOUNTS[user.account].name })).toBeVisible();
      await expect(page.getByText(`Account ${formatAccountId(DEMO_ACCOUNTS[user.account].id)}`)).toBeVisible();
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  }
});

test("the sign-in page lists the demo users in demo mode", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByText("demo-password-1")).toBeVisible();
  await expect(page.getByText("rep@demo.example")).toBeVisible();
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  await signIn(page, "partner@demo.example", "wrong-password-1");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(page, "nobody-here@demo.example", "wrong-password-1");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
});

test("sign-in is rate limited per email", async ({ page }) => {
  const email = `locked-${Date.now()}@demo.example`;
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong-password-${i}`);
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  }
  await signIn(page, email, "wrong-password-x");
  await expect(page.getByText("Too many failed sign-ins")).toBeVisible();
});

test("form errors land on their fields", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address").or(page.getByText("Email is required"))).toBeVisible();
  await expect(page.getByText("Password is required")).toBeVisible();
});

test("a signed-out visitor is sent to sign in, then back", async ({ page }) => {
  await page.goto("/partner");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpartner/);
  await page.getByLabel("Email").fill("partner@demo.example");
  await page.getByLabel("Password").fill("demo-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/partner$/);
});

test("a forged session cookie gets nothing (the proxy is not the guard)", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "authjs.session-token", value: "forged", url: baseURL! }]);
  for (const path of ["/vendor", "/partner", "/buyer", "/marketplace"]) {
    await page.goto(path, { waitUntil: "commit" });
    await expect(page).toHaveURL(/\/sign-in/);
  }
  const response = await page.request.get("/vendor", { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }, maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(response.status());
});

test("a new partner signs up and lands in its area with a fresh account id", async ({ page }) => {
  const email = `new-partner-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel(/Consulting partner/).check();
  await page.getByLabel("Organization name").fill("Brand New Partners");
  await page.getByLabel("Your name").fill("Nora New");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a-strong-password-9");
  await page.getByLabel("Repeat password").fill("a-strong-password-9");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/partner\?welcome=1$/);
  await expect(page.getByRole("heading", { name: "Brand New Partners" })).toBeVisible();
  await expect(page.getByText("Not registered")).toBeVisible();
  await expect(page.getByText(/^Account \d{4}-\d{4}-\d{4}/)).toBeVisible();
  await expect(page.getByTestId("account-id")).toHaveText(/^\d{4}-\d{4}-\d{4}$/);
  await page.goto("/vendor");
  await expect(page.getByText("Page not found")).toBeVisible();

  // The same email cannot sign up twice; the message lands on the email field.
  await page.context().clearCookies();
  await page.goto("/sign-up");
  await page.getByLabel(/Customer/).check();
  await page.getByLabel("Organization name").fill("Someone Else");
  await page.getByLabel("Your name").fill("Sam");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("another-password-9");
  await page.getByLabel("Repeat password").fill("another-password-9");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("An account with this email already exists. Sign in instead.");
});
