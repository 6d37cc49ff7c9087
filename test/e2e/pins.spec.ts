/**
 * Team pins on the built extension: pinned in the popup, leading the hover
 * card of an already open page (in an extension-origin frame the page cannot
 * read), shared as a link and imported in a fresh profile, refused when the
 * link is malformed, out of reach of the host page's scripts, and kept across
 * a worker restart and an update to a build with a newer database version.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { Pin } from '@/lib/pins';
import { encodeSharePayload } from '@/lib/share';
import { cardControlCenter, cdpOf, hoverMention, ISSUE_URL, openIssue, readCard } from './card-helpers';
import { stopServiceWorker } from './extension-helpers';
import { CHROMIUM, chromiumArgs, EXTENSION_DIR, expect, extensionWorker, launchWithExtension, readFixture, serveAt, test } from './fixtures';
import { IsolatedWorld, waitForMentionScript } from './mentions-helpers';
import { createPinInPopup, savePin, storedPins, tabIdOf, teamPickFrame, whatThePageFinds } from './pins-helpers';

/** Words no page, fixture or dataset contains: if a page script finds them, the note leaked. */
/** The bundled dataset's version: a pin made in the popup is pinned against it. */
const BUNDLED_VERSION: string = JSON.parse(fs.readFileSync('assets/data/vllm-vs-tensorrt-llm.json', 'utf8')).version;
const NOTE = 'Quokkavale cluster runs H100s only; Zephyrine latency budget is 40 ms.';
const SECRET = 'Quokkavale';

const OUR_PIN = {
  title: 'Our serving stack',
  team: 'Platform team',
  pick: 'TensorRT-LLM',
  note: NOTE,
  priorities: { Latency: 3, Throughput: 2 },
  differences: ['Latency on A100 (Llama 2 70B)', 'Hardware Compatibility'],
};

