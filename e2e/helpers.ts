import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { DEMO_PASSWORD } from "../lib/demo";

export const dialect = (process.env.E2E_DATABASE_URL ?? "").startsWith("postgres") ? "pg" : "sqlite";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Another role's area answers with the not-found page. */
export async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();
}

/** A fresh browser context signed in as this demo user. */
export async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}
