/**
 * The hover card's host in a real Chromium, without the content script:
 * the host is bundled on its own (card-harness/) and evaluated in a
 * CDP isolated world — the kind of world content scripts run in — on pages
 * served at a real GitHub URL with a strict CSP or hostile CSS.
 *
 * What a user would see is asserted from inside that world (it captured the
 * closed shadow root); what the page can see is asserted from the page's own
 * world. Opening the card on hover belongs to the content script (phase 2).
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { buildCardHarness } from './card-harness/build';
import { CHROMIUM } from './fixtures';

const URL = 'https://github.com/vllm-project/vllm/issues/4242';
const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'";
const HOSTILE_CSS = `
  * { all: unset !important; font: 40px serif !important; }
  html { font-size: 40px !important; zoom: 1 !important; }
  [data-engine-lens-card], div { display: none !important; position: static !important; }
  :root * { color: red !important; background: yellow !important; }`;

function pageHtml({ css = '', colorMode = '', mentionTop = 120 } = {}): string {
  return `<!doctype html>
<html lang="en" ${colorMode ? `data-color-mode="${colorMode}" data-dark-theme="dark_dimmed"` : ''}>
<head><meta charset="utf-8"><title>Issue 4242</title>${css ? `<style>${css}</style>` : ''}</head>
<body style="margin:0">
  <button id="return-here">Comment</button>
  <p id="m" style="position:absolute; left:200px; top:${mentionTop}px; margin:0; font:16px/20px sans-serif">
    We moved from vLLM to TensorRT-LLM last week.
  </p>
  <div style="height:3000px"></div>
</body></html>`;
}

type World = <T = unknown>(expression: string) => Promise<T>;

interface CardMetrics {
  styleMode: string;
  open: boolean;
  box: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  mention: { left: number; top: number; right: number; bottom: number };
  fontSize: string;
  fontFamily: string;
  background: string;
  borderRadius: string;
  label: string | null;
  text: string;
  side: string | undefined;
  /** The card's height if nothing capped it. */
  naturalHeight: number;
}

let harness = '';
let browser: Browser;

const test = base.extend<{ context: BrowserContext }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    // Tall enough for the whole card (about 480 px) to fit above or below a mention.
    // Reduced motion: no entrance animation, so measured boxes are final.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, reducedMotion: 'reduce' });
    await context.route(/^https?:\/\//, (route) => route.abort()); // nothing leaves the machine
    await use(context);
    await context.close();
  },
});

test.beforeAll(async () => {
  harness = await buildCardHarness();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

test.afterAll(async () => {
  await browser?.close();
});

/** Serves `html` at the GitHub URL, opens it, and loads the card harness into a fresh isolated world. */
async function openPage(
  context: BrowserContext,
  html: string,
  headers: Record<string, string> = {},
): Promise<{ page: Page; world: World }> {
  await context.route(URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers }),
  );
  const page = await context.newPage();
  await page.goto(URL);
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'engine-lens-card-test',
  });
  const world: World = async (expression) => {
    const result = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) {
      throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    }
    return result.result.value;
  };
  await world(harness);
  // Record CSP violations the card might cause (the page's own scripts are blocked by the CSP).
  await world(`globalThis.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => cspViolations.push(e.violatedDirective));`);
  return { page, world };
}

async function showCard(world: World, options: Record<string, unknown> = {}, install: Record<string, unknown> = {}) {
  await world(`engineLensCardHarness.install(${JSON.stringify(install)});
    engineLensCardHarness.show(engineLensCardHarness.cardData(), '#m', 'TensorRT-LLM', 'tensorrt-llm', ${JSON.stringify(options)});`);
}

/** What the user sees, measured inside the isolated world. */
function metrics(world: World): Promise<CardMetrics> {
  return world<CardMetrics>(`(() => {
    const h = engineLensCardHarness;
    const dialog = h.shadow.querySelector('[role="dialog"]');
    const r = dialog ? dialog.getBoundingClientRect() : new DOMRect();
    const range = document.createRange();
    const text = document.querySelector('#m').firstChild;
    const at = text.textContent.indexOf('TensorRT-LLM');
    range.setStart(text, at); range.setEnd(text, at + 'TensorRT-LLM'.length);
    const m = range.getBoundingClientRect();
    const cs = dialog ? getComputedStyle(dialog) : null;
    return {
      styleMode: h.host.styleMode,
      open: h.host.isOpen(),
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      mention: { left: m.left, top: m.top, right: m.right, bottom: m.bottom },
      fontSize: cs?.fontSize, fontFamily: cs?.fontFamily, background: cs?.backgroundColor, borderRadius: cs?.borderRadius,
      label: dialog?.getAttribute('aria-label') ?? null,
      text: dialog?.textContent ?? '',
      side: h.shadow.querySelector('.el-layer')?.dataset.side,
      naturalHeight: dialog ? [...dialog.children].reduce((sum, el) => sum + (el.classList.contains('el-body') ? el.scrollHeight : el.offsetHeight), 2) : 0,
    };
  })()`);
}

