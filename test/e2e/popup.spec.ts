import { editStoredDataset, stopServiceWorker } from './extension-helpers';
import { expect, extensionWorker, test } from './fixtures';
import { expandEverything, sidewaysOverflow } from './layout-helpers';

test.describe('popup: the side-by-side comparison', () => {
  test('shows the verdict, both scores, all 7 differences and a flagged contradiction', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    const verdict = popup.getByRole('region', { name: /Verdict/ });
    await expect(verdict).toContainText('vLLM is a faster, more flexible open-source inference engine');
    // Verdict first: it is the first section of the view.
    await expect(popup.locator('main h2').first()).toHaveText(/^Verdict/);
    await expect(verdict.getByLabel('vLLM score')).toHaveText('8.6');
    await expect(verdict.getByLabel('TensorRT-LLM score')).toHaveText('6.4');
    await expect(verdict.getByRole('heading', { name: 'Choose vLLM if' })).toBeVisible();
    await expect(verdict.getByRole('heading', { name: 'Choose TensorRT-LLM if' })).toBeVisible();

    const differences = popup.getByRole('region', { name: /Key differences/ });
    await expect(differences.getByRole('listitem').filter({ has: popup.getByRole('heading', { level: 3 }) })).toHaveCount(7);
    await expect(differences).toContainText('Hardware Compatibility');
    await expect(differences).toContainText('Cost of Ownership');
    await expect(differences.getByText('TensorRT-LLM wins')).toHaveCount(2);

    // Every GitHub-star row is flagged, and the flag expands to all five vLLM claims.
    const facts = popup.getByRole('region', { name: /Facts & figures/ });
    const starRow = facts.getByRole('row', { name: /GitHub Stars \(as of 2026\)/ });
    await expect(starRow).toContainText('22,500 stars');
    const flag = starRow.getByRole('button', { name: 'Sources disagree' });
    await expect(flag).toHaveAttribute('aria-expanded', 'false');
    await flag.click();
    await expect(flag).toHaveAttribute('aria-expanded', 'true');
    const claims = popup.getByRole('list', { name: 'GitHub stars claims for vLLM' }).first();
    for (const value of ['50,000+', '21,000+', '22,500 stars', '7,500+', '25,000+ stars, weekly updates']) {
      await expect(claims).toContainText(value);
    }
    // Provenance is always on screen, not only at the end of the scroll.
    const provenance = popup.getByRole('contentinfo', { name: 'Provenance' });
    await expect(provenance).toContainText('Last updated Jun 2026');
    await expect(provenance).toContainText('AI generated');
    await expect(provenance).toBeInViewport();
  });

  test('"Where the sources disagree" lists the contradictions in words beside the numeric ones, each statement quoted', async ({
    openExtensionPage,
  }) => {
    const popup = await openExtensionPage('popup.html');
    const panel = popup.getByRole('region', { name: /Where the sources disagree/ });
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Where the sources disagree (9)');
    await expect(panel.getByRole('group', { name: 'In figures (4)' })).toBeVisible();
    const words = panel.getByRole('group', { name: 'In words (5)' });
    for (const title of [
      'Which engine is faster',
      'How much faster TensorRT-LLM is per token',
      'Setup Time (basic inference): minutes or days',
      'Which engine has the higher throughput',
      'Whether vLLM runs on CPUs',
    ]) {
      await expect(words.locator('summary', { hasText: title })).toBeVisible();
    }
    await words.locator('summary', { hasText: 'How much faster TensorRT-LLM is per token' }).click();
    const claims = words.getByRole('list', { name: 'How much faster TensorRT-LLM is per token: what the source says' });
    await expect(claims).toContainText('20-30% faster on A100/H100 GPUs');
    await expect(claims).toContainText('Per-token latency 30-40% higher than TensorRT-LLM on NVIDIA GPUs');
    await expect(claims.getByRole('listitem').filter({ hasText: '+57%' })).toContainText('Per-Token Latency (Llama 2 70B)');
    // The verdict itself carries the warning, expanding to the same statements.
    const verdict = popup.getByRole('region', { name: /Verdict/ });
    const flag = verdict.getByRole('button', { name: /Sources disagree \(3\)/ });
    await flag.click();
    await expect(verdict).toContainText('Which engine is faster');
    await expect(verdict).toContainText('vLLM is a faster, more flexible open-source inference engine');
  });

  test('"—" where the source has no value, and the filter narrows the table', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    const facts = popup.getByRole('region', { name: /Facts & figures/ });
    const ttft = facts.getByRole('row', { name: /Time to First Token/ });
    await expect(ttft.getByRole('cell').nth(0)).toHaveText('80-120 ms');
    await expect(ttft.getByRole('cell').nth(1)).toHaveText('—');
    await facts.getByLabel('Filter facts').fill('setup time');
    // The three "Setup Time" rows and "Distributed Parallelism Setup Time".
    await expect(facts.getByRole('row', { name: /Setup Time/ })).toHaveCount(4);
    await expect(facts.getByRole('row', { name: /Time to First Token/ })).toHaveCount(0);
    await expect(facts.getByRole('status')).toHaveText(/^4 of \d+ rows$/);
  });

  test('reads from the worker\'s IndexedDB: an edit to the stored dataset shows in the popup', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
    await editStoredDataset(popup, 'shortAnswer', 'Edited straight in IndexedDB.');
    await popup.reload();
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('Edited straight in IndexedDB.');
  });

  for (const damage of ['corrupt', 'oldSchema'] as const) {
    test(`a ${damage} stored dataset falls back to the bundled data and says so`, async ({ openExtensionPage }) => {
      const popup = await openExtensionPage('popup.html');
      await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
      await editStoredDataset(popup, 'shortAnswer', 'Edited before the damage.');
      await editStoredDataset(popup, damage);
      await popup.reload();
      await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
      await expect(popup.getByRole('region', { name: /Verdict/ }).getByLabel('vLLM score')).toHaveText('8.6');
      await expect(popup.getByRole('status').filter({ hasText: 'could not be used' })).toBeVisible();
    });
  }

  test('keeps working after the service worker is stopped and restarted', async ({ context, openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await editStoredDataset(popup, 'shortAnswer', 'Survives a worker restart.');
    const before = await extensionWorker(context);
    await before.evaluate(() => ((globalThis as { marker?: number }).marker = 1));
    await stopServiceWorker(context, popup);
    await popup.reload(); // the popup's message wakes a fresh worker
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('Survives a worker restart.');
    const after = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    expect(after).toBeDefined();
    // A global set in the old worker is gone: it really restarted.
    expect(await after!.evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
  });

  test('the full comparison also opens as a page', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('comparison.html');
    await expect(page.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
  });
});

