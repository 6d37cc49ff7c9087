/**
 * `npm run bench:limits` (also the last part of `npm run bench`): what the
 * cheapest known ways of *finding* mentions cost, against the textContent floor,
 * on the benchmark's pages. It answers one question with numbers the reader can
 * rerun: can any content script reach Engine Lens's "≤ 2× the floor" target?
 *
 * Nothing of Engine Lens runs here. Each way is a few lines of plain DOM code,
 * evaluated in an isolated world of its own (`Page.createIsolatedWorld`, the
 * kind of world a content script runs in), so that no wrapper is left over from
 * another measurement. None of them checks a word boundary or an address, keeps
 * a registry, paints or splits its work into short tasks: each is a lower bound
 * for a script built on it. Writes test/bench/results/limits.json and limits.md
 * (also printed).
 *
 * The ways, in the order the table gives them:
 * - **floor**: `document.body.textContent` and the pattern over it, in the
 *   page's own world, exactly as `bench.spec.ts` measures it; **floor (isolated
 *   world)** the same in the isolated world.
 * - **the page's text alone**: the floor's `textContent`, without the pattern:
 *   what reading the text costs by itself (found: its length).
 * - **all text nodes, natively**: one XPath snapshot of every text node, no
 *   predicate and no wrapper: what the engine pays to visit them.
 * - **candidates, one test**: the snapshot of text nodes that contain `lm`. Half
 *   of the test a mention needs (`LM` is the other half), so a lower bound for
 *   any XPath filter.
 * - **candidates, both tests**: text nodes containing `lm` or `LM`, the set
 *   every mention form is in, then each candidate's text read and the pattern run.
 * - **every text node from script**: a TreeWalker over every text node, each
 *   one's text read and tested for `lm`/`LM` (one wrapper per node).
 * - **blocks gated by their text**: the children of the page's widest element
 *   (its comments or lines, found before the clock starts: a real script has to
 *   find them too) each read with `textContent` and tested, and only the blocks
 *   that pass are searched, by XPath or by a TreeWalker. The gate alone is given
 *   too: a lower bound for any gate-then-locate scheme.
 * - **offsets, descended by text length**: the floor's own work (the body's
 *   text and the pattern over it), then each match's offset located by
 *   descending from the body, reading each child's text length and entering
 *   only the child the next match falls in. The issue's "match a subtree's
 *   text first, descend only where it matches", taken all the way down.
 * - **candidates, excluded, ranged** (by XPath or walked): the candidates, then
 *   the least a marking script must do with them: drop text in excluded regions
 *   (Engine Lens's selector) and make a Range per match.
 */
import { chromium, test, type BrowserContext, type CDPSession } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MENTION_PATTERN_FLAGS, MENTION_PATTERN_SOURCE } from '../../lib/detect';
import { excludedSelector } from '../../entrypoints/mentions.content/walker';
import { CHROMIUM, chromiumArgs } from '../e2e/fixtures';
import { benchPages, type BenchPageName } from './generate';
import { median, round } from './stats';

const PAGE_NAMES: BenchPageName[] = ['big', 'prose', 'code', 'normal', 'none'];
/** Fresh loads per page (every way is measured on each); medians are reported. The big page loads slowly, so it gets fewer. */
const RUNS: Record<BenchPageName, number> = { big: 7, prose: 9, code: 9, normal: 11, none: 11 };
const ORIGIN = 'https://example.com/limits/';
const RESULTS_DIR = path.resolve('test/bench/results');

/**
 * Each way as the body of a function evaluated in the page (`pattern`,
 * `blocks` and `rangeMentions` are in scope: the mention pattern, the blocks
 * the gates read, found before the clock starts, and the per-candidate work of
 * RANGE_MENTIONS). Returns `{ ms, found }`: its time and how many text nodes
 * (blocks for the gate alone, ranges for the last two) it found.
 */
