import { describe, expect, it } from 'vitest';
import { bundledDataset } from '@/lib/bundled-dataset';
import { changesSince } from '@/lib/pin-changes';
import { buildPin, draftOf, newPinId, pinRows, planImport, type PinDraft } from '@/lib/pin-edit';
import { NO_PRIORITIES, PinIdSchema, PinSchema, type Pin } from '@/lib/pins';
import type { Comparison, Dataset } from '@/lib/schema';
import { PINS_V1 } from './fixtures/pins-v1';

const dataset = bundledDataset();
const comparison = dataset.comparisons[0]!;
const draft: PinDraft = {
  title: 'Our serving stack',
  team: 'Platform team',
  rows: { differences: ['hardware-compatibility', 'latency-on-a100'], facts: ['setup-time-basic-deployment'] },
  priorities: { ...NO_PRIORITIES, hardwareFlexibility: 3 },
  pick: 'vllm',
  note: 'Half the fleet is AMD.',
};
const ids = (n: number) => Array.from({ length: n }, (_, i) => `generated-id-${String(i).padStart(4, '0')}`);

function build(overrides: Partial<Parameters<typeof buildPin>[0]> = {}): Pin {
  return buildPin({ draft, comparison, datasetVersion: dataset.version, newId: 'new-pin-0001', now: 1_000, ...overrides });
}

/** The comparison as a later dataset version might have it: one value changed, one row dropped. */
function laterComparison(): Comparison {
  const later = structuredClone(comparison);
  later.keyDifferences.find((d) => d.id === 'hardware-compatibility')!.values['tensorrt-llm'] = { raw: 'NVIDIA GPUs, now also Grace CPUs', parsed: null };
  later.keyDifferences = later.keyDifferences.filter((d) => d.id !== 'latency-on-a100');
  return later;
}

describe('buildPin', () => {
  it('makes a valid pin with a snapshot of every chosen row, against the current dataset', () => {
    const pin = build();
    expect(PinSchema.parse(pin)).toEqual(pin);
    expect(pin).toMatchObject({ id: 'new-pin-0001', datasetVersion: dataset.version, comparisonId: 'vllm-vs-tensorrt-llm', createdAt: 1_000, updatedAt: 1_000 });
    expect(pin.snapshot).toEqual({
      'hardware-compatibility': { vllm: 'Multi-platform (NVIDIA, AMD, Intel, CPU)', 'tensorrt-llm': 'NVIDIA GPUs only' },
      'latency-on-a100': { vllm: '~50-60ms per token', 'tensorrt-llm': '~30-40ms per token' },
      'setup-time-basic-deployment': { vllm: '5-10 minutes', 'tensorrt-llm': '60-120 minutes' },
    });
  });

  it('an edit keeps the values and version the rows were pinned with; a new row takes today’s; repin takes all anew', () => {
    const pinned = build();
    const later = laterComparison();
    const edited = build({
      existing: pinned,
      comparison: later,
      datasetVersion: '2026-07-01.1',
      now: 2_000,
      draft: { ...draft, rows: { differences: ['hardware-compatibility', 'latency-on-a100', 'cost-of-ownership'], facts: [] } },
    });
    expect(edited.id).toBe(pinned.id);
    expect(edited.datasetVersion).toBe(dataset.version);
    expect(edited.snapshot['hardware-compatibility']).toEqual(pinned.snapshot['hardware-compatibility']);
    // A row the later data dropped stays chosen (shown as gone), with its old values.
    expect(edited.rows.differences).toContain('latency-on-a100');
    expect(edited.snapshot['latency-on-a100']).toEqual(pinned.snapshot['latency-on-a100']);
    expect(edited.snapshot['cost-of-ownership']).toEqual({ vllm: 'Open-source, free, hardware-agnostic', 'tensorrt-llm': 'Free but requires NVIDIA ecosystem investment' });
    expect(edited).toMatchObject({ createdAt: 1_000, updatedAt: 2_000 });

    const repinned = build({ existing: edited, comparison: later, datasetVersion: '2026-07-01.1', now: 3_000, repin: true, draft: draftOf(edited) });
    expect(repinned.datasetVersion).toBe('2026-07-01.1');
    expect(repinned.snapshot['hardware-compatibility']!['tensorrt-llm']).toBe('NVIDIA GPUs, now also Grace CPUs');
    expect(Object.hasOwn(repinned.snapshot, 'latency-on-a100')).toBe(false);
  });

  it.each<[string, Partial<Parameters<typeof buildPin>[0]>, RegExp]>([
    ['a row the comparison does not have', { draft: { ...draft, rows: { differences: ['made-up-row'], facts: [] } } }, /No difference "made-up-row"/],
    ['a fact id given as a difference', { draft: { ...draft, rows: { differences: ['setup-time-basic-deployment'], facts: [] } } }, /No difference/],
    ['a row chosen twice', { draft: { ...draft, rows: { differences: ['hardware-compatibility', 'hardware-compatibility'], facts: [] } } }, /chosen twice/],
    ['a pick that is not a compared engine', { draft: { ...draft, pick: 'sglang' } }, /not one of the engines/],
  ])('refuses %s', (_name, overrides, message) => {
    expect(() => build(overrides)).toThrow(message);
  });

  it('new ids are 22 URL-safe characters from 16 random bytes', () => {
    const id = newPinId(new Uint8Array(16).fill(251));
    expect(id).toBe('-_v7-_v7-_v7-_v7-_v7-w');
    expect(PinIdSchema.safeParse(id).success).toBe(true);
    expect(() => newPinId(new Uint8Array(4))).toThrow();
  });
});

