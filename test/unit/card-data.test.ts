import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CARD_DIFFERENCES_SHOWN,
  CARD_FIGURE_LIMIT,
  CardDataSchema,
  engineNamedIn,
  firstSentence,
  orderedVerdictLines,
  selectCardData,
  selectVerdictLine,
  splitSentences,
  type CardData,
} from '@/lib/card-data';
import { loadSourceDataset } from '@/lib/normalize';
import type { Dataset } from '@/lib/schema';
import { cardSourceDataset } from './fixtures/card-source-dataset';

const COMPARISON = 'vllm-vs-tensorrt-llm';
const fixture = (): Dataset => loadSourceDataset(structuredClone(cardSourceDataset));

describe('firstSentence', () => {
  it.each([
    ['One. Two.', 'One.'],
    ['Only one sentence without a stop', 'Only one sentence without a stop'],
    ['Scores 8.6 and 6.4 here. Next one.', 'Scores 8.6 and 6.4 here.'],
    ['Use it, e.g. for tests. Then stop.', 'Use it, e.g. for tests.'],
    ['Really? Yes.', 'Really?'],
    ['  Padded sentence.  ', 'Padded sentence.'],
    ['It ends. "Quoted" next.', 'It ends.'],
  ])('%j → %j', (input, expected) => {
    expect(firstSentence(input)).toBe(expected);
  });

  it('splits every sentence, keeping a last one without a stop', () => {
    expect(splitSentences('Choose A if x. Choose B if y (20-30% faster on A100/H100 GPUs). Trailing words')).toEqual([
      'Choose A if x.',
      'Choose B if y (20-30% faster on A100/H100 GPUs).',
      'Trailing words',
    ]);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('selectVerdictLine', () => {
  const comparison = () => fixture().comparisons[0]!;
  const engines = (a: number | null, b: number | null) =>
    [
      { id: 'vllm', name: 'vLLM', score: a },
      { id: 'tensorrt-llm', name: 'TensorRT-LLM', score: b },
    ] as const;

  it("picks the verdict sentence of the higher-scored engine, verbatim", () => {
    expect(selectVerdictLine(comparison(), engines(8.6, 6.4))).toBe('Choose vLLM if you need flexibility.');
    expect(selectVerdictLine(comparison(), engines(6, 9))).toBe('Choose TensorRT-LLM if you are on NVIDIA.');
  });

  it('falls back to the first sentence of the short answer on a tie or without scores', () => {
    const shortAnswerFirst =
      'vLLM is flexible and runs on 4 platforms with 8.6 points, while TensorRT-LLM is fastest on NVIDIA.';
    expect(selectVerdictLine(comparison(), engines(7, 7))).toBe(shortAnswerFirst);
    expect(selectVerdictLine(comparison(), engines(null, 7))).toBe(shortAnswerFirst);
  });

  it('falls back when no verdict sentence names the leader alone', () => {
    const c = { ...comparison(), verdict: { ...comparison().verdict, text: 'vLLM and TensorRT-LLM both work.' } };
    expect(selectVerdictLine(c, engines(8.6, 6.4))).toMatch(/^vLLM is flexible/);
  });
});

describe('engineNamedIn / orderedVerdictLines', () => {
  const engines: CardData['engines'] = [
    { id: 'vllm', name: 'vLLM', score: 8.6 },
    { id: 'tensorrt-llm', name: 'TensorRT-LLM', score: 6.4 },
  ];
  const verdict = {
    line: 'Choose vLLM if A.',
    label: null,
    byEngine: { vllm: 'Choose vLLM if A.', 'tensorrt-llm': 'Choose TensorRT-LLM if B.' },
  };

  it.each([
    ['Choose vLLM if A.', 'vllm'],
    ['Choose TensorRT-LLM if B.', 'tensorrt-llm'],
    ['vLLM and TensorRT-LLM both work.', null],
    ['Neither is named.', null],
  ])('%j names %j', (sentence, expected) => {
    expect(engineNamedIn(sentence, engines)).toBe(expected);
  });

  it.each([
    ['tensorrt-llm', ['tensorrt-llm', 'vllm']],
    ['vllm', ['vllm', 'tensorrt-llm']],
    [null, ['vllm', 'tensorrt-llm']],
    ['sglang', ['vllm', 'tensorrt-llm']],
  ])('hovering %j puts the halves in the order %j', (mentioned, order) => {
    expect(orderedVerdictLines({ engines, verdict }, mentioned).map((l) => l.engineId)).toEqual(order);
  });

  it('falls back to the single line when a half is missing (or data predates the halves)', () => {
    expect(orderedVerdictLines({ engines, verdict: { ...verdict, byEngine: { vllm: 'Choose vLLM if A.' } } }, 'tensorrt-llm')).toEqual([
      { engineId: null, text: 'Choose vLLM if A.' },
    ]);
    expect(orderedVerdictLines({ engines, verdict: { line: 'X.', label: null } }, 'vllm')).toEqual([{ engineId: null, text: 'X.' }]);
  });
});

describe('selectCardData (fixture dataset)', () => {
  const card = selectCardData(fixture(), COMPARISON);

  it('produces data that satisfies its own schema', () => {
    expect(CardDataSchema.parse(card)).toEqual(card);
  });

  it('names both engines in the comparison order, with their scores', () => {
    expect(card.engines).toEqual([
      { id: 'vllm', name: 'vLLM', score: 8.6 },
      { id: 'tensorrt-llm', name: 'TensorRT-LLM', score: 6.4 },
    ]);
  });

  it("takes the verdict line verbatim from the source's verdict, for the leading engine", () => {
    expect(card.verdict.line).toBe('Choose vLLM if you need flexibility.');
    expect(fixture().comparisons[0]!.verdict.text).toContain(card.verdict.line);
    expect(card.verdict.label).toBe('AI-assisted');
  });

  it("carries each engine's half of the verdict, verbatim", () => {
    expect(card.verdict.byEngine).toEqual({
      vllm: 'Choose vLLM if you need flexibility.',
      'tensorrt-llm': 'Choose TensorRT-LLM if you are on NVIDIA.',
    });
  });

  it('has no contradictions in words when the comparison records none', () => {
    expect(card.contradictions).toEqual([]);
  });

  it('orders the key differences "at a glance" first, keeps all of them with their winners', () => {
    expect(card.differences.map((d) => d.id)).toEqual([
      'kd-hardware',
      'kd-throughput',
      'kd-models',
      'kd-deployment',
      'kd-latency',
      'kd-community',
      'kd-cost',
    ]);
    expect(card.differences.slice(0, CARD_DIFFERENCES_SHOWN).every((d) => d.atAGlance)).toBe(true);
    expect(card.differences.find((d) => d.id === 'kd-throughput')).toMatchObject({
      winner: 'tensorrt-llm',
      values: { vllm: '10-40x faster', 'tensorrt-llm': '20-50x faster on NVIDIA GPUs' },
    });
    expect(card.differences.find((d) => d.id === 'kd-cost')?.winner).toBeNull();
  });

  it('flags a key difference whose measure disagrees and lists every claim', () => {
    const community = card.differences.find((d) => d.id === 'kd-community')!;
    expect(community.disagree).toBe(true);
    expect(community.claims?.vllm?.map((c) => c.raw)).toEqual([
      '50,000+',
      '7,500+',
      '7,500+',
      '7,500+ GitHub stars, 300+ contributors',
    ]);
    const latency = card.differences.find((d) => d.id === 'kd-latency')!;
    expect(latency).toMatchObject({ disagree: false, claims: null });
  });

  it('picks up to four numeric figures for both engines: performance, setup, community — one per measure', () => {
    expect(card.figures.length).toBeLessThanOrEqual(CARD_FIGURE_LIMIT);
    expect(card.figures.map((f) => f.id)).toEqual(['throughput-a100', 'per-token-latency', 'setup-basic', 'stars-2026']);
  });

  it('keeps each figure raw, with its unit, and never picks a row one engine has no value for', () => {
    const latency = card.figures.find((f) => f.id === 'per-token-latency')!;
    expect(latency).toEqual({
      id: 'per-token-latency',
      label: 'Per-Token Latency (Llama 2 70B)',
      unit: 'milliseconds',
      values: { vllm: '50-60ms', 'tensorrt-llm': '30-40ms' },
      disagree: false,
      claims: null,
    });
    for (const figure of card.figures) {
      expect(Object.keys(figure.values).sort()).toEqual(['tensorrt-llm', 'vllm']);
    }
  });

  it('marks contradicting figures and carries every claim of both engines', () => {
    const stars = card.figures.find((f) => f.id === 'stars-2026')!;
    expect(stars.disagree).toBe(true);
    expect(stars.claims?.vllm?.map((c) => [c.kind, c.label, c.raw])).toEqual([
      ['fact', 'GitHub Stars', '50,000+'],
      ['fact', 'GitHub Stars (2026)', '7,500+'],
      ['fact', 'GitHub Stars (second 2026 row)', '7,500+'],
      ['keyDifference', 'Community & Adoption (2025)', '7,500+ GitHub stars, 300+ contributors'],
    ]);
    expect(stars.claims?.['tensorrt-llm']).toHaveLength(3);
    const setup = card.figures.find((f) => f.id === 'setup-basic')!;
    expect(setup.disagree).toBe(true);
    expect(setup.claims?.vllm?.map((c) => c.raw)).toEqual(['30 minutes', '5-10 minutes']);
  });

  it('carries provenance and leaves the team pick empty', () => {
    expect(card.provenance).toEqual({
      sourceTitle: 'vLLM vs TensorRT-LLM',
      sourceUrl: null,
      lastUpdatedLabel: 'Jun 2026',
      publishedLabel: 'June 24, 2026',
      aiGenerated: true,
    });
    expect(card.teamPick).toBeNull();
    expect(card.datasetVersion).toBe('fixture-1');
  });

  it('stays compact: far smaller than the full comparison', () => {
    const full = JSON.stringify(fixture().comparisons[0]).length;
    expect(JSON.stringify(card).length).toBeLessThan(full);
  });

  it('still accepts card data without the newer optional fields (halves of the verdict, contradictions)', () => {
    const { contradictions: _c, ...older } = card;
    const parsed = CardDataSchema.parse({ ...older, verdict: { line: card.verdict.line, label: card.verdict.label } });
    expect(parsed.contradictions).toBeUndefined();
    expect(parsed.verdict.byEngine).toBeUndefined();
  });

  it('the team pick slot says only that a frame leads the card: a pick or a note in card data is refused', () => {
    const withSlot: CardData = { ...card, teamPick: { frame: true } };
    expect(CardDataSchema.safeParse(withSlot).success).toBe(true);
    // zod drops unknown keys: even a sender that adds the note cannot get it through.
    const leaked = CardDataSchema.parse({ ...card, teamPick: { frame: true, note: 'We run H100s.', engineId: 'vllm' } });
    expect(leaked.teamPick).toEqual({ frame: true });
    expect(CardDataSchema.safeParse({ ...card, teamPick: { engineId: 'tensorrt-llm', note: 'x', teamName: 'Infra' } }).success).toBe(false);
  });

  it('rejects a non-https source address', () => {
    const bad = { ...card, provenance: { ...card.provenance, sourceUrl: 'javascript:alert(1)' } };
    expect(CardDataSchema.safeParse(bad).success).toBe(false);
  });

  it('throws on an unknown comparison', () => {
    expect(() => selectCardData(fixture(), 'nope')).toThrow(/No comparison "nope"/);
  });

  it('does not modify the dataset', () => {
    const dataset = fixture();
    const before = JSON.stringify(dataset);
    selectCardData(dataset, COMPARISON);
    expect(JSON.stringify(dataset)).toBe(before);
  });
});

const BUNDLED_JSON = path.resolve('assets/data/vllm-vs-tensorrt-llm.json');

describe.skipIf(!fs.existsSync(BUNDLED_JSON))('selectCardData (bundled dataset)', () => {
  it('selects a valid card from the real data: 7 differences, 3–4 figures for both engines, scores 8.6 / 6.4', async () => {
    const { bundledDataset } = await import('@/lib/bundled-dataset');
    const dataset = bundledDataset();
    const comparison = dataset.comparisons[0]!;
    const card = selectCardData(dataset, comparison.id);
    expect(CardDataSchema.parse(card)).toEqual(card);
    expect(card.engines.map((e) => e.score)).toEqual([8.6, 6.4]);
    expect(card.differences).toHaveLength(7);
    expect(card.differences.slice(0, 3).every((d) => d.atAGlance)).toBe(true);
    expect(card.figures.length).toBeGreaterThanOrEqual(3);
    expect(card.figures.length).toBeLessThanOrEqual(4);
    for (const figure of card.figures) expect(Object.keys(figure.values)).toHaveLength(2);
    expect(card.verdict.line).toBe(
      'Choose vLLM if you need flexibility across multiple hardware platforms, quick deployment, and support for hundreds of models without vendor lock-in.',
    );
    expect(comparison.verdict.text.startsWith(card.verdict.line)).toBe(true);
    // Both halves of the verdict, and the contradictions in words for the card's warning, each quote with its place.
    expect(Object.keys(card.verdict.byEngine!)).toEqual(['vllm', 'tensorrt-llm']);
    expect(card.verdict.byEngine!['tensorrt-llm']).toMatch(/^Choose TensorRT-LLM if you're exclusively on NVIDIA/);
    expect(card.contradictions!.map((c) => c.id)).toEqual(comparison.textClaimGroups!.map((g) => g.id));
    expect(card.contradictions![0]!.claims[0]).toEqual({
      quote: 'vLLM is a faster, more flexible open-source inference engine',
      where: 'Short Answer',
    });
    // The seed states GitHub stars five ways: if the card shows stars, it must say the sources disagree.
    const stars = card.figures.find((f) => /github stars/i.test(f.label));
    if (stars) expect(stars.disagree).toBe(true);
  });
});
