/**
 * The views the README shows, on the real built extension: the popup at 400
 * and 600 px and the full page at 1280 px, light and dark. Each is checked for
 * sideways scrolling as shown and, with every panel expanded, again and with axe.
 *
 * The popup is pointed at a GitHub issue fixture (`popup.html?tab=<id>`), so
 * "On this page" lists real mentions. Screenshots always go to the test's
 * output folder; to refresh the README's:
 *
 *   ENGINE_LENS_SCREENSHOTS=assets/screenshots npx playwright test test/e2e/screenshots.spec.ts test/e2e/card.spec.ts -g "screenshot|axe"
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { tabIdOf } from './extension-helpers';
import { expect, readFixture, serveAt, test } from './fixtures';
import { expandEverything, sidewaysOverflow } from './layout-helpers';
import { waitForMentionScript } from './mentions-helpers';

const ISSUE_URL = 'https://github.com/vllm-project/vllm/issues/4';


async function expectAxeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

const VIEWS = [
  { name: 'popup-400', pathname: 'popup.html', width: 400, height: 600 },
  { name: 'popup-600', pathname: 'popup.html', width: 600, height: 600 },
  { name: 'full-page-1280', pathname: 'comparison.html', width: 1280, height: 1000 },
] as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const view of VIEWS) {
    test(`screenshot: ${view.name} (${colorScheme}) is axe-clean and fits, collapsed and expanded`, async ({
      context,
      worker,
      openExtensionPage,
    }, testInfo) => {
      await waitForMentionScript(worker);
      await serveAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'));
      const issue = await context.newPage();
      await issue.goto(ISSUE_URL);
      const query = view.pathname === 'popup.html' ? `?tab=${await tabIdOf(worker, ISSUE_URL)}` : '';
      const page = await openExtensionPage(`${view.pathname}${query}`);
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: view.width, height: view.height });
      await expect(page.getByRole('region', { name: /Verdict/ })).toBeVisible();
      if (view.pathname === 'popup.html') {
        await expect(page.getByRole('region', { name: 'On this page' })).toContainText('TensorRT-LLM 7');
      }

      const file = `${view.name}-${colorScheme}.png`;
      await page.screenshot({ path: testInfo.outputPath(file) });
      const folder = process.env.ENGINE_LENS_SCREENSHOTS;
      if (folder) await page.screenshot({ path: path.join(folder, file) });

      expect(await sidewaysOverflow(page)).toEqual([]);
      // axe once, with everything expanded: that is a superset of what is shown collapsed (and axe is slow).
      await expandEverything(page);
      await expectAxeClean(page, 'expanded');
      expect(await sidewaysOverflow(page)).toEqual([]);
    });
  }
}