test.describe('popup accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violations (${colorScheme}), expanded panels included`, async ({ openExtensionPage }) => {
      const popup = await openExtensionPage('popup.html');
      await popup.emulateMedia({ colorScheme });
      await popup.setViewportSize({ width: 600, height: 600 });
      await expect(popup.getByRole('region', { name: /Verdict/ })).toBeVisible();
      await popup.getByRole('button', { name: 'Sources disagree' }).first().click();
      const { default: AxeBuilder } = await import('@axe-core/playwright');
      const results = await new AxeBuilder({ page: popup }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('is usable by keyboard alone', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('region', { name: /Verdict/ })).toBeVisible();
    // Tab to the first "Sources disagree" flag and open it with Enter.
    for (let i = 0; i < 40; i++) {
      await popup.keyboard.press('Tab');
      const name = await popup.evaluate(() => document.activeElement?.textContent ?? '');
      if (name.includes('Sources disagree')) break;
    }
    const focused = popup.locator(':focus');
    await expect(focused).toHaveText(/Sources disagree/);
    await popup.keyboard.press('Enter');
    await expect(focused).toHaveAttribute('aria-expanded', 'true');
  });
});

test.describe('layout', () => {
  for (const pathname of ['popup.html', 'comparison.html']) {
    test(`${pathname} reads from 360 to 800 px without sideways scrolling, expanded panels included`, async ({ openExtensionPage }) => {
      const page = await openExtensionPage(pathname);
      await expect(page.getByRole('region', { name: /Verdict/ })).toBeVisible();
      await expandEverything(page);
      for (const width of [360, 400, 480, 600, 800]) {
        await page.setViewportSize({ width, height: 600 });
        expect(await sidewaysOverflow(page), `${pathname} at ${width} px`).toEqual([]);
        await expect(page.getByRole('contentinfo', { name: 'Provenance' })).toBeInViewport();
      }
      // The Diff column is on screen, not behind a sideways scroll, at the narrowest width.
      await page.setViewportSize({ width: 360, height: 600 });
      const diff = page.locator('tr[data-fact-id="per-token-latency-llama-2-70b"] td.diff');
      await diff.scrollIntoViewIfNeeded();
      await expect(diff).toHaveText('+57%');
      await expect(diff).toBeInViewport({ ratio: 1 });
    });
  }

  test('at 1280 px the full page uses its width: pros beside cons, the FAQ beside the engines, differences in two columns', async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('comparison.html');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.getByRole('region', { name: /Verdict/ })).toBeVisible();
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width) };
      };
      return {
        pros: box('.pros-cons.engine-vllm .pros'),
        cons: box('.pros-cons.engine-vllm .cons'),
        trtPros: box('.pros-cons.engine-tensorrt-llm .pros'),
        faq: box('section[aria-labelledby="faq-heading"]'),
        engines: box('section[aria-labelledby="audience-heading"]'),
        first: box('.difference:nth-child(1)'),
        second: box('.difference:nth-child(2)'),
      };
    });
    expect(boxes.cons.top).toBe(boxes.pros.top);
    expect(boxes.cons.left).toBeGreaterThan(boxes.pros.left + boxes.pros.width - 1);
    expect(boxes.trtPros.left).toBeGreaterThan(boxes.cons.left);
    expect(boxes.engines.top).toBe(boxes.faq.top);
    expect(boxes.engines.left).toBeGreaterThan(boxes.faq.left);
    expect(Math.abs(boxes.second.top - boxes.first.top)).toBeLessThan(5);
  });

  for (const pathname of ['popup.html', 'comparison.html']) {
    test(`${pathname}: no text under 12 px, the verdict lines the largest body text`, async ({ openExtensionPage }) => {
      const page = await openExtensionPage(pathname);
      await page.setViewportSize({ width: pathname === 'popup.html' ? 800 : 1280, height: 600 });
      await expect(page.getByRole('region', { name: /Verdict/ })).toBeVisible();
      // The popup asks for 600 px where it has the room.
      if (pathname === 'popup.html') expect(await page.evaluate(() => document.body.getBoundingClientRect().width)).toBe(600);
      await expandEverything(page);
      const sizes = await page.evaluate(() => {
        const small: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent?.trim() || el.closest('.visually-hidden')) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 12) small.push(`${size}px: ${n.textContent.trim().slice(0, 40)}`);
        }
        const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
        return { small, verdict: px('.verdict-line'), choose: px('.choose p'), shortAnswer: px('.short-answer') };
      });
      expect(sizes.small).toEqual([]);
      // The verdict and both "Choose … if" lines are the most readable text, the short answer below them.
      expect(sizes.verdict).toBeGreaterThanOrEqual(13);
      expect(sizes.choose).toBeGreaterThanOrEqual(13);
      expect(sizes.verdict).toBeGreaterThan(sizes.shortAnswer);
    });
  }
});
