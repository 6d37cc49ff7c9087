/**
 * Completeness of the bundled dataset against the page it was transcribed
 * from (a copy of ../shared/seed lives in test/fixtures so CI has it). The
 * tables are rebuilt from the dataset in the seed's own text layout and
 * compared line by line, so a dropped row, a changed value or a lost "—"
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { sameValue } from '../../lib/measure-groups';
import type { Claim, Fact } from '../../lib/schema';

const seed = readFileSync(new URL('../fixtures/seed-vllm-vs-tensorrt-llm.txt', import.meta.url), 'utf8');
const seedLines = seed.split('\n').map((line) => line.trim());

/** Non-empty lines strictly between the first line equal to `start` (after `from`) and the next equal to `end`. */
function linesBetween(start: string, end: string, from = 0): string[] {
  const first = seedLines.indexOf(start, from);
  const last = seedLines.indexOf(end, first + 1);
  expect(first, `seed has "${start}"`).toBeGreaterThanOrEqual(0);
  expect(last, `seed has "${end}" after "${start}"`).toBeGreaterThan(first);
  return seedLines.slice(first + 1, last).filter((line) => line !== '');
}

const dataset = bundledDataset();
const comparison = dataset.comparisons[0]!;
const V = 'vllm';
const T = 'tensorrt-llm';
const NONE = '—';

const label = (fact: Fact) => (fact.unit === null ? fact.metric : `${fact.metric}(${fact.unit})`);
const value = (fact: Fact, engine: string) => fact.values[engine]?.raw ?? NONE;

