/** What the decision helper's browser tests share: the candidates as the page scores them, and its top-pick bar. */
import type { Page } from '@playwright/test';
import { toCandidates } from '../../src/lib/candidates';
import { rawFrameworks } from './raw-frameworks';

export const candidates = toCandidates(rawFrameworks);
export const topPick = (page: Page) => page.locator('#decision-top');
