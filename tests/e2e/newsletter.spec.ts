import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from '../support/axe';
import { e2eNewsletterDir } from '../support/newsletter-dir';

const OUTBOX = join(e2eNewsletterDir(), 'outbox');

/** The text of the confirmation email sent to `address`, once the server has written it. */
function mailTo(address: string): string | undefined {
  if (!existsSync(OUTBOX)) return undefined;
  for (const file of readdirSync(OUTBOX).filter((f) => f.endsWith('.eml'))) {
    const raw = readFileSync(join(OUTBOX, file), 'utf8');
    if (new RegExp(`^To: ${address.replace(/[.+]/g, '\\$&')}\\r$`, 'm').test(raw))
      return raw.replace(/=\r\n/g, '').replace(/=3D/g, '=');
  }
  return undefined;
}

const unique = (kind: string, project: string) => `${kind}-${project}-${Date.now()}@example.com`;

async function submit(page: Page, address: string) {
  await page.getByLabel('Email address', { exact: true }).fill(address);
  await page.getByRole('button', { name: 'Subscribe' }).click();
}

test.describe('newsletter signup with JavaScript', () => {
  test('submits in place and announces the result', async ({ page }, testInfo) => {
    const address = unique('js', testInfo.project.name);
    await page.goto('/newsletter/');
    await submit(page, address);
    await expect(page.getByRole('status')).toHaveText(/Check your inbox/);
    await expect(page).toHaveURL(/\/newsletter\/$/);
    await expect(page.getByLabel('Email address', { exact: true })).toHaveValue('');
    await expect.poll(() => mailTo(address)).toContain('/newsletter/confirm/?token=');
  });

  test('shows a server error at the field, then clears it', async ({ page }, testInfo) => {
    // Two round trips and an axe scan: more than the default 30 s on a busy two-core machine.
    test.slow();
    await page.goto('/newsletter/');
    const field = page.getByLabel('Email address', { exact: true });
    // Passes the browser's own type=email check; the server wants a domain with a dot.
    await submit(page, 'reader@localhost');
    const error = page.locator('#newsletter-page-error');
    await expect(error).toHaveText('Enter an email address like name@example.com.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', 'newsletter-page-error newsletter-page-consent');
    await expect(page.getByRole('status')).toHaveText('Enter an email address like name@example.com.');
    expect(await axeViolations(page, { include: 'form[data-newsletter]' })).toEqual([]);

    await submit(page, unique('fixed', testInfo.project.name));
    await expect(page.getByRole('status')).toHaveText(/Check your inbox/);
    await expect(error).toBeHidden();
    await expect(field).not.toHaveAttribute('aria-invalid', /.*/);
  });
});

test.describe('newsletter signup without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signs up with a plain form post, then confirms from the email', async ({ page }, testInfo) => {
    const address = unique('nojs', testInfo.project.name);
    await page.goto('/newsletter/');
    await submit(page, address);
    await expect(page).toHaveURL(/\/newsletter\/check-your-inbox\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();

    await expect.poll(() => mailTo(address)).toBeTruthy();
    const link = /https?:\/\/[^/\s]+(\/newsletter\/confirm\/\?token=[A-Za-z0-9_-]{43})/.exec(mailTo(address)!)![1]!;
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm your subscription' })).toBeVisible();
    await expect(page.getByText(address)).toBeVisible();
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect(page).toHaveURL(/\/newsletter\/confirmed\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'You’re subscribed' })).toBeVisible();
  });

  test('shows an error on a page with the address kept, and the corrected form goes through', async ({
    page,
  }, testInfo) => {
    await page.goto('/newsletter/');
    await submit(page, 'reader@localhost');
    const field = page.getByLabel('Email address', { exact: true });
    await expect(field).toHaveValue('reader@localhost');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
    await expect(page.locator('#try-again-error')).toHaveText('Enter an email address like name@example.com.');

    await submit(page, unique('retry', testInfo.project.name));
    await expect(page).toHaveURL(/\/newsletter\/check-your-inbox\/$/);
  });
});