/** The src of the card's team-pick frame, read through CDP (the card's shadow root is closed). */
async function frameSource(page: Page): Promise<string | null> {
  const cdp = await cdpOf(page);
  type Node = { nodeName: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const walk = (n: Node): Node[] => [n, ...(n.shadowRoots ?? []).flatMap(walk), ...(n.children ?? []).flatMap(walk)];
  const attrs = walk(root).find((n) => n.nodeName === 'IFRAME' && n.attributes?.includes('data-team-pick-frame'))?.attributes ?? [];
  const at = attrs.indexOf('src');
  return at >= 0 ? (attrs[at + 1] ?? null) : null;
}

async function pinCard(page: Page) {
  const pin = await cardControlCenter(page, 'Pin');
  await page.mouse.click(pin.x, pin.y);
}

test.describe('team pins', () => {
  test.beforeEach(async ({ worker }) => {
    await waitForMentionScript(worker);
  });

  test('pinned in the popup, the pick and note lead the card of an already open page, without a reload', async ({
    context,
    worker,
    openExtensionPage,
  }) => {
    const page = await openIssue(context);
    // The card UI is loaded and its data cached before any pin exists: no team pick yet.
    await hoverMention(page, 'trt', 0);
    expect(page.frames().some((f) => f.url().includes('team-pick.html'))).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);

    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(worker, ISSUE_URL)}`);
    await createPinInPopup(popup, OUR_PIN);

    // The popup leads with the active pin, its weighted verdict next to the published one.
    const lead = popup.getByRole('region', { name: /Team pick/ });
    await expect(lead).toContainText('Platform team picks TensorRT-LLM');
    await expect(lead).toContainText(NOTE);
    await expect(lead.locator('[data-pin-verdict="weighted"]')).toContainText('Favours TensorRT-LLM by 5');
    await expect(lead.locator('[data-pin-verdict="weighted"]')).toContainText('Decided by: Latency on A100 (Llama 2 70B) (latency ×3), Throughput Improvement vs Standard PyTorch (throughput ×2)');
    await expect(lead.locator('[data-pin-verdict="published"]')).toContainText('vLLM 8.6 · TensorRT-LLM 6.4');
    await expect(popup.locator('main h2').first()).toHaveText(/^Team pick/);

    // The open tab was not reloaded: its card now leads with the team's pick, drawn by the extension frame.
    await hoverMention(page, 'trt', 0);
    const frame = await teamPickFrame(page);
    await expect(frame.locator('body')).toHaveText(`Platform team picks TensorRT-LLM${NOTE}`);
    expect(new URL(frame.url()).protocol).toBe('chrome-extension:');
    // The card's own (closed shadow) document does not hold the note: only the frame does.
    expect((await readCard(page)).text).not.toContain(SECRET);

    // An edit in the popup reaches the card on the page, still without a reload.
    await popup.getByRole('button', { name: 'Edit' }).click();
    await popup.getByLabel('Note (plain text)').fill('Zephyrine moved to vLLM for the AMD nodes.');
    await popup.getByRole('radio', { name: 'vLLM', exact: true }).check();
    await popup.getByRole('button', { name: 'Save pin' }).click();
    await expect(frame.locator('body')).toHaveText('Platform team picks vLLMZephyrine moved to vLLM for the AMD nodes.');
  });

  test('a page script cannot find the note by innerText, textContent, a selection or window.find()', async ({
    context,
    extensionId,
    openExtensionPage,
  }) => {
    const popup = await openExtensionPage('popup.html');
    await savePin(popup, { title: 'Secret pick', team: 'Infra', pick: 'vllm', note: NOTE }, true);
    // A strict page CSP does not keep the frame out (the extension's own resource, added by its content script).
    const page = await openIssue(context, { 'content-security-policy': "default-src 'none'; frame-src 'none'; style-src 'none'" });
    await hoverMention(page, 'vllm', 0);
    const frame = await teamPickFrame(page);
    await expect(frame.locator('body')).toContainText(NOTE);
    await pinCard(page);
    // The frame is addressed by the session's dynamic id (use_dynamic_url), not the extension's fixed one,
    // which a page could otherwise probe for.
    const src = await frameSource(page);
    expect(src).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/team-pick\.html\?theme=light$/);
    expect(src).not.toContain(extensionId);

    // The control: window.find() does reach text in the card's closed shadow root...
    const control = await whatThePageFinds(page, 'Open full comparison');
    expect(control.find).toBe(true);
    // ...but no route reaches the note, shown in the extension's frame inside the card.
    for (const words of [SECRET, 'H100s only', 'Infra picks vLLM']) {
      expect(await whatThePageFinds(page, words), words).toEqual({
        innerText: false,
        textContent: false,
        selectAll: false,
        execSelectAll: false,
        find: false,
        frames: false,
      });
    }
    await expect(frame.locator('body')).toContainText(NOTE); // still shown to the user

    // The content script never receives it either: its card data says only that a pin leads,
    // and the worker refuses it the pin's content.
    const world = await IsolatedWorld.attach(context, page, extensionId);
    const fromContentScript = await world.evaluate<string>(`(async () => JSON.stringify([
      await chrome.runtime.sendMessage({ type: 'card/get', comparisonId: 'vllm-vs-tensorrt-llm' }),
      await chrome.runtime.sendMessage({ type: 'pins/team-pick' }),
      await chrome.runtime.sendMessage({ type: 'pins/list' }),
    ]))()`);
    const [card, pick, list] = JSON.parse(fromContentScript) as Array<{ ok: boolean; data?: { teamPick?: unknown }; error?: { code: string } }>;
    expect(card!.ok).toBe(true);
    expect(card!.data!.teamPick).toEqual({ frame: true });
    expect(pick).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(list).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fromContentScript).not.toContain(SECRET);
    await world.detach();
  });

  test('a copied share link, opened in a fresh profile, offers the import in the extension page; after it the same pin and card appear', async ({
    context,
    worker,
    openExtensionPage,
  }) => {
    const page = await openIssue(context);
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(worker, ISSUE_URL)}`);
    // Headless Chromium refuses to read the clipboard unless granted (an extension origin cannot be named here).
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await createPinInPopup(popup, OUR_PIN);
    await popup.getByRole('button', { name: 'Copy share link' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Share link copied' })).toBeVisible();
    const link = await popup.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^https:\/\/github\.com\/vllm-project\/vllm\/issues\/4#engine-lens=1\.[A-Za-z0-9_-]+$/);
    const original = (await storedPins(popup)).pins[0]!;
    await page.close();

    // Someone else, with Engine Lens freshly installed, opens the link.
    const other = await launchWithExtension();
    try {
      const otherWorker = await extensionWorker(other.context);
      await waitForMentionScript(otherWorker);
      await serveAt(other.context, ISSUE_URL, readFixture('mentions-github-issue.html'));
      const theirs = await other.context.newPage();
      const importOpened = other.context.waitForEvent('page', (p) => p.url().includes('/import.html'));
      await theirs.goto(link);
      const importPage = await importOpened;
      // The offer is Engine Lens's own page, never something drawn in the host page, and the link left the address bar.
      expect(new URL(importPage.url()).protocol).toBe('chrome-extension:');
      await expect.poll(() => theirs.evaluate(() => location.hash)).toBe('');
      const preview = importPage.getByRole('region', { name: 'One pin from a share link' });
      await expect(preview).toContainText('Our serving stack');
      await expect(preview).toContainText('Platform team picks TensorRT-LLM');
      await expect(preview).toContainText('Latency on A100 (Llama 2 70B); Hardware Compatibility');
      await expect(preview).toContainText(`pinned against ${BUNDLED_VERSION}`);
      await expect(preview).toContainText(NOTE);
      // Nothing is imported before the click.
      expect((await storedPins(importPage)).pins).toEqual([]);
      await importPage.getByRole('button', { name: 'Import 1 pin' }).click();
      await expect(importPage.getByRole('status')).toContainText('Imported one pin.');
      const imported = await storedPins(importPage);
      expect(imported.pins).toEqual([original]);
      expect(imported.activeId).toBe(original.id);

      // The same card: the team's pick and note lead it on their page.
      await hoverMention(theirs, 'trt', 0);
      const frame = await teamPickFrame(theirs);
      await expect(frame.locator('body')).toHaveText(`Platform team picks TensorRT-LLM${NOTE}`);
    } finally {
      await other.context.close();
      fs.rmSync(other.userDataDir, { recursive: true, force: true });
    }
  });

  test('a malformed, future-version or truncated link shows an error in the import page and leaves the pins as they were', async ({
    context,
    openExtensionPage,
  }) => {
    const popup = await openExtensionPage('popup.html');
    await savePin(popup, { title: 'Kept as it was', pick: 'vllm', note: 'Untouched.' }, true);
    const before = await storedPins(popup);
    const encoded = await encodeSharePayload({ ...(before.pins[0] as unknown as Pin), id: 'another-pin-0001', title: 'Would be new' });
    if (!encoded.ok) throw new Error('must fit');
    const fixture = readFixture('mentions-github-issue.html');
    await context.route(/^https:\/\/github\.com\/vllm-project\/vllm\/issues\/\d+$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture }),
    );
    const cases: Array<[string, RegExp]> = [
      ['garbage!!', /not an Engine Lens share link/],
      ['2.AAAA', /made by a newer Engine Lens .*Update Engine Lens to import it/],
      [encoded.payload.slice(0, -6), /damaged or cut short/],
    ];
    for (const [index, [payload, message]] of cases.entries()) {
      const page = await context.newPage();
      const opened = context.waitForEvent('page', (p) => p.url().includes('/import.html'));
      await page.goto(`https://github.com/vllm-project/vllm/issues/${10 + index}#engine-lens=${payload}`);
      const importPage = await opened;
      await expect(importPage.getByRole('alert')).toContainText(message);
      await expect(importPage.getByRole('alert')).toContainText('Nothing was changed.');
      await expect(importPage.getByRole('button', { name: /^Import \d+ pin/ })).toHaveCount(0);
      await importPage.close();
      await page.close();
    }
    expect(await storedPins(popup)).toEqual(before);
  });

  test('a page script can neither read the shared pin nor import it without the user', async ({ context, openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    const encoded = await encodeSharePayload({
      formatVersion: 1,
      id: 'planted-pin-0001',
      title: 'Quokkavale planted pin',
      team: 'Mallory',
      comparisonId: 'vllm-vs-tensorrt-llm',
      datasetVersion: '2026-06-24.1',
      rows: { differences: [], facts: [] },
      priorities: { latency: 0, throughput: 0, hardwareFlexibility: 0, modelCoverage: 0, easeOfSetup: 0, cost: 0, community: 0 },
      pick: 'vllm',
      note: 'Zephyrine planted note',
      snapshot: {},
      createdAt: 1,
      updatedAt: 1,
    });
    if (!encoded.ok) throw new Error('must fit');
    const page = await openIssue(context);
    // The page listens for anything Engine Lens might post, then plants a share link in its own
    // address (a soft navigation), and tries to talk the extension into importing it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
      document.addEventListener('engine-lens', (e) => seen.push(String((e as CustomEvent).detail)));
    });
    const opened = context.waitForEvent('page', (p) => p.url().includes('/import.html'));
    await page.evaluate((payload) => history.pushState({}, '', `/vllm-project/vllm/issues/5#engine-lens=${payload}`), encoded.payload);
    const importPage = await opened; // the offer: Engine Lens's own page, noticed after the soft navigation
    await expect(importPage.getByRole('region', { name: 'One pin from a share link' })).toContainText('Quokkavale planted pin');
    const attempts = await page.evaluate(async () => {
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      window.postMessage({ type: 'pins/import', pins: [], onClash: {}, activateFirst: true }, '*');
      document.dispatchEvent(new CustomEvent('engine-lens', { detail: 'import' }));
      return { canMessageTheExtension: typeof runtime?.sendMessage === 'function' };
    });
    expect(attempts.canMessageTheExtension).toBe(false);
    // The decoded pin lives only in the extension page: the host page finds none of it.
    for (const words of ['Quokkavale planted pin', 'Zephyrine', 'Mallory']) {
      const found = await whatThePageFinds(page, words);
      expect(Object.values(found).some(Boolean), `${words}: ${JSON.stringify(found)}`).toBe(false);
    }
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen.join('\n'));
    expect(seen).not.toContain('Quokkavale');
    // Nothing was imported: the import waits for the user's click in the extension page.
    expect((await storedPins(popup)).pins).toEqual([]);
    await importPage.getByRole('button', { name: 'Import 1 pin' }).click();
    await expect(importPage.getByRole('status')).toContainText('Imported one pin.');
    expect((await storedPins(popup)).pins.map((p) => p.title)).toEqual(['Quokkavale planted pin']);
  });

  test('pins survive a restart of the service worker', async ({ context, openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await savePin(popup, { title: 'First', pick: 'vllm', note: 'one' });
    await savePin(popup, { title: 'Second', pick: null, note: 'two' }, true);
    const before = await storedPins(popup);
    const worker = await extensionWorker(context);
    await worker.evaluate(() => ((globalThis as { marker?: number }).marker = 1));
    await stopServiceWorker(context, popup);
    const after = await storedPins(popup); // wakes a new worker
    const restarted = await extensionWorker(context);
    expect(await restarted.evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
    expect(after).toEqual(before);
    expect(after.pins).toHaveLength(2);
  });
});

