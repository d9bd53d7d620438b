import { expect, test } from '@playwright/test';
import { PROFILES } from '../support/profiles';

for (const [label, profile, expected] of PROFILES) {
  test(`decision helper: ${label} → ${expected}`, async ({ page }) => {
    await page.goto('/choose/');
    const form = page.locator('#decision-form');
    await expect(form).toBeVisible();
    await form.locator(`input[name=build][value="${profile.build}"]`).check();
    for (const lang of profile.languages) await form.locator(`input[name=languages][value="${lang}"]`).check();
    await form.locator(`input[name=context][value="${profile.context}"]`).check();
    await form.locator(`input[name=hosting][value="${profile.hosting}"]`).check();
    await form.locator(`input[name=priority][value="${profile.priority}"]`).check();
    const first = page.locator('#decision-result > li').first();
    await expect(first).toHaveAttribute('data-framework', expected);
    await expect(first.getByRole('link')).toHaveAttribute('href', `/frameworks/${expected}/`);
    await expect(page.locator('#decision-result > li')).toHaveCount(5);
  });
}
