import { describe, expect, it } from 'vitest';
import { bundledDataset } from '@/lib/bundled-dataset';
import {
  axisLabel,
  betterDirection,
  chartRows,
  chartScale,
  claimLocation,
  DIRECTION_LABELS,
  diffReference,
  niceCeil,
  textGroupsQuoting,
} from '@/lib/comparison-view';
import { loadSourceDataset } from '@/lib/normalize';
import type { Comparison } from '@/lib/schema';
import { cardSourceDataset } from './fixtures/card-source-dataset';

const V = 'vllm';
const T = 'tensorrt-llm';
const bundled = (): Comparison => bundledDataset().comparisons[0]!;
const fixture = (): Comparison => loadSourceDataset(structuredClone(cardSourceDataset)).comparisons[0]!;

describe('betterDirection: which way is better, only where the metric has one', () => {
  it.each([
    ['Per-Token Latency (Llama 2 70B)', 'lower'],
    ['P99 Latency (7B model, batch=32)', 'lower'],
    ['Latency on A100 (Llama 2 70B)', 'lower'],
    ['Time to First Token (ms)', 'lower'],
    ['Setup Time (basic deployment)', 'lower'],
    ['Distributed Parallelism Setup Time', 'lower'],
    ['GPU Memory for 7B Model', 'lower'],
    ['Memory Usage (KV cache, 7B model, batch=1)', 'lower'],
    ['Minimum RAM Required', 'lower'],
    ['Throughput (tokens/sec on A100)', 'higher'],
    ['Inference Throughput (single A100 GPU)', 'higher'],
    // A reduction of memory is the opposite quantity: the bigger the saving, the better.
    ['Memory Usage Reduction (vs PyTorch)', 'higher'],
    ['KV Cache Memory Usage Reduction', 'higher'],
    ['GitHub Stars (2026)', null],
    ['Pre-optimized Model Count', null],
    ['Supported GPU Platforms', null],
    ['Cost', null],
    ['Configuration Complexity', null],
  ] as const)('%s → %s', (metric, expected) => {
    expect(betterDirection(metric)).toBe(expected);
  });

  it('says it in words', () => {
    expect(DIRECTION_LABELS).toEqual({ lower: 'Lower is better', higher: 'Higher is better' });
  });
});

describe('chart scales', () => {
  it.each([
    [60, 60],
    [42, 50],
    [18000, 20000],
    [25000, 25000],
    [420, 500],
    [120, 120],
    [50000, 50000],
    [1000, 1000],
    [7, 8],
    [0.12, 0.12],
    [0.3, 0.3],
    [1, 1],
    [0, 1],
  ])('niceCeil(%d) = %d', (value, expected) => {
    expect(niceCeil(value)).toBe(expected);
  });

  it('puts percentages on 0–100 and everything else on 0 to a round maximum', () => {
    expect(chartScale([60, 50], true, '%')).toEqual({ max: 100, percent: true, unit: '%' });
    expect(chartScale([130], true, '%').max).toBe(150);
    expect(chartScale([60, 40], false, 'ms')).toEqual({ max: 60, percent: false, unit: 'ms' });
    expect(chartScale([12000, 18000], false, 'tok/s').max).toBe(20000);
  });

  it('labels both axis ends with the unit', () => {
    expect(axisLabel(0, { unit: 'ms' })).toBe('0 ms');
    expect(axisLabel(25000, { unit: 'tok/s' })).toBe('25,000 tok/s');
    expect(axisLabel(100, { unit: '%' })).toBe('100%');
    expect(axisLabel(0.12, { unit: null })).toBe('0.12');
  });
});