const WAYS = {
  "the page's text alone": `
    const t = performance.now();
    const text = document.body.textContent ?? '';
    return { ms: performance.now() - t, found: text.length };`,
  'all text nodes, natively': `
    const t = performance.now();
    const r = document.evaluate('descendant::text()', document.body, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    return { ms: performance.now() - t, found: r.snapshotLength };`,
  'candidates, one test (lm)': `
    const t = performance.now();
    const r = document.evaluate("descendant::text()[contains(string(), 'lm')]", document.body, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    return { ms: performance.now() - t, found: r.snapshotLength };`,
  'candidates, both tests, read': `
    const t = performance.now();
    const r = document.evaluate("descendant::text()[contains(string(), 'lm') or contains(string(), 'LM')]", document.body, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    let found = 0;
    for (let i = 0; i < r.snapshotLength; i++) { pattern.lastIndex = 0; if (pattern.test(r.snapshotItem(i).data)) found++; }
    return { ms: performance.now() - t, found };`,
  'every text node from script': `
    const t = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let found = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      if (data.includes('lm') || data.includes('LM')) { pattern.lastIndex = 0; if (pattern.test(data)) found++; }
    }
    return { ms: performance.now() - t, found };`,
  'blocks gated, gate alone': `
    const t = performance.now();
    let found = 0;
    for (const block of blocks) { pattern.lastIndex = 0; if (pattern.test(block.textContent)) found++; }
    return { ms: performance.now() - t, found };`,
  'blocks gated, then XPath': `
    const t = performance.now();
    const query = document.createExpression("descendant-or-self::text()[contains(string(), 'lm') or contains(string(), 'LM')]");
    let found = 0;
    for (const block of blocks) {
      pattern.lastIndex = 0;
      if (!pattern.test(block.textContent)) continue;
      const r = query.evaluate(block, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
      for (let i = 0; i < r.snapshotLength; i++) { pattern.lastIndex = 0; if (pattern.test(r.snapshotItem(i).data)) found++; }
    }
    return { ms: performance.now() - t, found };`,
  'blocks gated, then walked': `
    const t = performance.now();
    let found = 0;
    for (const block of blocks) {
      pattern.lastIndex = 0;
      if (!pattern.test(block.textContent)) continue;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = node.data;
        if (data.includes('lm') || data.includes('LM')) { pattern.lastIndex = 0; if (pattern.test(data)) found++; }
      }
    }
    return { ms: performance.now() - t, found };`,
  'offsets, descended by text length': `
    const t = performance.now();
    const text = document.body.textContent ?? '';
    const offsets = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) offsets.push(m.index);
    let next = 0;
    let found = 0;
    const descend = (parent, base) => {
      for (let child = parent.firstChild; child !== null && next < offsets.length; child = child.nextSibling) {
        const type = child.nodeType;
        const length = type === Node.TEXT_NODE ? child.data.length : type === Node.ELEMENT_NODE ? child.textContent.length : 0;
        if (offsets[next] < base + length) {
          if (type !== Node.TEXT_NODE) descend(child, base);
          else for (found++; next < offsets.length && offsets[next] < base + length; ) next++;
        }
        base += length;
      }
    };
    descend(document.body, 0);
    return { ms: performance.now() - t, found };`,
  'XPath candidates, excluded, ranged': `
    const t = performance.now();
    const r = document.evaluate("descendant::text()[contains(string(), 'lm') or contains(string(), 'LM')]", document.body, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    const ranges = [];
    for (let i = 0; i < r.snapshotLength; i++) rangeMentions(r.snapshotItem(i), ranges);
    return { ms: performance.now() - t, found: ranges.length };`,
  'walked candidates, excluded, ranged': `
    const t = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const ranges = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      if (data.includes('lm') || data.includes('LM')) rangeMentions(node, ranges);
    }
    return { ms: performance.now() - t, found: ranges.length };`,
} as const;
type Way = keyof typeof WAYS;

/** Ways that find every text node holding a mention (the gate alone and the single test do not). */
const COMPLETE: Way[] = [
  'candidates, both tests, read',
  'every text node from script',
  'blocks gated, then XPath',
  'blocks gated, then walked',
  'offsets, descended by text length',
];
/** Ways that also do the least a content script must do with what it found: drop excluded text, range each mention. */
const PIPELINES: Way[] = ['XPath candidates, excluded, ranged', 'walked candidates, excluded, ranged'];

/**
 * In scope for every way: the least work per candidate text node that a
 * marking script cannot skip. Text in an excluded region (code, form fields,
 * editors: Engine Lens's own selector, decided by the parent's name where
 * that is enough, else by one `closest()` per parent) is dropped; each match
 * of the pattern gets a Range. No word-boundary or address checks, no
 * registry, no painting.
 */
