import { expect, test as setup } from "./fixtures";
import { dialect, signIn } from "./helpers";

const ROLE_USERS = {
  vendor: "isv@demo.example",
  partner: "partner@demo.example",
  buyer: "customer@demo.example",
  marketplace: "rep@demo.example",
} as const;

for (const [area, email] of Object.entries(ROLE_USERS)) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`/${area}$`));
    await page.context().storageState({ path: `e2e/.auth/${area}-${dialect}.json` });
  });
}