const overlaps = (a: CardMetrics['mention'], b: CardMetrics['mention']) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function expectWellFormedCard(m: CardMetrics): void {
  expect(m.open).toBe(true);
  expect(m.label).toBe('Engine Lens: vLLM vs TensorRT-LLM');
  expect(m.box.width).toBe(416);
  expect(m.fontSize).toBe('12px');
  expect(m.fontFamily).toContain('system-ui');
  expect(m.borderRadius).toBe('12px');
  expect(m.text).toContain('8.6');
  expect(m.text).toContain('6.4');
  expect(m.text).toContain('Key differences');
  expect(overlaps(m.box, m.mention)).toBe(false);
}

test('under a strict CSP (style-src none) the card is styled, sized and placed below the mention', async ({ context }) => {
  const { page, world } = await openPage(context, pageHtml(), { 'content-security-policy': STRICT_CSP });
  await showCard(world);
  const m = await metrics(world);
  expect(m.styleMode).toBe('adopted');
  expectWellFormedCard(m);
  expect(m.background).toBe('rgb(255, 255, 255)');
  expect(m.side).toBe('below');
  expect(m.box.top).toBeGreaterThanOrEqual(m.mention.bottom);
  expect(await world('cspViolations')).toEqual([]);
  // The host is attached to <html>, only while shown.
  expect(await page.evaluate(() => document.querySelector('[data-engine-lens-card]')?.parentElement?.tagName)).toBe('HTML');
  await world('engineLensCardHarness.host.hide()');
  expect(await page.locator('[data-engine-lens-card]').count()).toBe(0);
});

test('hostile page CSS (all: unset, 40px serif, display: none) does not reach the card', async ({ context }) => {
  const { page, world } = await openPage(context, pageHtml({ css: HOSTILE_CSS }));
  await showCard(world);
  const m = await metrics(world);
  expectWellFormedCard(m);
  expect(m.background).toBe('rgb(255, 255, 255)');
  // The card is really on screen: the page's hit-testing finds its host at the card's centre.
  const hit = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.hasAttribute('data-engine-lens-card') ?? false,
    { x: m.box.left + m.box.width / 2, y: m.box.top + 20 },
  );
  expect(hit).toBe(true);
});

test("the page's own world cannot read the card", async ({ context }) => {
  const { page, world } = await openPage(context, pageHtml());
  await showCard(world);
  expect((await metrics(world)).text).toContain('Hardware Compatibility');
  const seen = await page.evaluate(() => {
    const host = document.querySelector('[data-engine-lens-card]') as HTMLElement;
    let reattach = 'allowed';
    try {
      host.attachShadow({ mode: 'open' });
    } catch {
      reattach = 'refused';
    }
    return {
      shadowRoot: host.shadowRoot,
      text: host.textContent,
      innerText: host.innerText,
      attributes: host.getAttributeNames(),
      pageText: document.documentElement.innerText,
      harness: typeof (globalThis as { engineLensCardHarness?: unknown }).engineLensCardHarness,
      reattach,
    };
  });
  expect(seen.shadowRoot).toBeNull();
  expect(seen.text).toBe('');
  expect(seen.innerText).toBe('');
  expect(seen.attributes).toEqual(['data-engine-lens-card']);
  expect(seen.pageText).not.toContain('Hardware Compatibility');
  expect(seen.harness).toBe('undefined');
  expect(seen.reattach).toBe('refused');
});

