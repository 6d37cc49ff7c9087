import { describe, expect, it } from 'vitest';
import { bundledDataset } from '@/lib/bundled-dataset';
import { NO_PRIORITIES, PRIORITY_KEYS, type Priorities } from '@/lib/pins';
import { DIFFERENCE_TOPICS, topicOf, weighVerdict, type WeighableDifference } from '@/lib/weighted-verdict';

const comparison = bundledDataset().comparisons[0]!;
const differences = comparison.keyDifferences;
const ENGINES = ['vllm', 'tensorrt-llm'] as const;
const p = (weights: Partial<Priorities>): Priorities => ({ ...NO_PRIORITIES, ...weights });

describe('topicOf', () => {
  it('puts each of the bundled key differences in exactly the topic it is about', () => {
    expect(Object.fromEntries(differences.map((d) => [d.id, topicOf(d)]))).toEqual({
      'hardware-compatibility': 'hardwareFlexibility',
      'throughput-vs-pytorch': 'throughput',
      'model-support-range': 'modelCoverage',
      'deployment-complexity': 'easeOfSetup',
      'latency-on-a100': 'latency',
      'community-adoption-2025': 'community',
      'cost-of-ownership': 'cost',
    });
    // One difference per topic in the seed: every priority touches something.
    expect(new Set(Object.values(DIFFERENCE_TOPICS)).size).toBe(PRIORITY_KEYS.length);
  });

  it.each([
    ['P99 latency under load', 'latency'],
    ['Time to first token', 'latency'],
    ['Tokens per second on H100', 'throughput'],
    ['Cost of GPU hours', 'cost'],
    ['Install and setup', 'easeOfSetup'],
    ['Supported model architectures', 'modelCoverage'],
    ['GitHub stars and contributors', 'community'],
    ['AMD and Intel GPU support', 'hardwareFlexibility'],
    ['Quantization formats', null],
  ])('classifies a later dataset’s "%s" as %s', (title, topic) => {
    expect(topicOf({ id: 'new-row', title })).toBe(topic);
  });
});

describe('weighVerdict on the bundled comparison', () => {
  // Winners in the seed: vLLM on hardware, models, setup, community, cost; TensorRT-LLM on throughput, latency.
  it.each<[string, Partial<Priorities>, { kind: string; leader?: string | null; points?: Record<string, number>; margin?: number; decidedBy?: string[] }]>([
    ['latency only', { latency: 3 }, { kind: 'favours', leader: 'tensorrt-llm', points: { vllm: 0, 'tensorrt-llm': 3 }, margin: 3, decidedBy: ['latency-on-a100'] }],
    [
      'latency and throughput',
      { latency: 3, throughput: 2 },
      { kind: 'favours', leader: 'tensorrt-llm', points: { vllm: 0, 'tensorrt-llm': 5 }, margin: 5, decidedBy: ['latency-on-a100', 'throughput-vs-pytorch'] },
    ],
    [
      'a mixed fleet',
      { hardwareFlexibility: 3, easeOfSetup: 2, latency: 1 },
      { kind: 'favours', leader: 'vllm', points: { vllm: 5, 'tensorrt-llm': 1 }, margin: 4, decidedBy: ['hardware-compatibility', 'deployment-complexity'] },
    ],
    ['a tie', { latency: 2, cost: 2 }, { kind: 'tie', leader: null, points: { vllm: 2, 'tensorrt-llm': 2 }, margin: 0, decidedBy: [] }],
    [
      'everything at 3',
      Object.fromEntries(PRIORITY_KEYS.map((k) => [k, 3])),
      {
        kind: 'favours',
        leader: 'vllm',
        points: { vllm: 15, 'tensorrt-llm': 6 },
        margin: 9,
        // Heaviest first, then in source order.
        decidedBy: ['hardware-compatibility', 'model-support-range', 'deployment-complexity', 'community-adoption-2025', 'cost-of-ownership'],
      },
    ],
    [
      'a heavier weight decides',
      { throughput: 3, community: 1, cost: 1 },
      { kind: 'favours', leader: 'tensorrt-llm', points: { vllm: 2, 'tensorrt-llm': 3 }, margin: 1, decidedBy: ['throughput-vs-pytorch'] },
    ],
  ])('%s', (_name, weights, expected) => {
    const verdict = weighVerdict(differences, ENGINES, p(weights));
    expect(verdict).toMatchObject({
      kind: expected.kind,
      leader: expected.leader,
      points: expected.points,
      margin: expected.margin,
    });
    if (verdict.kind === 'not-enough-data') return;
    expect(verdict.decidedBy.map((d) => d.id)).toEqual(expected.decidedBy);
    expect(verdict.total).toBe(Object.values(expected.points!).reduce((a, b) => a + b, 0));
  });

  it('says "not enough data" when every priority is 0', () => {
    expect(weighVerdict(differences, ENGINES, NO_PRIORITIES)).toEqual({
      kind: 'not-enough-data',
      reason: expect.stringMatching(/Every priority is 0/),
    });
  });

  it('says "not enough data" when the chosen priorities touch no difference', () => {
    const onlySetup: WeighableDifference[] = differences.filter((d) => d.id !== 'latency-on-a100');
    expect(weighVerdict(onlySetup, ENGINES, p({ latency: 3 }))).toEqual({
      kind: 'not-enough-data',
      reason: 'No key difference is about latency.',
    });
  });

  it('says "not enough data" when the differences it touches name no winner, and never counts a winner outside the two engines', () => {
    const noWinner = differences.map((d) => ({ ...d, winner: d.id === 'latency-on-a100' ? null : d.winner }));
    expect(weighVerdict(noWinner, ENGINES, p({ latency: 3 }))).toEqual({
      kind: 'not-enough-data',
      reason: 'The key differences about latency name no winner.',
    });
    const thirdEngine = differences.map((d) => ({ ...d, winner: d.id === 'latency-on-a100' ? 'sglang' : d.winner }));
    expect(weighVerdict(thirdEngine, ENGINES, p({ latency: 3 })).kind).toBe('not-enough-data');
  });

  it('never invents a number: every point is one of the team’s weights on one of the source’s winners', () => {
    for (let mask = 0; mask < 4 ** 3; mask++) {
      const weights = p({ latency: mask % 4, hardwareFlexibility: Math.floor(mask / 4) % 4, cost: Math.floor(mask / 16) % 4 });
      const verdict = weighVerdict(differences, ENGINES, weights);
      if (verdict.kind === 'not-enough-data') {
        expect(weights.latency + weights.hardwareFlexibility + weights.cost).toBe(0);
        continue;
      }
      for (const d of verdict.weighed) {
        expect(d.weight).toBe(weights[d.topic]);
        expect(differences.find((x) => x.id === d.id)?.winner).toBe(d.winner);
      }
      for (const engine of ENGINES) {
        expect(verdict.points[engine]).toBe(verdict.weighed.filter((d) => d.winner === engine).reduce((s, d) => s + d.weight, 0));
      }
    }
  });
});