const RANGE_MENTIONS = `
  const excluded = ${JSON.stringify(excludedSelector())};
  const parentNames = new Set(['textarea', 'script', 'style', 'option', 'title', 'noscript', 'pre', 'code', 'kbd', 'samp']);
  const parentExcluded = new Map();
  const rangeMentions = (node, ranges) => {
    const parent = node.parentElement;
    if (parent === null || parentNames.has(parent.localName)) return;
    let out = parentExcluded.get(parent);
    if (out === undefined) parentExcluded.set(parent, (out = parent.closest(excluded) !== null));
    if (out) return;
    const data = node.data;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(data); m; m = pattern.exec(data)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      ranges.push(range);
    }
  };`;

/** Outside the clock: the blocks a gate reads, i.e. the children of the element with the most element children. */
const FIND_BLOCKS = `
  let widest = document.body;
  let most = widest.childElementCount;
  for (const el of document.body.getElementsByTagName('*')) {
    const count = el.childElementCount;
    if (count > most) { widest = el; most = count; }
  }
  const blocks = Array.from(widest.children);`;

interface Measured {
  ms: number;
  found: number;
}

test('limits: the cheapest ways of finding mentions against the floor', async () => {
  test.setTimeout(30 * 60_000);
  const loadBefore = os.loadavg()[0]!;
  const pages = benchPages();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-lens-limits-'));
  // No extension: nothing but the measured code runs in the page.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs().filter((arg) => !arg.includes('extension')),
  });
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    await context.route(`${ORIGIN}**`, (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() as BenchPageName;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages[name].html });
    });
    const results: Record<string, { floorMs: number; floorIsolatedMs: number; ways: Record<Way, { ms: number; found: number; overFloor: number }> }> = {};
    for (const name of PAGE_NAMES) {
      const floor: number[] = [];
      const floorIsolated: number[] = [];
      const runs = Object.fromEntries(Object.keys(WAYS).map((way) => [way, [] as Measured[]])) as Record<Way, Measured[]>;
      for (let i = 0; i < RUNS[name]; i++) {
        const measured = await measureLoad(context, name, i);
        floor.push(measured.floor.ms);
        floorIsolated.push(measured.floorIsolated.ms);
        for (const way of Object.keys(WAYS) as Way[]) runs[way].push(measured.ways[way]);
      }
      const floorMs = median(floor);
      results[name] = {
        floorMs: round(floorMs),
        floorIsolatedMs: round(median(floorIsolated)),
        ways: Object.fromEntries(
          (Object.keys(WAYS) as Way[]).map((way) => {
            const ms = median(runs[way].map((r) => r.ms));
            return [way, { ms: round(ms), found: runs[way][0]!.found, overFloor: round(ms / floorMs) }];
          }),
        ) as Record<Way, { ms: number; found: number; overFloor: number }>,
      };
      console.log(`${name}: floor ${round(floorMs)} ms; ${[...COMPLETE, ...PIPELINES].map((w) => `${w} ${results[name]!.ways[w].overFloor}×`).join(', ')}`);
    }
    const report = {
      date: new Date().toISOString(),
      environment: {
        browser: `Chromium ${context.browser()?.version() ?? '(persistent context)'}`,
        cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
        loadAverage: { before: round(loadBefore, 2), after: round(os.loadavg()[0]!, 2) },
        runs: RUNS,
      },
      pages: results,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'limits.json'), JSON.stringify(report, null, 2) + '\n');
    const markdown = limitsMarkdown(report);
    fs.writeFileSync(path.join(RESULTS_DIR, 'limits.md'), markdown);
    console.log(markdown);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});

const FLOOR = `
  const t = performance.now();
  const text = document.body.textContent ?? '';
  let found = 0;
  while (pattern.exec(text)) found++;
  return { ms: performance.now() - t, found };`;

/**
 * One fresh load of `name`: the floor in the page's world, then every way (and
 * the floor again) each in an isolated world of its own, created for it, so no
 * wrapper is shared between them. A full garbage collection comes before each,
 * so none pays for another's garbage; the order turns with `run`, so none is
 * always first.
 */