describe('bundled dataset covers the seed', () => {
  it('has the engines, with the seed taglines and audience lines', () => {
    expect(dataset.engines.map((e) => e.id)).toEqual([V, T]);
    expect(comparison.engines).toEqual([V, T]);
    for (const engine of dataset.engines) {
      expect(seedLines).toContain(engine.tagline);
      expect(seedLines).toContain(engine.audience);
    }
    expect(dataset.engines[1]!.aliases).toEqual(
      expect.arrayContaining(['TRT-LLM', 'TRTLLM', 'trtllm', 'tensorrt_llm', 'TensorRT LLM']),
    );
  });

  it('keeps the short answer, verdict, scores and choose-if verbatim', () => {
    expect(linesBetween('Short Answer', 'Our Verdict')).toEqual([comparison.shortAnswer]);
    expect(linesBetween('AI-assisted', 'Was this verdict helpful?')).toEqual([comparison.verdict.text]);
    expect(comparison.verdict.scores).toEqual({ [V]: 8.6, [T]: 6.4 });
    expect(seedLines).toContain('vLLM8.6');
    expect(seedLines).toContain('6.4TensorRT-LLM');
    expect(linesBetween('Choose vLLM if', 'Choose TensorRT-LLM if')).toEqual([comparison.chooseIf[V]]);
    expect(linesBetween('Choose TensorRT-LLM if', 'Track this comparison')).toEqual([comparison.chooseIf[T]]);
  });

  it('has all 31 Key Facts rows, each exactly as the seed prints it', () => {
    const seedRows = linesBetween('MetricvLLMTensorRT-LLMDiff', 'All figures sourced from publicly available data. Last updated Jun 2026.');
    const keyFacts = comparison.facts.filter((f) => f.sections.includes('keyFacts'));
    expect(seedRows).toHaveLength(31);
    expect(keyFacts).toHaveLength(31);
    const rebuilt = keyFacts.map((f) => `${label(f)}${value(f, V)}${value(f, T)}${f.diff?.raw ?? NONE}`);
    expect([...rebuilt].sort()).toEqual([...seedRows].sort());
  });

  it('has all 40 Full Comparison rows, in the seed order', () => {
    const lines = linesBetween('Full Comparison', 'Visual Comparison').filter((l) => l !== 'Show 3 more attributes');
    expect(lines.slice(0, 2)).toEqual(['vLLM', 'TensorRT-LLM']);
    const rows = lines.slice(2);
    expect(rows).toHaveLength(40 * 3);
    expect(comparison.facts).toHaveLength(40);
    expect(comparison.facts.every((f) => f.sections.includes('fullComparison'))).toBe(true);
    const rebuilt = comparison.facts.flatMap((f) => [label(f), value(f, V), value(f, T)]);
    expect(rebuilt).toEqual(rows);
  });

  it('has the 7 key differences with their values and trophies, first three at a glance', () => {
    const lines = linesBetween('Key Differences', 'Full Comparison', seedLines.indexOf('All figures sourced from publicly available data. Last updated Jun 2026.'));
    expect(lines).toHaveLength(7 * 5);
    expect(comparison.keyDifferences).toHaveLength(7);
    comparison.keyDifferences.forEach((kd, i) => {
      const [title, vLabel, vValue, tLabel, tValue] = lines.slice(i * 5, i * 5 + 5);
      expect([vLabel, tLabel]).toEqual(['vLLM', 'TensorRT-LLM']);
      expect(kd.title).toBe(title);
      expect(kd.values[V]?.raw).toBe(vValue!.replace('🏆', ''));
      expect(kd.values[T]?.raw).toBe(tValue!.replace('🏆', ''));
      expect(kd.winner).toBe(vValue!.endsWith('🏆') ? V : tValue!.endsWith('🏆') ? T : null);
      expect(kd.atAGlance).toBe(i < 3);
    });
    // The at-a-glance summary names the same winners.
    const glance = linesBetween('Key Differences at a Glance', 'See all 7 differences').filter((l) => l !== '🔹');
    expect(glance).toEqual(
      comparison.keyDifferences
        .filter((kd) => kd.atAGlance)
        .map((kd) => {
          const [winner, loser] = kd.winner === V ? [V, T] : [T, V];
          const name = (id: string) => dataset.engines.find((e) => e.id === id)!.name;
          return `${kd.title}: ${name(winner)} wins (${kd.values[winner]!.raw} vs ${kd.values[loser]!.raw})`;
        }),
    );
  });

  it('has every pro and con verbatim: 5 pros each, cons 2 and 4', () => {
    expect(comparison.pros[V]).toHaveLength(5);
    expect(comparison.pros[T]).toHaveLength(5);
    expect(comparison.cons[V]).toHaveLength(2);
    expect(comparison.cons[T]).toHaveLength(4);
    expect(seedLines).toContain('5 pros2 cons');
    expect(seedLines).toContain('5 pros4 cons');
    const bullets = seedLines.filter((l) => l.startsWith('• ')).map((l) => l.slice(2));
    expect(bullets).toEqual([
      ...comparison.pros[V]!,
      ...comparison.cons[V]!,
      ...comparison.pros[T]!,
      ...comparison.cons[T]!,
    ]);
  });

  it('keeps the FAQ answer without inventing its question', () => {
    expect(comparison.faq).toEqual([{ question: null, answer: linesBetween('Frequently Asked Questions', 'Related Comparisons')[0] }]);
  });

  it('records the provenance the page gives', () => {
    const p = comparison.provenance;
    expect(seed).toContain(`Last updated ${p.lastUpdatedLabel}`);
    expect(seed).toContain(`Last updated: ${p.publishedLabel}AI generated`);
    expect(p).toMatchObject({
      sourceTitle: 'vLLM vs TensorRT-LLM',
      lastUpdatedLabel: 'Jun 2026',
      publishedLabel: 'June 24, 2026',
      publishedDate: '2026-06-24',
      aiGenerated: true,
      verdictLabel: 'AI-assisted',
      sourcingNote: 'All figures sourced from publicly available data.',
    });
    expect(p.sourceUrl).toBeUndefined();
  });
});

