import { vi } from 'vitest';

/**
 * A fake clock and a stand-in XPath engine, for timing the scanner's slices on
 * happy-dom (which has no XPath). The engine answers the candidate queries with
 * a TreeWalker over text nodes holding `lm` or `LM`, as the real query does.
 * Each query advances the clock by `queryMs`, and each candidate read from its
 * result by `visitMs`. `performance.now()` reads the clock until `restore()`.
 */
export function installFakeQueryEngine(options: { queryMs: number; visitMs?: number }): {
  clock: { now: number };
  restore: () => void;
} {
  const clock = { now: 0 };
  const visitMs = options.visitMs ?? 0;
  const now = vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
  // Only what the scan uses of the XPath interfaces.
  const doc = document as unknown as { createExpression?: unknown };
  const previous = doc.createExpression;
  doc.createExpression = () => ({
    evaluate(context: Node) {
      clock.now += options.queryMs;
      const nodes: Node[] = [];
      const walker = document.createTreeWalker(context, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/lm|LM/.test((n as Text).data)) nodes.push(n);
      return {
        snapshotLength: nodes.length,
        snapshotItem: (i: number) => {
          clock.now += visitMs;
          return nodes[i] ?? null;
        },
      };
    },
  });
  const g = globalThis as { XPathResult?: unknown };
  const hadResult = 'XPathResult' in g;
  const previousResult = g.XPathResult;
  g.XPathResult = { UNORDERED_NODE_SNAPSHOT_TYPE: 6, ORDERED_NODE_SNAPSHOT_TYPE: 7 };
  return {
    clock,
    restore: () => {
      now.mockRestore();
      doc.createExpression = previous;
      if (hadResult) g.XPathResult = previousResult;
      else delete g.XPathResult;
    },
  };
}
