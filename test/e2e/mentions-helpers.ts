/**
 * Helpers for the mentions content script's end-to-end tests and benchmark:
 * wait for its run-time registration, read the page's highlights from the page
 * world, and talk to the content script's isolated world over CDP (without
 * touching the page's DOM).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';

export const HIGHLIGHTS = { vllm: 'engine-lens-vllm', trt: 'engine-lens-tensorrt-llm' } as const;

/**
 * The background registers the content script at run time, a moment after the
 * worker starts. A page opened before that would (rightly) not be marked, so
 * tests wait for the registration first.
 */
export async function waitForMentionScript(worker: Worker): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ids = await worker.evaluate(async () => {
      type Scripting = { getRegisteredContentScripts(): Promise<Array<{ id: string }>> };
      const { chrome } = globalThis as unknown as { chrome: { scripting: Scripting } };
      return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
    });
    if (ids.includes('engine-lens-mentions')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the mentions content script was never registered');
}

/** One highlighted range as seen from the page world. */
export interface RangeInfo {
  text: string;
  /** The range starts and ends in the same, connected text node. */
  inOneConnectedTextNode: boolean;
  /** The nearest element's tag name (lower case). */
  parent: string;
}

/**
 * The ranges of both highlights, each in document order, read from the page's
 * own world through `CSS.highlights` (the registry is shared by all worlds).
 */
export async function readHighlights(page: Page): Promise<{ vllm: RangeInfo[]; trt: RangeInfo[] }> {
  return page.evaluate((names) => {
    const read = (name: string) => {
      const highlight = CSS.highlights.get(name);
      const ranges = highlight ? ([...highlight] as Range[]) : [];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map((r) => ({
        text: r.toString(),
        inOneConnectedTextNode:
          r.startContainer === r.endContainer && r.startContainer.nodeType === 3 && r.startContainer.isConnected,
        parent: (r.startContainer.parentElement?.localName ?? '').toLowerCase(),
      }));
    };
    return { vllm: read(names.vllm), trt: read(names.trt) };
  }, HIGHLIGHTS);
}

/** Just the texts of both highlights, in document order. */
export async function highlightTexts(page: Page): Promise<{ vllm: string[]; trt: string[] }> {
  const { vllm, trt } = await readHighlights(page);
  return { vllm: vllm.map((r) => r.text), trt: trt.map((r) => r.text) };
}

/**
 * Evaluates expressions in the content script's isolated world through the
 * Chrome DevTools Protocol. The content script publishes its API there under
 * `Symbol.for('engine-lens.isolated-world')` (see lib/browser/isolated-world.ts);
 * the page's own scripts cannot see it.
 */
export class IsolatedWorld {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly contextId: number,
  ) {}

  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<IsolatedWorld> {
    const cdp = await context.newCDPSession(page);
    const contexts: Array<{ id: number; origin: string; auxData?: { isDefault?: boolean; frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c));
    await cdp.send('Runtime.enable');
    for (let i = 0; i < 100; i++) {
      // Newest first: after a reload the old world is gone.
      for (const c of [...contexts].reverse()) {
        if (c.origin !== `chrome-extension://${extensionId}` || c.auxData?.isDefault) continue;
        const world = new IsolatedWorld(cdp, c.id);
        try {
          if (await world.evaluate<boolean>(`!!globalThis[Symbol.for('engine-lens.isolated-world')]?.mentions`)) return world;
        } catch {
          // context already destroyed
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the content script world with the mentions API never appeared');
  }

  /** Evaluates `expression` (awaiting a returned promise) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.contextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) {
      throw new Error(`isolated world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    }
    return result.result.value as T;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

/** An engine's line colour (the underline), read from its one definition (components/engine-colors.css). */
export function engineLine(engine: 'vllm' | 'tensorrt-llm'): readonly [number, number, number] {
  const css = readFileSync(path.resolve('components/engine-colors.css'), 'utf8');
  const hex = new RegExp(`--engine-${engine}-line:\\s*#([0-9a-f]{6})`, 'i').exec(css)![1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as readonly [number, number, number];
}
