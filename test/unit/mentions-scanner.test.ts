// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BusyClock } from '../../entrypoints/mentions.content/perf';
import { MentionRegistry } from '../../entrypoints/mentions.content/registry';
import { SLICE_BUDGET_MS, startScanner } from '../../entrypoints/mentions.content/scanner';

/**
 * happy-dom has no XPath: a stand-in engine answers the candidate queries
 * with a TreeWalker, and a fake clock makes each query "take" `QUERY_MS` and
 * reading each candidate `VISIT_MS`, so the scanner's slices can be timed.
 */
const QUERY_MS = 4;
const VISIT_MS = 0.01;

describe('scanner time slices', () => {
  let clock = 0;
  const restore: Array<() => void> = [];

  beforeEach(() => {
    document.body.replaceChildren();
    clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    // Only what the scan uses of the XPath interfaces.
    const doc = document as unknown as { createExpression?: unknown; evaluate?: unknown };
    const previous = { createExpression: doc.createExpression, evaluate: doc.evaluate };
    const candidates = (context: Node) => {
      const nodes: Node[] = [];
      const walker = document.createTreeWalker(context, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/lm|LM/.test((n as Text).data)) nodes.push(n);
      return nodes;
    };
    doc.createExpression = () => ({
      evaluate(context: Node) {
        clock += QUERY_MS;
        const nodes = candidates(context);
        return {
          snapshotLength: nodes.length,
          snapshotItem: (i: number) => {
            clock += VISIT_MS;
            return nodes[i] ?? null;
          },
        };
      },
    });
    const g = globalThis as { XPathResult?: unknown };
    const hadResult = 'XPathResult' in g;
    const previousResult = g.XPathResult;
    g.XPathResult = { UNORDERED_NODE_SNAPSHOT_TYPE: 6, ORDERED_NODE_SNAPSHOT_TYPE: 7 };
    restore.push(() => {
      Object.assign(doc, previous);
      if (hadResult) g.XPathResult = previousResult;
      else delete g.XPathResult;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    while (restore.length) restore.pop()!();
  });

  it('reads a page whose queries are slow without a slice that runs a query late', async () => {
    // Three blocks of 1,700 mentions: too big (over 4,000 elements) to query as
    // one, so one query per block, and each block's candidates end 3 ms into a
    // slice, with no room left for the next query.
    for (let b = 0; b < 3; b++) {
      const block = document.createElement('div');
      for (let i = 0; i < 1700; i++) {
        const span = document.createElement('span');
        span.textContent = `vllm ${b}-${i}`;
        block.append(span);
      }
      document.body.append(block);
    }
    const sink = { add: vi.fn(), delete: vi.fn(), ensureRegistered: vi.fn(), dispose: vi.fn() };
    const registry = new MentionRegistry(document, sink);
    const busy = new BusyClock();
    const life = new AbortController();
    startScanner(document, { registry, clock: busy, signal: life.signal });
    await vi.waitFor(() => expect(busy.drains).toBe(1), { timeout: 5000, interval: 5 });
    life.abort();

    expect(registry.size).toBe(5100);
    // A slice may end one clock check (32 candidates) late, and never a whole query late.
    expect(busy.longestMs).toBeLessThanOrEqual(SLICE_BUDGET_MS + 32 * VISIT_MS + 1e-9);
  });
});
