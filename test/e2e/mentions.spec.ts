import type { BrowserContext, Page } from '@playwright/test';
import { expect, readFixture, serveAt, test } from './fixtures';
import { engineLine, highlightTexts, IsolatedWorld, readHighlights, waitForMentionScript } from './mentions-helpers';
import { countColor, decodePng } from './png';

const ISSUE_URL = 'https://github.com/vllm-project/vllm/issues/1';

/** What the GitHub issue fixture must show, in document order (excluded regions contribute nothing). */
const ISSUE_EXPECTED = {
  vllm: ['vllm', 'vllm', 'vLLM', 'vLLM', 'vLLM', 'vLLM', 'vLLM', 'vLLM', 'vllm', 'vllm'],
  trt: ['TensorRT-LLM', 'TensorRT\u2011LLM', 'TRT-LLM', 'TensorRT-LLM', 'TensorRT-LLM', 'TensorRT-LLM', 'trtllm'],
};

/**
 * Records, from the page's own world, every DOM mutation of any kind after the
 * document is parsed (the fixtures have no scripts of their own, so any record
 * would come from the extension), and keeps the page's HTML as parsed.
 */
const RECORD_MUTATIONS = `
  window.__mutations = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) window.__mutations.push(r.type + ':' + (r.attributeName || ''));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => {
    // The parser's own insertions are not ours: start counting once the document is parsed.
    observer.takeRecords();
    window.__mutations = [];
    window.__htmlAtLoad = document.documentElement.outerHTML;
  });
`;

async function openAt(context: BrowserContext, url: string, html: string, headers: Record<string, string> = {}) {
  await serveAt(context, url, html, headers);
  const page = await context.newPage();
  await page.addInitScript(RECORD_MUTATIONS);
  await page.goto(url);
  return page;
}

/** Waits until the highlights hold exactly `expected` (texts in document order). */
async function expectMarks(page: Page, expected: { vllm: string[]; trt: string[] }) {
  await expect.poll(() => highlightTexts(page)).toEqual(expected);
}

test.describe('mentions: marking', () => {
  test.beforeEach(async ({ worker }) => {
    await waitForMentionScript(worker);
  });

  test('GitHub issue page: exactly the prose mentions, each range exactly its characters', async ({ context }) => {
    const page = await openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'));
    await expectMarks(page, ISSUE_EXPECTED);
    const { vllm, trt } = await readHighlights(page);
    for (const r of [...vllm, ...trt]) {
      expect(r.inOneConnectedTextNode).toBe(true);
      // Nothing from code, forms, editors, SVG, templates or scripts.
      expect(['code', 'pre', 'kbd', 'samp', 'textarea', 'option', 'text', 'td', 'script', 'style', 'title']).not.toContain(r.parent);
    }
  });

  test('the page HTML is byte-identical and not a single DOM mutation happens', async ({ context }) => {
    const html = readFixture('mentions-github-issue.html');
    const page = await openAt(context, ISSUE_URL, html);
    await expectMarks(page, ISSUE_EXPECTED);
    // Hit-testing runs on pointer moves; keep to the empty right margin so that no
    // card opens (a card adds its own UI host, which the card's tests cover).
    await page.mouse.move(1270, 10);
    await page.mouse.move(1270, 880, { steps: 5 });
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      atLoad: (window as unknown as { __htmlAtLoad: string }).__htmlAtLoad,
      mutations: (window as unknown as { __mutations: string[] }).__mutations,
    }));
    expect(after.mutations).toEqual([]);
    expect(after.html).toBe(after.atLoad);

    // The same document at a site Engine Lens does not run on serializes identically.
    const unmatched = await openAt(context, 'https://example.org/issue', html);
    await unmatched.waitForLoadState('load');
    expect(await unmatched.evaluate(() => document.documentElement.outerHTML)).toBe(after.html);
    expect(await highlightTexts(unmatched)).toEqual({ vllm: [], trt: [] });
  });

  test('docs page (docs.vllm.ai)', async ({ context }) => {
    const page = await openAt(context, 'https://docs.vllm.ai/en/latest/serving/trtllm.html', readFixture('mentions-docs.html'));
    await expectMarks(page, {
      vllm: ['vLLM', 'vLLM', 'vLLM', 'VLLM', 'vLLM', 'vllm'],
      trt: ['TensorRT-LLM', 'TensorRT LLM', 'tensorrt_llm', 'TRTLLM', 'TensorRT\u2010LLM', 'TensorRT-LLM'],
    });
  });

  test('forum thread (forums.developer.nvidia.com)', async ({ context }) => {
    const page = await openAt(
      context,
      'https://forums.developer.nvidia.com/t/trt-llm-vs-vllm/300001',
      readFixture('mentions-forum.html'),
    );
    await expectMarks(page, {
      vllm: ['vLLM', 'vLLM', 'vllm', 'vllm', 'vLLM', 'vLLM'],
      trt: ['TRT-LLM', 'TRT-LLM', 'TRT-LLM', 'trtllm', 'TensorRT-LLM', 'TRTLLM', 'TensorRT-LLM'],
    });
  });
});