async function measureLoad(context: BrowserContext, name: BenchPageName, run: number) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(`${ORIGIN}${name}?run=${run}`, { waitUntil: 'load' });
    // After the first frames, as a content script at document_idle would be.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(300);
    const evaluate = async (body: string, world: number | undefined) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const expression = `(() => {
        const pattern = new RegExp(${JSON.stringify(MENTION_PATTERN_SOURCE)}, ${JSON.stringify(MENTION_PATTERN_FLAGS)});
        ${FIND_BLOCKS}
        ${RANGE_MENTIONS}
        ${body}
      })()`;
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world, returnByValue: true });
      if (exceptionDetails) throw new Error(`${name}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as Measured;
    };
    const floor = await evaluate(FLOOR, undefined);
    const entries = Object.entries({ ...WAYS, floorIsolated: FLOOR }) as Array<[Way | 'floorIsolated', string]>;
    const turned = [...entries.slice(run % entries.length), ...entries.slice(0, run % entries.length)];
    const ways = {} as Record<Way, Measured>;
    let floorIsolated: Measured | null = null;
    for (const [way, body] of turned) {
      const measured = await evaluate(body, await isolatedWorld(cdp, `limits-${way}`));
      if (way === 'floorIsolated') floorIsolated = measured;
      else ways[way] = measured;
    }
    return { floor, floorIsolated: floorIsolated!, ways };
  } finally {
    await cdp.detach();
    await page.close();
  }
}

/** A new isolated world in the page's main frame: the kind of world a content script runs in. */
async function isolatedWorld(cdp: CDPSession, worldName: string): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName });
  return executionContextId;
}

function cheapest(ways: Record<Way, { overFloor: number }>, among: Way[]): number {
  return Math.min(...among.map((way) => ways[way].overFloor));
}

function limitsMarkdown(report: {
  date: string;
  environment: { browser: string; cpu: string; loadAverage: { before: number; after: number }; runs: Record<string, number> };
  pages: Record<string, { floorMs: number; floorIsolatedMs: number; ways: Record<Way, { ms: number; found: number; overFloor: number }> }>;
}): string {
  const names = Object.keys(report.pages);
  const cell = (ms: number, over: number) => `${ms} ms (${over}×)`;
  const lines = [
    '# Finding mentions: the cheapest known ways against the floor',
    '',
    `${report.date.slice(0, 16).replace('T', ' ')} UTC · ${report.environment.browser} (headless) · ${report.environment.cpu} · load average ${report.environment.loadAverage.before} → ${report.environment.loadAverage.after}.`,
    `Medians of ${names.map((n) => report.environment.runs[n]).join('/')} fresh loads (${names.join("/")}), each way in an isolated world of its own after a full garbage collection, with nothing of Engine Lens loaded. What each way is: test/bench/limits.spec.ts.`,
    '',
    `| way | ${names.join(' | ')} |`,
    `| --- | ${names.map(() => '---').join(' | ')} |`,
    `| floor: \`body.textContent\` + the pattern (page's world) | ${names.map((n) => `${report.pages[n]!.floorMs} ms`).join(' | ')} |`,
    `| the same in an isolated world | ${names.map((n) => `${report.pages[n]!.floorIsolatedMs} ms`).join(' | ')} |`,
    ...(Object.keys(WAYS) as Way[]).map(
      (way) =>
        `| ${COMPLETE.includes(way) || PIPELINES.includes(way) ? `**${way}**` : way} | ${names.map((n) => cell(report.pages[n]!.ways[way].ms, report.pages[n]!.ways[way].overFloor)).join(' | ')} |`,
    ),
    `| **cheapest way to find them ÷ floor** | ${names.map((n) => `**${cheapest(report.pages[n]!.ways, COMPLETE)}×**`).join(' | ')} |`,
    `| **cheapest way to find, exclude and range them ÷ floor** | ${names.map((n) => `**${cheapest(report.pages[n]!.ways, PIPELINES)}×**`).join(' | ')} |`,
    '',
    'The first five ways in bold find every text node that holds a mention; the others above them are parts of one (a',
    'lower bound for it). The last two also drop text in excluded regions (code, form fields, editors) and make a',
    'Range for each match: the least a marking script does with what it found. None of them checks word boundaries',
    'or addresses, keeps a registry, paints, or splits its work into short tasks: a content script built on the',
    'cheapest of them costs more than its figure here.',
    '',
  ];
  return lines.join('\n');
}