test.describe('pins across an extension update', () => {
  // eslint-disable-next-line no-empty-pattern
  test('a build with a newer database version finds every pin', async ({}, testInfo) => {
    test.setTimeout(240_000);
    // The update: the same unpacked folder (so the same extension id and storage) gets a build whose
    // database is one layout newer (entrypoints/background/db.ts, WXT_ENGINE_LENS_TEST_DB_VERSION).
    const newerOut = path.resolve('.output-db-upgrade');
    execFileSync('npx', ['wxt', 'build'], {
      env: { ...process.env, ENGINE_LENS_OUT_DIR: newerOut, WXT_ENGINE_LENS_TEST_DB_VERSION: '3' },
      stdio: 'pipe',
    });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-lens-ext-'));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-lens-profile-'));
    fs.cpSync(EXTENSION_DIR, folder, { recursive: true });
    const launch = () =>
      chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(folder) });
    const openPopup = async (context: BrowserContext) => {
      const worker = await extensionWorker(context);
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
      return page;
    };
    const databaseVersion = (page: Page) =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const r = indexedDB.open('engine-lens');
            r.onsuccess = () => {
              resolve(r.result.version);
              r.result.close();
            };
            r.onerror = () => reject(r.error);
          }),
      );
    let context = await launch();
    try {
      let popup = await openPopup(context);
      await savePin(popup, { title: 'Before the update', pick: 'tensorrt-llm', note: 'Kept.', differences: ['cost-of-ownership'] });
      await savePin(popup, { title: 'The active one', pick: 'vllm', note: 'Still leads.' }, true);
      const before = await storedPins(popup);
      expect(await databaseVersion(popup)).toBe(200);
      await context.close();

      // The update: new files with a higher version in the same folder. Chromium keeps running the
      // worker script it installed (also across a version change, when loaded unpacked), so its
      // service-worker store is dropped to make it install the new one, as an update would.
      // IndexedDB, where the pins are, is left alone.
      fs.cpSync(path.join(newerOut, 'chrome-mv3'), folder, { recursive: true, force: true });
      const manifestPath = path.join(folder, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { version: string };
      fs.writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
      fs.rmSync(path.join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
      context = await launch();
      const worker = await extensionWorker(context);
      const running = await worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } };
        return chrome.runtime.getManifest().version;
      });
      expect(running).toBe(`${manifest.version}.1`);

      popup = await openPopup(context);
      await expect(popup.getByRole('region', { name: /Team pick/ })).toContainText('Still leads.');
      expect(await storedPins(popup)).toEqual(before);
      // The newer build really opened the database at its own, higher version.
      expect(await databaseVersion(popup)).toBe(300);
      await popup.screenshot({ path: testInfo.outputPath('popup-after-update.png') });
    } finally {
      await context.close();
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});