test.describe('mentions: dynamic pages', () => {
  test.beforeEach(async ({ worker }) => {
    await waitForMentionScript(worker);
  });

  test('a long timeline, read in runs of siblings, has every mention registered once and in order', async ({ context, extensionId }) => {
    // 2,400 sibling comments of 12 elements each: the scanner queries them in
    // runs whose starts XPath finds (`position() mod N`), several runs long,
    // and in slices. A run start off by one would skip or repeat comments.
    const COMMENTS = 2400;
    const comment = (i: number) =>
      `<div class="timeline-comment"><div class="h"><a href="#c${i}">user${i % 7}</a> <span>commented</span></div>` +
      `<div class="b"><p>Reply ${i}: we run <em>vLLM</em> ${i}.</p><ul><li>one</li><li>two</li></ul>` +
      `<p><span>note</span> <span>${i % 3 === 0 ? `TRT-LLM ${i}` : 'nothing'}</span></p></div></div>`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head>
      <body><main><div class="js-discussion">${Array.from({ length: COMMENTS }, (_, i) => comment(i)).join('\n')}</div></main></body></html>`;
    const page = await openAt(context, 'https://github.com/vllm-project/vllm/issues/77', html);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    const list = () =>
      world.evaluate<string[]>(
        `globalThis[Symbol.for('engine-lens.isolated-world')]?.mentions.listMentions().map((m) => m.range.startContainer.parentElement.closest('.timeline-comment').querySelector('a').getAttribute('href') + '|' + m.text) ?? []`,
      );
    const expected: string[] = [];
    for (let i = 0; i < COMMENTS; i++) {
      expected.push(`#c${i}|vLLM`);
      if (i % 3 === 0) expected.push(`#c${i}|TRT-LLM`);
    }
    await expect.poll(async () => (await list()).length, { timeout: 20_000 }).toBe(expected.length);
    expect(await list()).toEqual(expected);
    await world.detach();
  });

  test('only marks near the viewport stay painted, following scrolls, hidden text and layout shifts', async ({ context, extensionId }) => {
    // Chromium revalidates every painted range after each DOM change, on screen
    // or not: a page of 200 marks paints the few within a viewport height of
    // the screen. Every mention stays registered.
    const COMMENTS = 200;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tall</title>
      <style>p.c { height: 100px; margin: 0; } #spacer { height: 1200px; }</style></head><body><main>
      <details id="more"><summary>Details</summary><p>Folded away: TRT-LLM.</p></details>
      <div id="spacer"></div>
      ${Array.from({ length: COMMENTS }, (_, i) => `<p class="c" id="c${i}">Reply ${i}: vLLM</p>`).join('\n')}
      </main></body></html>`;
    const page = await openAt(context, 'https://github.com/vllm-project/vllm/issues/78', html);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    const registered = () => world.evaluate<number>(`globalThis[Symbol.for('engine-lens.isolated-world')]?.mentions.listMentions().length ?? 0`);
    // What is painted against what is near: ids of painted and of near comments.
    const paintedAndNear = () =>
      page.evaluate(() => {
        const ids = (name: string) =>
          [...((CSS.highlights.get(name) ?? []) as Iterable<Range>)].map((r) => r.startContainer.parentElement!.id || 'hidden').sort();
        const near = [...document.querySelectorAll('p.c')]
          .filter((p) => {
            const r = p.getBoundingClientRect();
            return r.bottom >= -innerHeight && r.top <= 2 * innerHeight;
          })
          .map((p) => p.id)
          .sort();
        return { painted: ids('engine-lens-vllm'), near, trt: ids('engine-lens-tensorrt-llm') };
      });
    const expectPaintedNear = async () => {
      await expect
        .poll(async () => {
          const { painted, near } = await paintedAndNear();
          return near.length > 0 && painted.join() === near.join();
        })
        .toBe(true);
    };

    await expect.poll(registered).toBe(COMMENTS + 1);
    await expectPaintedNear();
    const atTop = await paintedAndNear();
    expect(atTop.painted.length).toBeLessThan(COMMENTS / 4);
    // The folded paragraph has no box: it stays painted, so opening it shows the mark at once.
    expect(atTop.trt).toEqual(['hidden']);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectPaintedNear();
    expect((await paintedAndNear()).painted).toContain(`c${COMMENTS - 1}`);
    expect((await paintedAndNear()).painted).not.toContain('c0');

    await page.evaluate(() => window.scrollTo(0, 0));
    await expectPaintedNear();
    // A layout shift without a scroll or a DOM change (a style): comments move up into view.
    const before = (await paintedAndNear()).painted;
    await page.evaluate(() => void (document.getElementById('spacer')!.style.height = '0px'));
    await expectPaintedNear();
    expect((await paintedAndNear()).painted.length).toBeGreaterThan(before.length);
    expect(await registered()).toBe(COMMENTS + 1);
    await world.detach();
  });

  test('appended comments are marked', async ({ context }) => {
    const page = await openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'));
    await expectMarks(page, ISSUE_EXPECTED);
    await page.evaluate(() => {
      const comment = document.createElement('div');
      comment.className = 'timeline-comment';
      const p = document.createElement('p');
      p.append('Late comment: vLLM beats ', Object.assign(document.createElement('b'), { textContent: 'TRTLLM' }), ' here.');
      comment.append(p);
      document.querySelector('.js-discussion')!.append(comment);
    });
    await expectMarks(page, {
      vllm: [...ISSUE_EXPECTED.vllm.slice(0, 8), 'vLLM', ...ISSUE_EXPECTED.vllm.slice(8)],
      trt: [...ISSUE_EXPECTED.trt.slice(0, 6), 'TRTLLM', ...ISSUE_EXPECTED.trt.slice(6)],
    });
  });

  test('removed, re-rendered, moved and rewritten content: no stale ranges, no duplicates', async ({ context }) => {
    const page = await openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'));
    await expectMarks(page, ISSUE_EXPECTED);

    // Collapse (remove) the second comment: its three vLLM and two TensorRT-LLM marks go.
    await page.evaluate(() => document.getElementById('issuecomment-2')!.remove());
    const withoutSecond = {
      vllm: ['vllm', 'vllm', 'vLLM', 'vLLM', 'vLLM', 'vllm', 'vllm'],
      trt: ['TensorRT-LLM', 'TensorRT\u2011LLM', 'TRT-LLM', 'TensorRT-LLM', 'trtllm'],
    };
    await expectMarks(page, withoutSecond);

    // Re-render the first comment as fresh nodes (what React does): marked once, not twice.
    await page.evaluate(() => {
      const old = document.getElementById('issuecomment-1')!;
      old.replaceWith(old.cloneNode(true));
    });
    await expectMarks(page, withoutSecond);

    // Move the title to the end of the page (same nodes, new place): still marked once.
    await page.evaluate(() => document.querySelector('main')!.append(document.querySelector('h1')!));
    await expectMarks(page, {
      vllm: ['vllm', 'vllm', 'vLLM', 'vLLM', 'vLLM', 'vllm', 'vllm'],
      trt: ['TensorRT\u2011LLM', 'TRT-LLM', 'TensorRT-LLM', 'trtllm', 'TensorRT-LLM'],
    });

    // Rewrite a text node in place.
    await page.evaluate(() => {
      const bdi = document.querySelector('bdi')!;
      (bdi.firstChild as Text).data = 'Now only about trtllm';
    });
    await expectMarks(page, {
      vllm: ['vllm', 'vllm', 'vLLM', 'vLLM', 'vllm', 'vllm'],
      trt: ['TensorRT\u2011LLM', 'TRT-LLM', 'TensorRT-LLM', 'trtllm', 'trtllm'],
    });
    for (const r of [...(await readHighlights(page)).vllm, ...(await readHighlights(page)).trt]) {
      expect(r.inOneConnectedTextNode).toBe(true);
    }
  });

  test('soft navigation (pushState + content swap + turbo:load) is marked and leaves no stale ranges', async ({ context }) => {
    const page = await openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'));
    await expectMarks(page, ISSUE_EXPECTED);
    await page.evaluate(() => {
      history.pushState({}, '', '/NVIDIA/TensorRT-LLM/issues/2');
      const main = document.createElement('main');
      const h1 = document.createElement('h1');
      h1.textContent = 'TRT-LLM: support for speculative decoding';
      const p = document.createElement('p');
      p.textContent = 'Compared with vLLM, trtllm-serve needs a built engine.';
      main.append(h1, p);
      document.querySelector('main')!.replaceWith(main);
      document.dispatchEvent(new Event('turbo:load'));
    });
    // Header and footer stay (2 + 2 vllm); the old main's marks are gone.
    await expectMarks(page, { vllm: ['vllm', 'vllm', 'vLLM', 'vllm', 'vllm'], trt: ['TRT-LLM', 'trtllm'] });
    const { vllm, trt } = await readHighlights(page);
    expect([...vllm, ...trt].every((r) => r.inOneConnectedTextNode)).toBe(true);

    // Back: Turbo-style whole-body swap.
    await page.evaluate(() => {
      history.back();
      const body = document.createElement('body');
      body.append(Object.assign(document.createElement('p'), { textContent: 'Back on the vLLM issue list' }));
      document.body.replaceWith(body);
    });
    await expectMarks(page, { vllm: ['vLLM'], trt: [] });
  });
});

test.describe('mentions: hostile pages', () => {
  test.beforeEach(async ({ worker }) => {
    await waitForMentionScript(worker);
  });

  test("strict CSP (default-src 'none'; style-src 'none') still gets marks and the underline", async ({ context }) => {
    const page = await openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'), {
      'content-security-policy': "default-src 'none'; style-src 'none'",
    });
    await expectMarks(page, ISSUE_EXPECTED);
    // The page's own <style> is blocked by its CSP, so the page is unstyled; our underline must still paint.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.timeline-comment')!).borderTopStyle)).toBe('none');
    await expectUnderline(page, 'vLLM', VLLM_LINE);
    await expectUnderline(page, 'TRT-LLM', TRT_LINE);
    // Control: without our highlights registered, that colour is gone (it came from them, nothing else).
    const box = await mentionBox(page, 'TRT-LLM');
    await page.evaluate(() => CSS.highlights.clear());
    const shot = decodePng(await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height + 6 } }));
    expect(countColor(shot, TRT_LINE, 40)).toBe(0);
  });

  test('a mark is told apart from a link: a tint of its engine colour behind the word, not coloured text', async ({ context }) => {
    const page = await openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'));
    await expectMarks(page, ISSUE_EXPECTED);
    for (const [text, line] of [['vLLM', VLLM_LINE], ['TRT-LLM', TRT_LINE]] as const) {
      const box = await mentionBox(page, text);
      const clip = { x: box.x, y: box.y, width: box.width, height: box.height };
      const marked = modalColor(decodePng(await page.screenshot({ clip })));
      await page.evaluate(() => {
        (globalThis as { savedHighlights?: unknown }).savedHighlights = new Map(CSS.highlights);
        CSS.highlights.clear();
      });
      const plain = modalColor(decodePng(await page.screenshot({ clip })));
      await page.evaluate(() => {
        for (const [name, h] of (globalThis as unknown as { savedHighlights: Map<string, Highlight> }).savedHighlights) CSS.highlights.set(name, h);
      });
      // The word's background is the page's background with the engine's line colour laid over it at a low alpha.
      const expected = plain.map((c, i) => c + (line[i]! - c) * 0.14);
      marked.forEach((c, i) => expect(Math.abs(c - expected[i]!), `${text} channel ${i}`).toBeLessThanOrEqual(6));
      expect(marked).not.toEqual(plain);
    }
  });

  test('hostile page CSS does not stop marking, the underline or hover', async ({ context, extensionId }) => {
    const page = await openAt(context, 'https://stackoverflow.com/questions/1/vllm-vs-trt', readFixture('mentions-hostile.html'));
    await expectMarks(page, { vllm: ['vLLM', 'vLLM', 'vllm'], trt: ['TensorRT-LLM', 'TRT-LLM'] });
    await expectUnderline(page, 'TensorRT-LLM', TRT_LINE);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    await recordHover(world);
    const box = await mentionBox(page, 'TensorRT-LLM');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => hoverLog(world)).toEqual(['enter tensorrt-llm TensorRT-LLM']);
  });
});

test.describe('mentions: hover hit-testing', () => {
  test.beforeEach(async ({ worker }) => {
    await waitForMentionScript(worker);
  });

  test('enter/leave fire over the glyphs only, not elsewhere on the same line', async ({ context, extensionId }) => {
    const page = await openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'));
    await expectMarks(page, ISSUE_EXPECTED);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    await recordHover(world);

    const mention = await mentionBox(page, 'TRT-LLM');
    const line = await page.evaluate(() => {
      const p = document.querySelector('strong')!.parentElement!.getBoundingClientRect();
      return { left: p.left, right: p.right };
    });
    const y = mention.y + mention.height / 2;

    // Same line, left of the mention (over other words), then right past the end of the text.
    await page.mouse.move(mention.x - 40, y);
    await page.mouse.move(line.right - 2, y);
    await page.waitForTimeout(150);
    expect(await hoverLog(world)).toEqual([]);

    await page.mouse.move(mention.x + mention.width / 2, y);
    await expect.poll(() => hoverLog(world)).toEqual(['enter tensorrt-llm TRT-LLM']);
    // The hovered mention is the one under the pointer: its glyph box.
    const rect = await world.evaluate<{ x: number; width: number }>(
      `(() => { const r = globalThis[Symbol.for('engine-lens.isolated-world')].mentions.hoveredMention().range.getClientRects()[0]; return { x: r.x, width: r.width }; })()`,
    );
    expect(rect.x).toBeCloseTo(mention.x, 0);
    expect(rect.width).toBeCloseTo(mention.width, 0);

    // Just past the last glyph on the same line: leave.
    await page.mouse.move(mention.x + mention.width + 6, y);
    await expect.poll(() => hoverLog(world)).toEqual(['enter tensorrt-llm TRT-LLM', 'leave tensorrt-llm TRT-LLM']);

    // The registry lists every mention in document order.
    const listed = await world.evaluate<string[]>(
      `globalThis[Symbol.for('engine-lens.isolated-world')].mentions.listMentions().map((m) => m.engine + ':' + m.text)`,
    );
    expect(listed).toHaveLength(ISSUE_EXPECTED.vllm.length + ISSUE_EXPECTED.trt.length);
    expect(listed.slice(0, 4)).toEqual(['vllm:vllm', 'vllm:vllm', 'vllm:vLLM', 'tensorrt-llm:TensorRT-LLM']);
  });
});

// ---------------------------------------------------------------------------

const VLLM_LINE = engineLine('vllm');
const TRT_LINE = engineLine('tensorrt-llm');

/** The most frequent colour of an image (its background). */
function modalColor(image: ReturnType<typeof decodePng>): [number, number, number] {
  const counts = new Map<number, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = (image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return [(key >> 16) & 255, (key >> 8) & 255, key & 255];
}

/** The viewport box of the first range (in either highlight) whose text is `text`. */
async function mentionBox(page: Page, text: string) {
  const box = await page.evaluate((text) => {
    for (const name of ['engine-lens-vllm', 'engine-lens-tensorrt-llm']) {
      for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
        if (r.toString() !== text) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0]!;
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
    return null;
  }, text);
  if (!box) throw new Error(`no highlighted range "${text}"`);
  return box;
}

/**
 * The underline is painted: a screenshot of the mention's line box (plus room
 * below for the underline) contains the engine's underline colour. The page's
 * text is never that colour, so the pixels can only come from our style.
 */
async function expectUnderline(page: Page, text: string, rgb: readonly [number, number, number]) {
  const box = await mentionBox(page, text);
  const shot = decodePng(
    await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height + 6 } }),
  );
  expect(countColor(shot, rgb, 40)).toBeGreaterThan(box.width / 3);
}

/** Starts recording hover events into a list kept in the isolated world. */
async function recordHover(world: IsolatedWorld) {
  await world.evaluate(`(() => {
    const api = globalThis[Symbol.for('engine-lens.isolated-world')].mentions;
    globalThis.__hoverLog = [];
    api.onMentionHover((e) => globalThis.__hoverLog.push(e.type + ' ' + e.mention.engine + ' ' + e.mention.text));
  })()`);
}

function hoverLog(world: IsolatedWorld): Promise<string[]> {
  return world.evaluate<string[]>('globalThis.__hoverLog');
}