describe('planImport', () => {
  const [a, b] = PINS_V1 as unknown as [Pin, Pin];
  it('adds pins with free ids as they are', () => {
    expect(planImport([a, b], new Set(['other-pin-0001']), {}, () => 'never-used-0001')).toEqual([a, b]);
  });

  it('on a taken id: replace keeps the id, keep both gives the incoming pin a new one', () => {
    const fresh = ids(3);
    const planned = planImport([a, b], new Set([a.id, b.id, fresh[0]!]), { [a.id]: 'replace', [b.id]: 'keep-both' }, () => fresh.shift()!);
    expect(planned[0]).toEqual(a);
    // The first fresh id was taken too: the next one is used.
    expect(planned[1]).toEqual({ ...b, id: 'generated-id-0001' });
  });

  it('refuses a clash nobody decided', () => {
    expect(() => planImport([a], new Set([a.id]), {}, () => 'x-0000000')).toThrow(/Choose whether "Our serving stack" replaces/);
  });
});

describe('changesSince', () => {
  it('reports nothing against the dataset it was pinned with', () => {
    expect(changesSince(build(), comparison, dataset.version)).toEqual({
      since: dataset.version,
      current: dataset.version,
      changed: [],
      unknown: [],
      comparisonGone: false,
    });
  });

  it('reports changed values and rows a later dataset dropped, in the pin’s order', () => {
    const changes = changesSince(build(), laterComparison(), '2026-07-01.1');
    expect(changes.changed).toEqual([
      {
        kind: 'difference',
        id: 'hardware-compatibility',
        label: 'Hardware Compatibility',
        status: 'changed',
        values: [{ engineId: 'tensorrt-llm', before: 'NVIDIA GPUs only', after: 'NVIDIA GPUs, now also Grace CPUs' }],
      },
      { kind: 'difference', id: 'latency-on-a100', label: 'latency on a100', status: 'removed' },
    ]);
  });

  it('a value the source added or dropped for one engine is a change from or to "no value"', () => {
    const later = structuredClone(comparison);
    const setup = later.facts.find((f) => f.id === 'setup-time-basic-deployment')!;
    delete setup.values['tensorrt-llm'];
    const changes = changesSince(build(), later, 'later');
    expect(changes.changed).toEqual([
      expect.objectContaining({ id: 'setup-time-basic-deployment', values: [{ engineId: 'tensorrt-llm', before: '60-120 minutes', after: null }] }),
    ]);
  });

  it('rows without a snapshot are unknown, not "unchanged"; a missing comparison drops every row', () => {
    const fixture = PINS_V1[0] as unknown as Pin; // snapshots only hardware-compatibility
    expect(changesSince(fixture, comparison, dataset.version).unknown).toEqual(['deployment-complexity', 'setup-time-basic-deployment']);
    const gone = changesSince(fixture, undefined, 'other');
    expect(gone.comparisonGone).toBe(true);
    expect(gone.changed.map((c) => c.status)).toEqual(['removed', 'removed', 'removed']);
  });
});

describe('pinRows', () => {
  it('labels rows from the comparison and marks those it lacks', () => {
    const rows = pinRows({ rows: { differences: ['hardware-compatibility', 'gone-row'], facts: ['cost'] } }, comparison as Dataset['comparisons'][number]);
    expect(rows.map((r) => [r.kind, r.label, r.present])).toEqual([
      ['difference', 'Hardware Compatibility', true],
      ['difference', 'gone-row', false],
      ['fact', 'Cost', true],
    ]);
  });
});