describe('bundled dataset: contradictions are grouped', () => {
  const group = (measure: string) => {
    const found = comparison.measureGroups.find((g) => g.measure === measure);
    expect(found, `group ${measure}`).toBeDefined();
    return found!;
  };
  /** Number of claims that state different values (classes under sameValue). */
  const distinct = (claims: readonly Claim[]) =>
    claims.filter((c, i) => claims.slice(0, i).every((earlier) => !sameValue(earlier.figure, c.figure))).length;

  it('github-stars: five different vLLM figures, flagged, with the key difference as a claim', () => {
    const stars = group('github-stars');
    expect(stars.disagree).toBe(true);
    expect(stars.perEngine[V]!.disagree).toBe(true);
    expect(distinct(stars.perEngine[V]!.claims)).toBe(5);
    expect(stars.perEngine[V]!.claims.map((c) => c.figure.raw)).toEqual([
      '50,000+',
      '21,000+',
      '22,500 stars',
      '7,500+',
      '25,000+ stars, weekly updates',
      '7,500+ GitHub stars, 300+ contributors',
    ]);
    expect(stars.perEngine[V]!.range).toEqual({ min: 7500, max: null });
    expect(stars.perEngine[T]).toMatchObject({ disagree: false, range: { min: 3200, max: null } });
    expect(stars.sourceIds).toContain('community-adoption-2025');
  });

  it('setup-time: three different vLLM figures', () => {
    const setup = group('setup-time');
    expect(setup.disagree).toBe(true);
    expect(distinct(setup.perEngine[V]!.claims)).toBe(3);
    expect(setup.perEngine[V]!.range).toEqual({ min: 5, max: 420 });
    expect(setup.perEngine[T]!.disagree).toBe(false);
  });

  it('a100-throughput: three vLLM figures disagree', () => {
    const throughput = group('a100-throughput');
    expect(throughput.disagree).toBe(true);
    expect(distinct(throughput.perEngine[V]!.claims)).toBe(3);
    expect(throughput.perEngine[V]!.range).toEqual({ min: 8000, max: 25000 });
  });

  it('model-count: vLLM figures disagree, including the key difference and the unparsed "Unlimited"', () => {
    const models = group('model-count');
    expect(models.disagree).toBe(true);
    expect(models.sourceIds).toContain('model-support-range');
    expect(models.perEngine[V]!.claims.map((c) => c.figure.raw)).toContain('Unlimited (HuggingFace)');
    expect(models.perEngine[T]!.disagree).toBe(false);
  });

  it('per-token-latency: the fact and the key difference agree', () => {
    const latency = group('per-token-latency');
    expect(latency.disagree).toBe(false);
    expect(latency.sourceIds).toEqual(['per-token-latency-llama-2-70b', 'latency-on-a100']);
    expect(latency.perEngine[V]!.range).toEqual({ min: 50, max: 60 });
    expect(latency.perEngine[T]!.range).toEqual({ min: 30, max: 40 });
  });

  it('rows outside a group never claim a measure of another group', () => {
    const grouped = new Set(comparison.measureGroups.flatMap((g) => g.sourceIds));
    const withMeasure = [...comparison.facts, ...comparison.keyDifferences].filter((r) => r.measure !== undefined);
    expect(new Set(withMeasure.map((r) => r.id))).toEqual(grouped);
  });
});

describe('bundled dataset: parsed figures', () => {
  it('parses the numeric figures and leaves descriptive text unparsed', () => {
    const fact = (id: string) => comparison.facts.find((f) => f.id === id)!;
    expect(fact('throughput-a100').values[V]!.parsed).toMatchObject({ min: 8000, max: 12000, approximate: true });
    expect(fact('throughput-a100').diff!.parsed).toMatchObject({ min: -33, unit: '%' });
    expect(fact('cost-per-million-tokens').values[V]!.parsed).toMatchObject({ min: 0.12, unit: 'USD' });
    expect(fact('supported-gpu-platforms').values[V]!.parsed).toBeNull();
    expect(fact('enterprise-sla-uptime').values[V]!.parsed).toBeNull();
    // "—" is a missing key, never a value.
    expect(fact('time-to-first-token').values[T]).toBeUndefined();
  });
});
