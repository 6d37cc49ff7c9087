import { describe, expect, it } from 'vitest';
import { bundledDataset } from '@/lib/bundled-dataset';
import { diffDatasets, trackedKinds, type TrackedKind } from '@/lib/dataset-diff';
import type { Dataset } from '@/lib/schema';

const base = () => bundledDataset();
function edited(edit: (d: Dataset) => void, version = '2026-07-01.1'): Dataset {
  const copy = structuredClone(base()) as Dataset;
  copy.version = version;
  edit(copy);
  return copy;
}
const c0 = (d: Dataset) => d.comparisons[0]!;

describe('diffDatasets', () => {
  it('finds nothing between a dataset and itself, even with rows reordered', () => {
    const reordered = edited((d) => {
      c0(d).facts.reverse();
      c0(d).keyDifferences.reverse();
    });
    expect(diffDatasets(base(), reordered)).toEqual({ fromVersion: base().version, toVersion: '2026-07-01.1', comparisons: [] });
  });

  const cases: Array<[string, (d: Dataset) => void, Record<string, unknown>, TrackedKind[]]> = [
    [
      'a figure changed (old → new)',
      (d) => {
        c0(d).facts.find((f) => f.id === 'throughput-a100')!.values.vllm = { raw: '~9,000-13,000', parsed: null };
      },
      { figuresChanged: [{ rowId: 'throughput-a100', kind: 'fact', engineId: 'vllm', from: '~8,000-12,000', to: '~9,000-13,000' }] },
      ['figureChange'],
    ],
    [
      'a value appeared where the source had none',
      (d) => {
        c0(d).facts.find((f) => f.id === 'time-to-first-token')!.values['tensorrt-llm'] = { raw: '60 ms', parsed: null };
      },
      { figuresChanged: [{ rowId: 'time-to-first-token', engineId: 'tensorrt-llm', from: null, to: '60 ms' }] },
      ['figureChange'],
    ],
    [
      'a row added and one removed',
      (d) => {
        const facts = c0(d).facts;
        const removed = facts.findIndex((f) => f.id === 'cost-per-million-tokens');
        facts.splice(removed, 1);
        facts.push({ ...structuredClone(facts[0]!), id: 'power-draw', metric: 'Power draw (W)' });
      },
      {
        rowsAdded: [{ rowId: 'power-draw', kind: 'fact', label: 'Power draw (W)' }],
        rowsRemoved: [{ rowId: 'cost-per-million-tokens', kind: 'fact' }],
      },
      ['newSpec'],
    ],
    [
      'the verdict text and a score changed',
      (d) => {
        c0(d).verdict.text = 'A new verdict.';
        c0(d).verdict.scores.vllm = 8.9;
      },
      { verdictText: { to: 'A new verdict.' }, scoresChanged: [{ engineId: 'vllm', from: 8.6, to: 8.9 }] },
      ['verdictUpdate'],
    ],
    [
      'a key difference whose winner flipped',
      (d) => {
        c0(d).keyDifferences.find((k) => k.id === 'hardware-compatibility')!.winner = 'tensorrt-llm';
      },
      { winnersFlipped: [{ rowId: 'hardware-compatibility', kind: 'keyDifference', from: 'vllm', to: 'tensorrt-llm' }] },
      ['verdictUpdate'],
    ],
  ];

  it.each(cases)('%s', (_name, edit, expected, kinds) => {
    const diff = diffDatasets(base(), edited(edit));
    expect(diff.comparisons).toHaveLength(1);
    expect(diff.comparisons[0]).toMatchObject({ comparisonId: 'vllm-vs-tensorrt-llm', status: 'changed', ...expected });
    expect([...trackedKinds(diff)].sort()).toEqual(kinds.sort());
  });

  it('a comparison added or removed is a new spec', () => {
    const added = edited((d) => d.comparisons.push({ ...structuredClone(c0(d)), id: 'vllm-vs-sglang', title: 'vLLM vs SGLang' }));
    expect(diffDatasets(base(), added).comparisons).toEqual([expect.objectContaining({ comparisonId: 'vllm-vs-sglang', status: 'added' })]);
    expect(diffDatasets(added, base()).comparisons).toEqual([expect.objectContaining({ comparisonId: 'vllm-vs-sglang', status: 'removed' })]);
    expect([...trackedKinds(diffDatasets(base(), added))]).toEqual(['newSpec']);
  });

  it('reports every kind at once, and only raw texts of the two datasets', () => {
    const after = edited((d) => {
      c0(d).verdict.scores['tensorrt-llm'] = 7;
      c0(d).keyDifferences[0]!.values.vllm = { raw: 'Everything', parsed: null };
      c0(d).facts.pop();
    });
    const diff = diffDatasets(base(), after);
    expect([...trackedKinds(diff)].sort()).toEqual(['figureChange', 'newSpec', 'verdictUpdate']);
    const texts = new Set(
      [base(), after].flatMap((d) => c0(d).facts.concat([]).flatMap((f) => Object.values(f.values).map((v) => v.raw))
        .concat(c0(d).keyDifferences.flatMap((k) => Object.values(k.values).map((v) => v.raw)))),
    );
    for (const change of diff.comparisons[0]!.figuresChanged) {
      for (const value of [change.from, change.to]) if (value !== null) expect(texts).toContain(value);
    }
  });
});
