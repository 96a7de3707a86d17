/** Page object for `/sign-in` (shared-token mode). */
import { expect, type Page } from "@playwright/test";

/** Sign-in page actions. */
export class SignInPage {
  constructor(readonly page: Page) {}

  /** Expect to be on the sign-in page (after a redirect). */
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/sign-in(\?|$)/);
    await expect(this.page.getByTestId("sign-in-token")).toBeVisible();
  }

  /** Type the token and submit. */
  async signIn(token: string): Promise<void> {
    await this.page.getByTestId("sign-in-token").fill(token);
    await this.page.getByTestId("sign-in-submit").click();
  }

  /** The error the form shows. */
  error() {
    return this.page.getByTestId("sign-in-error");
  }
}
