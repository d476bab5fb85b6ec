import { expect, test } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_USERS } from "../lib/demo";
import { areaForRole } from "../lib/auth/permissions";
import { formatAccountId } from "../lib/account-id";
import { dialect, signIn } from "./helpers";
import { SAVED_SESSIONS } from "./roles";

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
    // Signing out ends every session of the user; the role projects' saved sessions belong to these four.
    if (!SAVED_SESSIONS.includes(user.email)) {
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
    }
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
  await expect(page.getByTestId("arrival-notice")).toHaveText("Welcome to the portal: the account Brand New Partners is ready.");
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

test("every page answers with the security headers and a nonce-based policy its scripts run under", async ({ page, request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // A fresh nonce per response.
  const again = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]);
  // The page's own scripts run under it (the fixture fails the test on any violation): the form hydrates and validates.
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email is required")).toBeVisible();
  expect((await request.get("/api/health")).headers()["x-content-type-options"]).toBe("nosniff");
});

test("a forged X-Forwarded-For does not get around the sign-in limit", async ({ request }) => {
  // Wrong passwords from "different" addresses the client made up (an email of its own: the limit holds it for 15 minutes).
  const email = `forged-${Date.now()}@demo.example`;
  const attempt = async (i: number) => {
    const csrf = await request.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "x-forwarded-for": `203.0.113.${i}` },
      form: { email, password: `wrong-password-${i}`, csrfToken, callbackUrl: "/" },
      maxRedirects: 0,
    });
    return response.headers()["location"] ?? "";
  };
  for (let i = 1; i <= 5; i++) expect(await attempt(i)).toContain("error=CredentialsSignin");
  expect(await attempt(6)).toContain("code=rate_limited");
});

test("signing out ends the session on the server: the old cookie opens nothing", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "customer4@demo.example");
  await expect(page).toHaveURL(/\/buyer$/);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Someone who kept the cookie replays it.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stolen = await replay.newPage();
  await stolen.goto("/buyer");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await context.close();
  await replay.close();
});

// SQLite is the one-machine default (one instance); on PostgreSQL the suite runs through two.
if (dialect === "pg") test("two instances answer in turn, and a session works on both", async ({ request, browser }) => {
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) seen.add((await request.get("/api/health")).headers()["x-portal-instance"] ?? "none");
  expect([...seen].sort()).toEqual(["a", "b"]);
  // The browser's session cookie, on each instance in turn (its context's own requests, which carry
  // its cookies; navigations would fetch scripts in between, so the turns would not alternate).
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "rep@demo.example");
  await expect(page).toHaveURL(/\/marketplace$/);
  await page.close(); // no prefetches in between
  const answered = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const response = await context.request.get("/marketplace/notifications", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Notifications");
    answered.add(response.headers()["x-portal-instance"] ?? "none");
  }
  expect([...answered].sort()).toEqual(["a", "b"]);
  await context.close();
});
