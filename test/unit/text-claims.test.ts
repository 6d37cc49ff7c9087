/**
 * Contradictions in words: the bundled dataset records them as claims that
 * quote the seed, grouped like the numeric measure groups, and the build-time
 * check (loadSourceDataset, run by lib/validate-datasets.ts) refuses a claim
 * that is not verbatim where it says, or a note that brings in a new number.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sourceJson from '../../assets/data/vllm-vs-tensorrt-llm.json';
import { bundledDataset } from '@/lib/bundled-dataset';
import { loadSourceDataset, numbersIn, parseDataset } from '@/lib/normalize';
import type { SourceDataset, TextClaimGroup } from '@/lib/schema';

const seed = readFileSync(new URL('../fixtures/seed-vllm-vs-tensorrt-llm.txt', import.meta.url), 'utf8');
const source = (): SourceDataset => structuredClone(sourceJson) as SourceDataset;
const groupsOf = (s: SourceDataset): TextClaimGroup[] => s.comparisons[0]!.textClaimGroups!;
const comparison = bundledDataset().comparisons[0]!;
const group = (id: string) => {
  const found = comparison.textClaimGroups?.find((g) => g.id === id);
  expect(found, id).toBeDefined();
  return found!;
};
const quotes = (id: string) => group(id).claims.map((c) => c.quote);

describe('bundled dataset: contradictions in words', () => {
  it('records five groups, each with at least two claims', () => {
    expect(comparison.textClaimGroups!.map((g) => [g.id, g.title])).toEqual([
      ['which-engine-is-faster', 'Which engine is faster'],
      ['per-token-speed-gap', 'How much faster TensorRT-LLM is per token'],
      ['setup-time-minutes-or-days', 'Setup Time (basic inference): minutes or days'],
      ['which-engine-has-higher-throughput', 'Which engine has the higher throughput'],
      ['vllm-cpu-support', 'Whether vLLM runs on CPUs'],
    ]);
    for (const g of comparison.textClaimGroups!) expect(g.claims.length).toBeGreaterThanOrEqual(2);
  });

  it('quotes the seed page itself: every quote and every note number is in the seed text', () => {
    for (const g of comparison.textClaimGroups!) {
      for (const claim of g.claims) expect(seed, claim.id).toContain(claim.quote);
      for (const number of numbersIn(g.note ?? '')) expect(g.claims.some((c) => numbersIn(c.quote).includes(number)), number).toBe(true);
    }
  });

  it('the short answer calls vLLM faster; the verdict, a pro and the FAQ say TensorRT-LLM is', () => {
    const faster = group('which-engine-is-faster');
    expect(faster.claims.map((c) => c.section)).toEqual(['shortAnswer', 'verdict', 'pros', 'faq', 'faq']);
    expect(quotes('which-engine-is-faster')[0]).toBe('vLLM is a faster, more flexible open-source inference engine');
    expect(comparison.shortAnswer).toContain(quotes('which-engine-is-faster')[0]);
    expect(quotes('which-engine-is-faster').slice(1, 4).every((q) => q.includes('20-30%'))).toBe(true);
  });

  it('"20-30% faster" stands beside the per-token figures it cites, the +57% Diff and vLLM\'s "30-40% higher" con', () => {
    const gap = group('per-token-speed-gap');
    expect(quotes('per-token-speed-gap')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('30-40ms per-token latency vs vLLM\'s 50-60ms'),
        '+57%',
        'Per-token latency 30-40% higher than TensorRT-LLM on NVIDIA GPUs',
      ]),
    );
    expect(gap.claims.find((c) => c.quote === '+57%')).toMatchObject({ section: 'keyFacts', rowId: 'per-token-latency-llama-2-70b' });
    expect(gap.claims.find((c) => c.section === 'cons')?.engine).toBe('vllm');
  });

  it('"120-420 minutes (2-7 days with infrastructure)" contradicts itself inside one cell', () => {
    const setup = group('setup-time-minutes-or-days');
    expect(setup.claims.map((c) => [c.quote, c.rowId, c.engine])).toEqual([
      ['120-420 minutes', 'setup-time-basic-inference', 'vllm'],
      ['2-7 days with infrastructure', 'setup-time-basic-inference', 'vllm'],
    ]);
    const cell = comparison.facts.find((f) => f.id === 'setup-time-basic-inference')!.values['vllm']!.raw;
    expect(cell).toBe('120-420 minutes (2-7 days with infrastructure)');
  });

  it('a dataset stored before text claims existed still parses (the field is optional)', () => {
    const old = JSON.parse(JSON.stringify(bundledDataset()));
    delete old.comparisons[0].textClaimGroups;
    expect(parseDataset(old).comparisons[0]!.textClaimGroups).toBeUndefined();
    const oldSource = source();
    delete oldSource.comparisons[0]!.textClaimGroups;
    expect(() => loadSourceDataset(oldSource)).not.toThrow();
  });
});

describe('stored datasets', () => {
  it('a stored dataset whose texts changed later (a feed, an edit in IndexedDB) still parses: the quote check is for transcriptions', () => {
    const stored = JSON.parse(JSON.stringify(bundledDataset()));
    stored.comparisons[0].shortAnswer = 'Edited straight in IndexedDB.';
    expect(parseDataset(stored).comparisons[0]!.textClaimGroups).toHaveLength(5);
  });
});

describe('the build-time check refuses textual claims that do not quote the source', () => {
  const broken = (edit: (groups: TextClaimGroup[]) => void) => {
    const s = source();
    edit(groupsOf(s));
    return () => loadSourceDataset(s);
  };

  it('a quote that is not verbatim in its section', () => {
    expect(broken((g) => (g[0]!.claims[0]!.quote = 'vLLM is the fastest engine'))).toThrow(
      /text claim "faster-short-answer": "vLLM is the fastest engine" is not verbatim in its shortAnswer/,
    );
    // Verbatim elsewhere on the page is not enough: it must be in the section the claim names.
    expect(broken((g) => (g[0]!.claims[0]!.section = 'verdict'))).toThrow(/not verbatim in its verdict/);
    // And in the named engine's list.
    expect(broken((g) => (g[1]!.claims[4]!.engine = 'tensorrt-llm'))).toThrow(/"gap-vllm-con".*not verbatim in its cons/);
  });

  it('a row claim without a row, with an unknown row, or in a section the row is not in', () => {
    expect(broken((g) => delete g[2]!.claims[0]!.rowId)).toThrow(/section keyFacts needs a rowId/);
    expect(broken((g) => (g[2]!.claims[0]!.rowId = 'no-such-row'))).toThrow(/no fact "no-such-row"/);
    expect(broken((g) => (g[4]!.claims[3]!.section = 'keyFacts'))).toThrow(/fact "cpu-fallback-support" is not in section keyFacts/);
    expect(broken((g) => (g[0]!.claims[0]!.rowId = 'cost'))).toThrow(/section shortAnswer has no rows/);
  });

  it('an engine list claim without its engine, or with an engine not compared', () => {
    expect(broken((g) => delete g[0]!.claims[2]!.engine)).toThrow(/section pros needs an engine/);
    expect(broken((g) => (g[0]!.claims[2]!.engine = 'sglang'))).toThrow(/names engine "sglang"/);
    expect(broken((g) => (g[0]!.claims[0]!.engine = 'vllm'))).toThrow(/section shortAnswer belongs to no engine/);
  });

  it('a note with a number no quote contains, duplicate ids, and a group of one', () => {
    expect(broken((g) => (g[2]!.note = 'The cell means about 5 hours.'))).toThrow(
      /text claim group "setup-time-minutes-or-days" note has 5, which no quote of the group contains/,
    );
    expect(broken((g) => (g[1]!.claims[0]!.id = g[0]!.claims[0]!.id))).toThrow(/duplicate text claim id "faster-short-answer"/);
    expect(broken((g) => (g[1]!.id = g[0]!.id))).toThrow(/duplicate text claim group "which-engine-is-faster"/);
    expect(broken((g) => g[2]!.claims.splice(1))).toThrow(/textClaimGroups/);
  });
});

describe('numbersIn', () => {
  it.each([
    ['20-30% faster', ['20', '30']],
    ['1,500+ and 8.2 GB', ['1,500', '8.2']],
    ['A100/H100', ['100', '100']],
    ['no numbers', []],
  ])('%j → %j', (text, expected) => {
    expect(numbersIn(text)).toEqual(expected);
  });
});
