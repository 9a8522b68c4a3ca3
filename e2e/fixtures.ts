/** Shared Playwright helpers: sign in as a demo user of a role. */
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-users";
import { ean13CheckDigit } from "../server/lib/ean";

export { DEMO_PASSWORD };

function demo(role: string) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user;
}

export const USERS = {
  admin: demo("ADMIN"),
  operator: demo("OPERATOR"),
  warehouse: demo("WAREHOUSE"),
  manager: demo("MANAGER"),
} as const;

export type DemoRole = keyof typeof USERS;

/** Signs in through the login form, in English unless told otherwise. */
export async function signIn(page: Page, who: DemoRole, opts: { locale?: "en" | "pt-BR" } = {}): Promise<void> {
  await setLocale(page, opts.locale ?? "en");
  await page.goto("/login");
  await page.getByLabel(opts.locale === "pt-BR" ? "E-mail" : "Email").fill(USERS[who].email);
  await page.getByLabel(opts.locale === "pt-BR" ? "Senha" : "Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: opts.locale === "pt-BR" ? "Entrar" : "Sign in" }).click();
  await expect(page.getByTestId("user-name")).toBeVisible({ timeout: 30_000 });
}

export async function setLocale(page: Page, locale: "en" | "pt-BR"): Promise<void> {
  await page.context().addCookies([{ name: "fluxo-locale", value: locale, domain: "localhost", path: "/" }]);
}

/**
 * The production server opens its database on the first signed-in request: a spec's beforeAll signs in
 * once and opens its page, so the first test's sign-in is not the one that pays for it.
 */
export async function warmUp(browser: Browser, who: DemoRole, path: string, readyTestId: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS[who].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /Sign in|Entrar/ }).click();
  await expect(page.getByTestId("user-name")).toBeVisible({ timeout: 60_000 });
  await page.goto(path);
  await expect(page.getByTestId(readyTestId)).toBeVisible({ timeout: 60_000 });
  await page.close();
}

/** An EAN-13 in GS1's in-store range (200–299), unique to this run. */
export function runEan(stamp: string, n: number): string {
  const body = `2${stamp.slice(-10)}${n}`;
  return `${body}${ean13CheckDigit(body)}`;
}
