// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BusyClock } from '../../entrypoints/mentions.content/perf';
import { MentionRegistry } from '../../entrypoints/mentions.content/registry';
import { SLICE_BUDGET_MS, startScanner } from '../../entrypoints/mentions.content/scanner';
import { installFakeQueryEngine } from './fake-query-engine';

/** Each query "takes" 4 ms on the fake clock, and reading each candidate 10 µs. */
const QUERY_MS = 4;
const VISIT_MS = 0.01;

describe('scanner time slices', () => {
  let engine: ReturnType<typeof installFakeQueryEngine>;
  beforeEach(() => {
    document.body.replaceChildren();
    engine = installFakeQueryEngine({ queryMs: QUERY_MS, visitMs: VISIT_MS });
  });
  afterEach(() => engine.restore());

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
