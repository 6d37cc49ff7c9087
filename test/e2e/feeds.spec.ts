/**
 * Fresh data on the built extension: a dataset feed served at a real https
 * URL through request routing (the worker's own fetch is routed too), going
 * from version 1 to version 2; every bad response the issue lists; the worker
 * stopped in the middle of a refresh; a team feed; and no request at all
 * while no feed is set.
 *
 * The feed lives on nvidia.github.io, one of the default sites, whose
 * permission the extension has from install: a permission prompt cannot be
 * answered in headless Chromium.
 */
import fs from 'node:fs';
import type { BrowserContext, Page, Route, Worker } from '@playwright/test';
import { hoverMention, openIssue, readCard } from './card-helpers';
import { sendFromPage, stopServiceWorker } from './extension-helpers';
import { expect, extensionWorker, test } from './fixtures';
import { waitForMentionScript } from './mentions-helpers';

const FEED = 'https://nvidia.github.io/engine-lens/vllm-vs-tensorrt-llm.json';
const TEAM_FEED = 'https://nvidia.github.io/engine-lens/team-pins.json';
const SOURCE = JSON.parse(fs.readFileSync('assets/data/vllm-vs-tensorrt-llm.json', 'utf8'));

/** Version 2 of the dataset: one figure and one score changed. */
function version2(): Record<string, unknown> {
  const v2 = structuredClone(SOURCE);
  v2.version = '2026-07-01.1';
  const comparison = v2.comparisons[0];
  comparison.facts.find((f: { id: string }) => f.id === 'per-token-latency-llama-2-70b').values.vllm = '45-55ms';
  comparison.verdict.scores.vllm = 8.7;
  return v2;
}

type Responder = (route: Route) => Promise<void> | void;

/** Serves whatever `respond` says at `url`; returns a function to change it. */
async function serveFeed(context: BrowserContext, url: string, respond: Responder) {
  let current = respond;
  await context.route(url, (route) => current(route));
  return (next: Responder) => {
    current = next;
  };
}

const jsonBody = (value: unknown, headers: Record<string, string> = {}): Responder => (route) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(value), headers });

async function setFeeds(page: Page, sources: Record<string, unknown>) {
  const reply = await sendFromPage<{ ok: boolean }>(page, { type: 'settings/update', patch: { sources } });
  expect(reply.ok).toBe(true);
}

async function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } };
    return chrome.action.getBadgeText({});
  });
}

const verdict = (page: Page) => page.getByRole('region', { name: /Verdict/ });
const freshness = (page: Page) => page.getByRole('region', { name: 'Fresh data' });