test.describe('pins UI accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`popup with a pin and the editor open, and the import preview: no serious axe violations (${colorScheme})`, async ({
      worker,
      openExtensionPage,
    }) => {
      await waitForMentionScript(worker);
      const popup = await openExtensionPage('popup.html');
      await popup.emulateMedia({ colorScheme });
      await popup.setViewportSize({ width: 600, height: 800 });
      const pin = await savePin(popup, { title: 'Our serving stack', team: 'Platform team', pick: 'vllm', note: NOTE, differences: ['hardware-compatibility'] }, true);
      await expect(popup.getByRole('region', { name: /Team pick/ })).toBeVisible();
      await popup.getByRole('button', { name: 'Pin comparison' }).click();
      const axe = async (page: Page) => {
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      };
      await axe(popup);

      const stored = (await storedPins(popup)).pins.find((p) => p.id === pin.id) as unknown as Pin;
      const encoded = await encodeSharePayload(stored);
      if (!encoded.ok) throw new Error('must fit');
      const importPage = await openExtensionPage(`import.html?from=link#${encoded.payload}`);
      await importPage.emulateMedia({ colorScheme });
      await expect(importPage.getByRole('region', { name: 'One pin from a share link' })).toBeVisible();
      await expect(importPage.getByText('You already have a pin with this id')).toBeVisible();
      await axe(importPage);

      // The card's team-pick frame, in the card's theme.
      const frame = await openExtensionPage(`team-pick.html?theme=${colorScheme}`);
      await expect(frame.locator('body')).toContainText('Platform team picks vLLM');
      await axe(frame);
    });
  }

  test('pin, copy a share link and import by keyboard alone', async ({ worker, context, openExtensionPage }) => {
    await waitForMentionScript(worker);
    // Headless Chromium refuses to read the clipboard unless granted (an extension origin cannot be named here).
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('region', { name: /Verdict/ })).toBeVisible();
    const tabTo = async (page: Page, name: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) === name) return;
      }
      throw new Error(`never reached "${name}" by Tab`);
    };
    await tabTo(popup, 'Pin comparison');
    await popup.keyboard.press('Enter');
    await expect(popup.getByLabel('Title')).toBeFocused();
    await popup.keyboard.press('ControlOrMeta+A');
    await popup.keyboard.type('Typed by keyboard');
    await popup.keyboard.press('Enter'); // submits the form
    await expect(popup.getByRole('status').filter({ hasText: 'Pinned “Typed by keyboard”' })).toBeVisible();
    // Focus lands on the new pin; its actions are reachable and visibly focused.
    // Its toggle is named by the title alone (no glyph read out before it).
    await expect(popup.getByRole('button', { name: 'Typed by keyboard', exact: true })).toBeFocused();
    await tabTo(popup, 'Copy share link');
    const outline = await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('status').filter({ hasText: 'Share link copied' })).toBeVisible();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toMatch(/#engine-lens=1\./);
    // Esc closes the editor.
    await tabTo(popup, 'Edit');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('form', { name: /Edit/ })).toBeVisible();
    await popup.keyboard.press('Escape');
    await expect(popup.getByRole('form', { name: /Edit/ })).toHaveCount(0);
  });
});