test('flips above the mention near the bottom of the viewport, and follows scrolling', async ({ context }) => {
  const { page, world } = await openPage(context, pageHtml({ mentionTop: 600 }));
  // Short enough that the (about 480 px) card fits neither above nor below a mention mid-screen.
  await page.setViewportSize({ width: 1280, height: 700 });
  await showCard(world);
  let m = await metrics(world);
  expect(m.side).toBe('above');
  expect(m.box.bottom).toBeLessThanOrEqual(m.mention.top);
  expect(overlaps(m.box, m.mention)).toBe(false);

  // Mid-screen there is room neither above nor below: the card goes beside the mention.
  await page.mouse.move(40, 40); // wheel over the page, not the card
  await page.mouse.wheel(0, 400);
  await expect.poll(async () => (await metrics(world)).mention.top).toBeLessThan(300);
  await expect.poll(async () => (await metrics(world)).side).toBe('right');
  m = await metrics(world);
  expect(m.box.left).toBeGreaterThanOrEqual(m.mention.right);
  expect(overlaps(m.box, m.mention)).toBe(false);

  // Further up, the card stays on its side (no jumping while scrolling) and keeps following the mention.
  await page.mouse.wheel(0, 100);
  await expect.poll(async () => (await metrics(world)).mention.top).toBeLessThan(150);
  await expect
    .poll(async () => {
      const now = await metrics(world);
      return now.box.top - Math.max(8, Math.min(now.mention.top, 700 - 8 - now.box.height));
    })
    .toBe(0);
  m = await metrics(world);
  expect(m.side).toBe('right');
  expect(overlaps(m.box, m.mention)).toBe(false);
});

test('in a short window the card scrolls inside itself instead of leaving the screen', async ({ context }) => {
  const { page, world } = await openPage(context, pageHtml({ mentionTop: 300 }));
  await page.setViewportSize({ width: 500, height: 600 });
  await showCard(world);
  const m = await metrics(world);
  expect(overlaps(m.box, m.mention)).toBe(false);
  expect(m.box.top).toBeGreaterThanOrEqual(8);
  expect(m.box.bottom).toBeLessThanOrEqual(600 - 8);
  expect(m.box.right).toBeLessThanOrEqual(500 - 8);
  expect(m.naturalHeight).toBeGreaterThan(m.box.height);
});

test('keyboard: focus moves into the card, Tab walks its controls, Esc closes and returns focus', async ({ context }) => {
  const { page, world } = await openPage(context, pageHtml(), { 'content-security-policy': STRICT_CSP });
  // Short, so that showing all 7 differences makes the card taller than the room it has.
  await page.setViewportSize({ width: 1280, height: 600 });
  await showCard(world, { focus: true, returnFocusTo: '#return-here' });
  const focused = () =>
    world<string | null>(`(() => { const a = engineLensCardHarness.shadow.activeElement;
      return a ? (a.getAttribute('aria-label') ?? a.textContent.trim()) : null; })()`);
  expect(await focused()).toBe('Engine Lens: vLLM vs TensorRT-LLM');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Pin');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Close');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Sources disagree in words (5)'); // on the verdict's label line
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Show all 7 differences'); // in the section's title line
  await page.keyboard.press('Tab');
  expect(await focused()).toContain('Sources disagree'); // on "Model Support Range"
  await page.keyboard.press('Shift+Tab');
  const sideBefore = (await metrics(world)).side;
  await page.keyboard.press('Enter');
  expect(await world(`engineLensCardHarness.shadow.querySelectorAll('[data-difference-id]').length`)).toBe(7);
  // The card grew under the user's focus: it keeps its side (scrolling inside) instead of jumping away.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const grown = await metrics(world);
  expect(grown.side).toBe(sideBefore);
  expect(grown.naturalHeight).toBeGreaterThan(grown.box.height);
  expect(overlaps(grown.box, grown.mention)).toBe(false);
  // Focus never leaves the card by Tab: shift+Tab from the first control wraps to the last.
  // From "Show all": the words warning, Close, then Pin.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('Pin');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('Open full comparison');
  await page.keyboard.press('Enter');
  expect(await world('engineLensCardHarness.opened')).toEqual(['vllm-vs-tensorrt-llm']);

  await page.keyboard.press('Escape');
  expect(await world('engineLensCardHarness.host.isOpen()')).toBe(false);
  expect(await world('engineLensCardHarness.closes')).toEqual(['escape']);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('return-here');
});

test('a card that grows ("Show all") keeps its top and scrolls inside; above the mention it never covers it', async ({ context }) => {
  // The mention low on the screen so the card opens above it, and a short card
  // (no figures, its disagreement flags gone) so that expanding it really grows it.
  const { page, world } = await openPage(context, pageHtml({ mentionTop: 640 }));
  await page.setViewportSize({ width: 1280, height: 720 });
  await world(`engineLensCardHarness.install({});
    const data = engineLensCardHarness.cardData();
    const short = { ...data, figures: [], contradictions: undefined,
      differences: data.differences.map((d) => ({ ...d, disagree: false, claims: null })) };
    engineLensCardHarness.show(short, '#m', 'TensorRT-LLM', 'tensorrt-llm', {});`);
  const before = await metrics(world);
  expect(before.side).toBe('above');
  expect(before.naturalHeight).toBeLessThanOrEqual(before.box.height + 1); // not capped yet
  await world(`[...engineLensCardHarness.shadow.querySelectorAll('button')].find((b) => b.textContent.includes('Show all')).click()`);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const after = await metrics(world);
  expect(await world(`engineLensCardHarness.shadow.querySelectorAll('[data-difference-id]').length`)).toBe(7);
  expect(after.box.top).toBeCloseTo(before.box.top, 0);
  expect(after.naturalHeight).toBeGreaterThan(after.box.height); // it scrolls inside
  expect(overlaps(after.box, after.mention)).toBe(false);
});