test.describe('fresh data from a feed', () => {
  test.beforeEach(async ({ worker }) => {
    await waitForMentionScript(worker);
  });

  test('version 1 → 2: "Check now" updates the popup and an open page’s card, "What changed" lists it, the badge comes and goes', async ({
    context,
    openExtensionPage,
  }) => {
    await serveFeed(context, FEED, jsonBody(version2(), { etag: '"v2"' }));
    const page = await openIssue(context);
    await hoverMention(page, 'trt', 0);
    expect((await readCard(page)).text).toContain('50-60ms');
    await page.keyboard.press('Escape');

    const popup = await openExtensionPage('popup.html');
    await setFeeds(popup, { datasetFeedUrl: FEED });
    await expect(verdict(popup).getByLabel('vLLM score')).toHaveText('8.6');
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();

    // The popup shows version 2 without a reload.
    await expect(verdict(popup).getByLabel('vLLM score')).toHaveText('8.7');
    await expect(popup.getByRole('contentinfo', { name: 'Provenance' })).toContainText('2026-07-01.1');
    await expect(freshness(popup)).toContainText('last checked');
    expect(await badgeText(await extensionWorker(context))).toBe('new');

    // The card on the page that was already open shows the new figure.
    await expect
      .poll(async () => {
        await hoverMention(page, 'trt', 0);
        const text = (await readCard(page)).text;
        await page.keyboard.press('Escape');
        return text.includes('45-55ms');
      })
      .toBe(true);

    // What changed lists the differences; seeing it clears the badge.
    await freshness(popup).getByRole('button', { name: 'What changed' }).click();
    const changes = popup.getByRole('region', { name: 'What changed' });
    await expect(changes).toContainText('Per-Token Latency (Llama 2 70B), vLLM: 50-60ms → 45-55ms');
    await expect(changes).toContainText("vLLM's score: 8.6 → 8.7");
    await expect.poll(async () => badgeText(await extensionWorker(context))).toBe('');
  });

  test('an update that tracks nothing the user chose sets no badge', async ({ context, openExtensionPage }) => {
    await serveFeed(context, FEED, jsonBody(version2()));
    const popup = await openExtensionPage('popup.html');
    await sendFromPage(popup, {
      type: 'settings/update',
      patch: { preferences: { track: { figureChange: false, verdictUpdate: false, newSpec: true } }, sources: { datasetFeedUrl: FEED } },
    });
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await expect(verdict(popup).getByLabel('vLLM score')).toHaveText('8.7');
    expect(await badgeText(await extensionWorker(context))).toBe('');
  });

  const bad: Array<[string, Responder, RegExp]> = [
    ['HTTP 404', (r) => r.fulfill({ status: 404, body: 'Not found' }), /HTTP 404/],
    ['HTTP 500', (r) => r.fulfill({ status: 500, body: 'Oops' }), /HTTP 500/],
    ['a captive portal (HTML)', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Sign in</h1>' }), /web page instead of JSON/],
    ['an empty body', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '' }), /empty response/],
    ['truncated JSON', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(version2()).slice(0, 4000) }), /malformed or cut off/],
    ['JSON of the wrong shape', jsonBody({ comparisons: 'none' }), /not a valid dataset/],
    ['a newer format version', jsonBody({ ...version2(), formatVersion: 2 }), /update Engine Lens/],
    ['a body over 2 MB', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: ' '.repeat(2 * 1024 * 1024 + 10) }), /larger than 2 MB/],
    [
      'a redirect to a non-https URL',
      (r) => r.fulfill({ status: 302, headers: { location: 'http://nvidia.github.io/engine-lens/feed.json' } }),
      /redirect/,
    ],
  ];

  test('each bad response leaves the previous data in the popup and shows an error line', async ({ openExtensionPage, context }) => {
    test.setTimeout(120_000);
    const setResponse = await serveFeed(context, FEED, jsonBody(version2()));
    const popup = await openExtensionPage('popup.html');
    await setFeeds(popup, { datasetFeedUrl: FEED });
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await expect(verdict(popup).getByLabel('vLLM score')).toHaveText('8.7');

    for (const [name, respond, reason] of bad) {
      await test.step(name, async () => {
        setResponse(respond);
        await freshness(popup).getByRole('button', { name: 'Check now' }).click();
        const error = freshness(popup).getByRole('status').filter({ hasText: reason });
        await expect(error).toBeVisible();
        await expect(error).toContainText(FEED);
        await popup.reload();
        await expect(verdict(popup).getByLabel('vLLM score')).toHaveText('8.7');
        await expect(popup.getByRole('region', { name: /Facts & figures/ })).toContainText('45-55ms');
        await expect(freshness(popup).getByRole('status').filter({ hasText: reason })).toBeVisible();
      });
    }
  });

  test('a response slower than 10 s is given up on, and nothing changes', async ({ openExtensionPage, context }) => {
    test.setTimeout(60_000);
    await serveFeed(context, FEED, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(version2()) }).catch(() => undefined);
    });
    const popup = await openExtensionPage('popup.html');
    await setFeeds(popup, { datasetFeedUrl: FEED });
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await expect(freshness(popup).getByRole('status').filter({ hasText: 'did not answer within 10 s' })).toBeVisible({ timeout: 20_000 });
    await expect(verdict(popup).getByLabel('vLLM score')).toHaveText('8.6');
  });

  test('markup and bidi controls from a feed are shown as inert text', async ({ openExtensionPage, context }) => {
    const hostile = version2();
    // The title: no quoted claim depends on it (a feed must keep its claims' quotes verbatim).
    (hostile.comparisons as Array<{ title: string }>)[0]!.title = '<img src=x onerror="document.title=1"> Fast \u202Egnihtemos\u202C.';
    await serveFeed(context, FEED, jsonBody(hostile));
    const popup = await openExtensionPage('popup.html');
    await setFeeds(popup, { datasetFeedUrl: FEED });
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await expect(popup.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror="document.title=1"> Fast [U+202E]gnihtemos[U+202C].');
    expect(await popup.locator('header img, main img').count()).toBe(0);
    expect(await popup.title()).not.toBe('1');
  });

  test('the worker stopped in the middle of a refresh leaves complete data', async ({ context, openExtensionPage }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (requested = resolve));
    await serveFeed(context, FEED, async (route) => {
      requested();
      await held;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(version2()) }).catch(() => undefined);
    });
    const popup = await openExtensionPage('popup.html');
    await setFeeds(popup, { datasetFeedUrl: FEED });
    void sendFromPage(popup, { type: 'feeds/check' }).catch(() => undefined);
    await arrived;
    await stopServiceWorker(context, popup);
    release();

    await popup.reload(); // a fresh worker
    await expect(verdict(popup).getByLabel('vLLM score')).toHaveText(/^8\.[67]$/);
    const facts = popup.getByRole('region', { name: /Facts & figures/ });
    await expect(facts.getByRole('row', { name: /Per-Token Latency \(Llama 2 70B\)/ })).toBeVisible();
    expect(await popup.getByRole('status').filter({ hasText: 'could not be used' }).count()).toBe(0);
    // And the feed still works afterwards.
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await expect(verdict(popup).getByLabel('vLLM score')).toHaveText('8.7');
  });

  test("a team feed: a changed pick is announced like a tracked change", async ({ context, openExtensionPage }) => {
    const pin = {
      formatVersion: 1,
      id: 'team-feed-pin-0001',
      title: 'Platform serving stack',
      team: 'Platform team',
      comparisonId: 'vllm-vs-tensorrt-llm',
      datasetVersion: '2026-06-24.1',
      rows: { differences: ['hardware-compatibility'], facts: [] },
      priorities: { latency: 1, throughput: 1, hardwareFlexibility: 3, modelCoverage: 1, easeOfSetup: 2, cost: 1, community: 0 },
      pick: 'vllm',
      note: 'Mixed fleet.',
      snapshot: {},
      createdAt: 1_780_000_000_000,
      updatedAt: 1_780_000_000_000,
    };
    const setResponse = await serveFeed(context, TEAM_FEED, jsonBody(pin));
    const popup = await openExtensionPage('popup.html');
    await setFeeds(popup, { teamFeedUrls: [TEAM_FEED] });
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await expect(freshness(popup).getByText('New changes')).toBeVisible();
    await freshness(popup).getByRole('button', { name: 'What changed' }).click();
    await expect(popup.getByRole('region', { name: 'What changed' })).toContainText('Platform serving stack: new from the team feed');
    await freshness(popup).getByRole('button', { name: 'What changed' }).click();

    setResponse(jsonBody({ ...pin, pick: 'tensorrt-llm', updatedAt: 1_780_000_100_000 }));
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await expect.poll(async () => badgeText(await extensionWorker(context))).toBe('new');
    await freshness(popup).getByRole('button', { name: 'What changed' }).click();
    await expect(popup.getByRole('region', { name: 'What changed' })).toContainText('pick vLLM → TensorRT-LLM');
  });
});

test.describe('privacy', () => {
  test('with no feed set, browsing, hovering cards and the popup make no request from the extension', async ({
    context,
    worker,
    openExtensionPage,
  }) => {
    await waitForMentionScript(worker);
    const fromExtension: string[] = [];
    context.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return;
      const frameUrl = (() => {
        try {
          return request.frame().url();
        } catch {
          return '';
        }
      })();
      if (request.serviceWorker() || frameUrl.startsWith('chrome-extension://')) fromExtension.push(url);
    });
    const page = await openIssue(context);
    await hoverMention(page, 'trt', 0);
    await hoverMention(page, 'vllm', 0);
    const popup = await openExtensionPage('popup.html');
    await expect(verdict(popup)).toBeVisible();
    await freshness(popup).getByRole('button', { name: 'Check now' }).click();
    await freshness(popup).getByRole('button', { name: 'What changed' }).click();
    await openExtensionPage('comparison.html');
    await page.waitForTimeout(1000);
    expect(fromExtension).toEqual([]);
  });
});
