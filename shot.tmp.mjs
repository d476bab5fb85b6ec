import { chromium } from "@playwright/test";
const [email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => { if (m.type() === "error") console.log("console:", m.text()); });
await page.goto("http://localhost:3000/sign-in");
await page.getByLabel("Email").fill(email);
await page.getByLabel("Password").fill("demo-password-1");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/\/(vendor|partner|buyer|marketplace)/);
let i = 0;
for (const p of paths) {
  const r = await page.goto("http://localhost:3000" + p);
  console.log(p, r.status());
  await page.screenshot({ path: `/tmp/shot-${i++}.png`, fullPage: true });
}
await browser.close();
