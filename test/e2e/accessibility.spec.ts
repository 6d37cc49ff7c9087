/**
 * Accessibility of every extension page, on the built extension: axe-core
 * finds no serious or critical violation on the options page and the full
 * comparison in light and dark (the theme setting's Dark included; the popup
 * and the card have theirs in popup.spec.ts and card.spec.ts), and a keyboard
 * walk through the popup and the options page reaches every control with a
 * visible focus indicator.
 */
import type { Page } from '@playwright/test';
import { extensionWorker, expect, test } from './fixtures';
import { sendFromPage } from './extension-helpers';
import { waitForMentionScript } from './mentions-helpers';
import { openMarkedIssue } from './settings-helpers';

async function expectNoSeriousViolations(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const PAGES = [
  ['options', 'options.html', (page: Page) => page.getByRole('heading', { name: 'Sites', level: 2 })],
  ['full comparison', 'comparison.html?comparison=vllm-vs-tensorrt-llm', (page: Page) => page.getByRole('region', { name: /Verdict/ })],
] as const;

for (const [name, pathname, ready] of PAGES) {
  for (const theme of ['light', 'dark', 'Dark setting'] as const) {
    test(`axe: the ${name} page has no serious or critical violations (${theme})`, async ({ openExtensionPage }) => {
      const page = await openExtensionPage(pathname);
      if (theme === 'Dark setting') {
        // The system is light; the user chose Dark.
        await sendFromPage(page, { type: 'settings/update', patch: { preferences: { theme: 'dark' } } });
      } else {
        await page.emulateMedia({ colorScheme: theme });
      }
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme === 'light' ? 'light' : 'dark');
      await expect(ready(page)).toBeVisible();
      if (name === 'full comparison') await page.getByRole('button', { name: 'Sources disagree' }).first().click();
      await expectNoSeriousViolations(page);
    });
  }
}

test('axe: the popup in the Dark setting, with "Pause on this site" shown', async ({ context, worker, openExtensionPage }) => {
  await waitForMentionScript(worker);
  await openMarkedIssue(context);
  const tabId = await (await extensionWorker(context)).evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } };
    return (await chrome.tabs.query({})).find((t) => t.url?.startsWith('https://github.com/'))!.id;
  });
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await sendFromPage(popup, { type: 'settings/update', patch: { preferences: { theme: 'dark' } } });
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(popup.getByRole('button', { name: 'Pause on this site' })).toBeVisible();
  await expectNoSeriousViolations(popup);
});

/** What has keyboard focus, and whether it shows it: an outline or a box shadow that is actually drawn. */
function focusInfo(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const shadowed = style.boxShadow !== 'none';
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent?.trim().slice(0, 60) ??
      el.tagName;
    const r = el.getBoundingClientRect();
    return {
      key: `${el.tagName.toLowerCase()}#${el.id}|${label}`,
      label: label ?? '',
      visible: outlined || shadowed,
      onScreen: r.bottom > 0 && r.top < innerHeight && r.width > 0 && r.height > 0,
    };
  });
}

/** Tabs through the page until focus comes back round; returns each stop. */
async function walk(page: Page, limit = 200) {
  const stops: NonNullable<Awaited<ReturnType<typeof focusInfo>>>[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const info = await focusInfo(page);
    if (!info) continue;
    if (stops.length > 0 && info.key === stops[0]!.key) break;
    stops.push(info);
  }
  return stops;
}

test('keyboard: every control of the options page is reached by Tab, with a visible focus ring', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Sites', level: 2 })).toBeVisible();
  await expect(options.getByText('Comparison data, pins and log')).toBeVisible();
  const stops = await walk(options);
  expect(stops.filter((s) => !s.visible || !s.onScreen).map((s) => s.key)).toEqual([]);
  const labels = stops.map((s) => s.label);
  for (const name of ['GitHub and Gist', 'Add a site', 'Hover delay', 'Open cards only with a modifier key', 'Include code blocks', 'Dotted', 'Auto', 'Dataset feed URL', 'Refresh interval', 'Reset data', 'Change shortcuts']) {
    expect(labels, name).toContain(name);
  }
  // The hover delay moves with the arrow keys.
  await options.getByRole('slider', { name: 'Hover delay' }).focus();
  await options.keyboard.press('ArrowRight');
  await expect(options.getByRole('slider', { name: 'Hover delay' })).toHaveValue('350');
  // A checkbox toggles with Space.
  await options.getByRole('checkbox', { name: 'Include code blocks' }).focus();
  await options.keyboard.press('Space');
  await expect(options.getByRole('checkbox', { name: 'Include code blocks' })).toBeChecked();
});

test('keyboard: the popup’s controls, "Pause on this site" included, are reached by Tab with a visible focus ring', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  await waitForMentionScript(worker);
  await openMarkedIssue(context);
  const tabId = await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } };
    return (await chrome.tabs.query({})).find((t) => t.url?.startsWith('https://github.com/'))!.id;
  });
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.getByRole('button', { name: 'Pause on this site' })).toBeVisible();
  await expect(popup.getByRole('list', { name: 'Mentions on this page' })).toBeVisible();
  const stops = await walk(popup, 400);
  expect(stops.filter((s) => !s.visible || !s.onScreen).map((s) => s.key)).toEqual([]);
  const labels = stops.map((s) => s.label);
  for (const name of ['Pause on this site', 'Options', 'Open in a tab']) expect(labels, name).toContain(name);
  expect(labels.some((l) => l.includes('Sources disagree'))).toBe(true);
});