test('pointer: Pin keeps it open, dragging the header moves it, Close closes it', async ({ context }) => {
  const { page, world } = await openPage(context, pageHtml());
  await showCard(world);
  const before = await metrics(world);

  // A click outside closes an unpinned card.
  await page.mouse.click(50, 900);
  expect(await world('engineLensCardHarness.host.isOpen()')).toBe(false);

  await showCard(world);
  const headerAt = { x: before.box.left + 120, y: before.box.top + 20 };
  await page.mouse.move(headerAt.x, headerAt.y);
  expect(await world('engineLensCardHarness.hovered')).toBe(true);
  await page.mouse.down();
  await page.mouse.move(headerAt.x + 300, headerAt.y + 50, { steps: 5 });
  await page.mouse.up();
  const dragged = await metrics(world);
  expect(dragged.box.left).toBeCloseTo(before.box.left + 300, 0);
  expect(dragged.box.top).toBeCloseTo(before.box.top + 50, 0);
  expect(await world('engineLensCardHarness.host.isPinned()')).toBe(true);

  await page.mouse.click(50, 900); // pinned: stays
  expect(await world('engineLensCardHarness.host.isOpen()')).toBe(true);
  const close = await world<{ x: number; y: number }>(`(() => {
    const r = engineLensCardHarness.shadow.querySelector('button[aria-label="Close"]').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
  await page.mouse.click(close.x, close.y);
  expect(await world('engineLensCardHarness.host.isOpen()')).toBe(false);
  expect(await world('engineLensCardHarness.closes')).toEqual(['outside-click', 'close-button']);
});

test("follows GitHub's dark mode", async ({ context }) => {
  const { world } = await openPage(context, pageHtml({ colorMode: 'dark' }), { 'content-security-policy': STRICT_CSP });
  await showCard(world);
  const m = await metrics(world);
  expectWellFormedCard(m);
  expect(m.background).toBe('rgb(22, 27, 34)');
});

for (const colorMode of ['light', 'dark']) {
  test(`axe: no serious or critical violations (${colorMode} theme)`, async ({ context }, testInfo) => {
    const { page, world } = await openPage(context, pageHtml({ colorMode }));
    // axe cannot enter a closed shadow root; this test alone asks the harness to open it.
    await showCard(world, {}, { openShadow: true });
    const { box, naturalHeight } = await metrics(world);
    testInfo.annotations.push({ type: 'card natural height', description: `${naturalHeight}px` });
    await page.mouse.move(5, 990); // no hover styles
    const clip = { x: box.left - 16, y: box.top - 16, width: box.width + 32, height: box.height + 32 };
    await page.screenshot({ path: testInfo.outputPath(`card-${colorMode}.png`), clip });
    // For the README: ENGINE_LENS_CARD_SCREENSHOTS=<folder> npx playwright test test/e2e/card-mount.spec.ts -g axe
    const folder = process.env.ENGINE_LENS_CARD_SCREENSHOTS;
    if (folder) await page.screenshot({ path: path.join(folder, `card-${colorMode}.png`), clip });
    // Expand everything so axe checks the toggled content too.
    await world(`(() => {
      const s = engineLensCardHarness.shadow;
      [...s.querySelectorAll('button')].find((b) => b.textContent.includes('Show all')).click();
      s.querySelectorAll('.el-disagree, .el-words-toggle').forEach((b) => b.click());
    })()`);
    // No text under 12 px anywhere in the card, expanded panels included.
    const small = await world<string[]>(`(() => {
      const walker = document.createTreeWalker(engineLensCardHarness.shadow, NodeFilter.SHOW_TEXT);
      const found = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || el.closest('.el-visually-hidden')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 12) found.push(size + 'px: ' + n.textContent.trim().slice(0, 40));
      }
      return found;
    })()`);
    expect(small).toEqual([]);
    const results = await new AxeBuilder({ page }).include('[data-engine-lens-card]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`card-${colorMode}-expanded.png`), fullPage: false });
  });
}
