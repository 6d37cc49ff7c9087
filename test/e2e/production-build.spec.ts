/**
 * The production build emits no User Timing entries: marks and measures are
 * visible to the page (a measure per card would tell it each time a card
 * opens). The instrumentation exists only in benchmark builds
 * (WXT_ENGINE_LENS_BENCH=1, `npm run bench`); see entrypoints/mentions.content/perf.ts
 * and entrypoints/card.content/timing.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, expect, readFixture, serveAt, test } from './fixtures';
import { mentionPoint, readCard } from './card-helpers';
import { highlightTexts, waitForMentionScript } from './mentions-helpers';

test('the built content scripts carry no User Timing names', () => {
  const dir = path.join(EXTENSION_DIR, 'content-scripts');
  const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts).toEqual(expect.arrayContaining(['mentions.js', 'card.js']));
  for (const file of scripts) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(source.includes('engine-lens:'), `${file} names an engine-lens: entry`).toBe(false);
  }
});

test('marking a page and opening a card leave no performance entry of ours', async ({ context, worker }) => {
  await waitForMentionScript(worker);
  const url = 'https://github.com/vllm-project/vllm/issues/1';
  await serveAt(context, url, readFixture('mentions-github-issue.html'));
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(async () => (await highlightTexts(page)).trt.length).toBeGreaterThan(0);
  const point = await mentionPoint(page, 'trt', 0);
  await page.mouse.move(5, 5);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await expect.poll(async () => (await readCard(page)).open).toBe(true);
  await page.waitForTimeout(200); // a measure would be recorded after the card's frame
  const ours = await page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
      .map((e) => e.name),
  );
  expect(ours.filter((name) => name.startsWith('engine-lens'))).toEqual([]);
  expect(ours).toEqual([]);
});