describe('chartRows (bundled dataset)', () => {
  const rows = chartRows(bundled(), [V, T]);
  const row = (id: string) => {
    const found = rows.find((r) => r.fact.id === id);
    expect(found, id).toBeDefined();
    return found!;
  };

  it('charts only rows where both engines have a number', () => {
    expect(rows.map((r) => r.fact.id)).toEqual([
      'throughput-a100',
      'per-token-latency-llama-2-70b',
      'pre-optimized-model-count',
      'github-stars-2026',
      'setup-time-basic-deployment',
      'memory-usage-reduction',
    ]);
  });

  it('draws "Memory Usage Reduction (percent)" on 0–100: 60 % fills 60 % of the track, not all of it', () => {
    const memory = row('memory-usage-reduction');
    expect(memory.scale).toEqual({ max: 100, percent: true, unit: '%' });
    expect(memory.contested).toBe(false);
    expect(memory.bars.map((b) => [b.engineId, b.from, b.to])).toEqual([
      [V, 0.5, 0.6],
      [T, 0.4, 0.5],
    ]);
    expect(memory.direction).toBe('higher');
  });

  it('uses one scale for both engines of a row, with its maximum labelled', () => {
    const latency = row('per-token-latency-llama-2-70b');
    expect(latency.scale).toEqual({ max: 60, percent: false, unit: 'ms' });
    expect(latency.bars.map((b) => [b.raw, b.from, b.to])).toEqual([
      ['50-60ms', 50 / 60, 1],
      ['30-40ms', 30 / 60, 40 / 60],
    ]);
    expect(latency.direction).toBe('lower');
    expect(axisLabel(latency.scale.max, latency.scale)).toBe('60 ms');
  });

  it('draws every claim of a contested row, each naming its row, on one scale', () => {
    const throughput = row('throughput-a100');
    expect(throughput.contested).toBe(true);
    expect(throughput.direction).toBe('higher');
    expect(throughput.bars.map((b) => [b.engineId, b.raw, b.source.label])).toEqual([
      [V, '12,500 tokens/sec', 'Token Throughput (A100-40GB, 7B model)'],
      [V, '~8,000-12,000', 'Throughput (tokens/sec on A100)'],
      [V, '25,000 tokens/sec', 'Inference Throughput (single A100 GPU)'],
      [T, '~12,000-18,000', 'Throughput (tokens/sec on A100)'],
    ]);
    expect(throughput.scale).toEqual({ max: 25000, percent: false, unit: 'tok/s' });
    expect(Math.max(...throughput.bars.map((b) => b.to))).toBe(1);

    const stars = row('github-stars-2026');
    expect(stars.contested).toBe(true);
    expect(stars.bars.filter((b) => b.engineId === V)).toHaveLength(6);
    expect(stars.bars.filter((b) => b.engineId === T)).toHaveLength(2);
    expect(stars.direction).toBeNull();
    expect(stars.scale.max).toBe(50000);
  });

  it('lists the claims of a contested row that cannot go on its axis, and why', () => {
    const models = row('pre-optimized-model-count');
    expect(models.leftOut).toEqual([
      { engineId: V, raw: 'Unlimited (HuggingFace)', source: { kind: 'fact', label: 'Pre-packaged Models Available' }, reason: 'not a number' },
    ]);
    const setup = row('setup-time-basic-deployment');
    expect(setup.direction).toBe('lower');
    expect(setup.scale.max).toBe(500);
    expect(setup.bars.map((b) => b.raw)).toEqual([
      '30 minutes',
      '5-10 minutes',
      '120-420 minutes (2-7 days with infrastructure)',
      '60-120 minutes',
    ]);
  });
});

describe('diffReference: what the Diff column is relative to, from its own numbers', () => {
  it('finds that the seed\'s Diff is vLLM relative to TensorRT-LLM on every row it can read', () => {
    expect(diffReference(bundled().facts, [V, T])).toEqual({ subject: V, reference: T, rows: 6 });
  });

  it('finds the other direction, and refuses when the rows disagree or none can be read', () => {
    const facts = bundled().facts;
    expect(diffReference(facts, [T, V])).toEqual({ subject: V, reference: T, rows: 6 });
    const broken = structuredClone(facts);
    const latency = broken.find((f) => f.id === 'per-token-latency-llama-2-70b')!;
    latency.diff = { raw: '-12%', parsed: { ...latency.diff!.parsed!, min: -12, max: -12 } };
    expect(diffReference(broken, [V, T])).toBeNull();
    expect(diffReference(facts.filter((f) => !f.diff), [V, T])).toBeNull();
  });

  it('also holds on the fixture rows', () => {
    expect(diffReference(fixture().facts, [V, T])).toMatchObject({ subject: V, reference: T });
  });
});

describe('contradictions in words: where each claim is made', () => {
  const comparison = bundled();
  const engines = bundledDataset().engines;
  const claim = (id: string) => comparison.textClaimGroups!.flatMap((g) => g.claims).find((c) => c.id === id)!;

  it.each([
    ['faster-short-answer', 'Short Answer'],
    ['faster-verdict', 'Our Verdict'],
    ['faster-tensorrt-llm-pro', 'Pros, TensorRT-LLM'],
    ['gap-vllm-con', 'Cons, vLLM'],
    ['faster-faq-vllm', 'Frequently Asked Questions'],
    ['gap-diff', 'Key Facts & Figures, “Per-Token Latency (Llama 2 70B)”, Diff'],
    ['setup-cell-days', 'Key Facts & Figures, “Setup Time (basic inference)”, vLLM'],
    ['cpu-key-difference', 'Key Differences, “Hardware Compatibility”, vLLM'],
    ['cpu-fallback-row', 'Full Comparison, “CPU Fallback Support”, vLLM'],
  ])('%s → %s', (id, expected) => {
    expect(claimLocation(claim(id), comparison, engines)).toBe(expected);
  });

  it('finds the groups that quote a place, so that place can carry the warning', () => {
    expect(textGroupsQuoting(comparison, ['shortAnswer']).map((g) => g.id)).toEqual(['which-engine-is-faster']);
    expect(textGroupsQuoting(comparison, ['verdict']).map((g) => g.id)).toEqual([
      'which-engine-is-faster',
      'per-token-speed-gap',
      'which-engine-has-higher-throughput',
    ]);
    expect(textGroupsQuoting(comparison, ['cons'], V).map((g) => g.id)).toEqual(['per-token-speed-gap']);
    expect(textGroupsQuoting(comparison, ['cons'], T)).toEqual([]);
    expect(textGroupsQuoting({ ...comparison, textClaimGroups: undefined }, ['verdict'])).toEqual([]);
  });
});
