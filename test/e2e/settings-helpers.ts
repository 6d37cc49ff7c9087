/**
 * Helpers for the options and settings end-to-end tests: a page's marks and
 * its content script's state, whether a tab was reloaded, the underline as
 * painted, and how often the worker wrote the synced preferences.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, readFixture, serveAt } from './fixtures';
import { highlightTexts, IsolatedWorld, readHighlights } from './mentions-helpers';
import { decodePng } from './png';

export const ISSUE_URL = 'https://github.com/vllm-project/vllm/issues/9';
export const ISSUE_MARKS = { vllm: 10, trt: 7 };

export async function markCounts(page: Page) {
  const { vllm, trt } = await highlightTexts(page);
  return { vllm: vllm.length, trt: trt.length };
}

/** Opens the GitHub fixture in a tab, marks it with a token in the page's own world (gone if it reloads), waits for its marks. */
export async function openMarkedIssue(context: BrowserContext, url = ISSUE_URL): Promise<Page> {
  await serveAt(context, url, readFixture('mentions-github-issue.html'));
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => markCounts(page)).toEqual(ISSUE_MARKS);
  await page.evaluate(() => ((window as unknown as { __loadToken: string }).__loadToken = 'first load'));
  return page;
}

/** True while the page is the same document it was (never reloaded since {@link openMarkedIssue}). */
export const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __loadToken?: string }).__loadToken === 'first load');

/** The content script's own state in the page's isolated world. */
export async function scriptState(world: IsolatedWorld) {
  return world.evaluate<{ running: boolean; api: boolean }>(
    `(() => { const w = globalThis[Symbol.for('engine-lens.isolated-world')]; return { running: !!w?.mentionsRunning, api: !!w?.mentions }; })()`,
  );
}

/**
 * Event listeners on the page's document and window that Engine Lens's
 * content scripts added (found through the DevTools protocol, which reports
 * each listener's script).
 */
export async function engineLensListeners(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const urls = new Map<string, string>();
  cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => urls.set(scriptId, url));
  await cdp.send('Debugger.enable');
  // Listeners are reported for the world the object is looked up in: the extension's.
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.origin.startsWith('chrome-extension://') && !c.auxData?.isDefault) worlds.push(c.id);
  });
  await cdp.send('Runtime.enable');
  const found: string[] = [];
  for (const expression of worlds.flatMap((contextId) => [{ contextId, expression: 'document' }, { contextId, expression: 'window' }])) {
    const { result } = await cdp.send('Runtime.evaluate', expression);
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    for (const l of listeners) {
      if (/\/content-scripts\/(mentions|card)\.js$/.test(urls.get(l.scriptId) ?? '')) found.push(`${expression.expression}:${l.type}`);
    }
  }
  await cdp.detach();
  return found;
}

/** Counts writes of the synced preferences from now on (in the worker). */
export async function countPreferenceWrites(worker: Worker): Promise<() => Promise<Array<{ delayMs?: number }>>> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __writes: unknown[]; chrome: { storage: { onChanged: { addListener(f: (c: Record<string, { newValue?: unknown }>, area: string) => void): void } } } };
    g.__writes = [];
    g.chrome.storage.onChanged.addListener((changes, area) => {
      const value = changes.preferences?.newValue as { hover?: { delayMs?: number } } | undefined;
      if (area === 'sync' && value) g.__writes.push({ delayMs: value.hover?.delayMs });
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { __writes: Array<{ delayMs?: number }> }).__writes);
}

/**
 * How the first mention of `engine` is underlined, from a screenshot of its
 * line: the longest unbroken run of the underline's colour along one pixel
 * row, and how many pixels of that colour there are. Solid: a run about as
 * long as the word; dotted or dashed: short runs; none: no pixels.
 */
export async function underlineShape(page: Page, engine: 'vllm' | 'trt', rgb: readonly [number, number, number]) {
  const ranges = await readHighlights(page);
  if (ranges[engine].length === 0) throw new Error(`no ${engine} mention`);
  const box = await page.evaluate((name) => {
    // A mention in plain text: a link's own colour could pass for the underline's.
    const range = [...(CSS.highlights.get(name) as unknown as Iterable<Range>)]
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .find((r) => !r.startContainer.parentElement?.closest('a, code, pre'))!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0]!;
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, engine === 'vllm' ? 'engine-lens-vllm' : 'engine-lens-tensorrt-llm');
  const shot = decodePng(await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height + 8 } }));
  const near = (i: number) =>
    Math.abs(shot.data[i]! - rgb[0]) <= 40 && Math.abs(shot.data[i + 1]! - rgb[1]) <= 40 && Math.abs(shot.data[i + 2]! - rgb[2]) <= 40;
  let longestRun = 0;
  let pixels = 0;
  for (let y = 0; y < shot.height; y++) {
    let run = 0;
    for (let x = 0; x < shot.width; x++) {
      if (near((y * shot.width + x) * 4)) {
        pixels++;
        run++;
        longestRun = Math.max(longestRun, run);
      } else {
        run = 0;
      }
    }
  }
  return { longestRun, pixels, width: Math.round(box.width) };
}
