import { describe, expect, it } from 'vitest';
import sourceJson from '../../assets/data/vllm-vs-tensorrt-llm.json';
import { bundledDataset } from '../../lib/bundled-dataset';
import { loadSourceDataset, parseDataset } from '../../lib/normalize';
import { DATASET_SCHEMA_VERSION, DatasetSchema, SourceDatasetSchema, type SourceDataset } from '../../lib/schema';

/** A fresh, mutable copy of the bundled source JSON for each test to break. */
const source = (): SourceDataset => structuredClone(sourceJson) as SourceDataset;
const comparison = (s: SourceDataset) => s.comparisons[0]!;

describe('source dataset validation (loadSourceDataset)', () => {
  it('accepts the bundled dataset and normalizes it to a valid Dataset', () => {
    expect(SourceDatasetSchema.safeParse(sourceJson).success).toBe(true);
    const dataset = loadSourceDataset(sourceJson);
    expect(DatasetSchema.safeParse(dataset).success).toBe(true);
    expect(dataset.schemaVersion).toBe(DATASET_SCHEMA_VERSION);
    expect(dataset.version).toBe('2026-06-24.2');
  });

  it('rejects a missing required field, naming it', () => {
    const s = source();
    delete (comparison(s) as Partial<SourceDataset['comparisons'][number]>).shortAnswer;
    expect(() => loadSourceDataset(s)).toThrow(/shortAnswer/);
  });

  it('rejects a value for an engine the comparison does not compare', () => {
    const s = source();
    comparison(s).facts[0]!.values['sglang'] = '100 ms';
    expect(() => loadSourceDataset(s)).toThrow(/engine "sglang"/);
  });

  it('rejects an unknown winner, scored engine, or compared engine', () => {
    const winner = source();
    comparison(winner).keyDifferences[0]!.winner = 'sglang';
    expect(() => loadSourceDataset(winner)).toThrow(/unknown winner "sglang"/);

    const score = source();
    comparison(score).verdict.scores['sglang'] = 5;
    expect(() => loadSourceDataset(score)).toThrow(/verdict.scores names engine "sglang"/);

    const compared = source();
    comparison(compared).engines.push('sglang');
    expect(() => loadSourceDataset(compared)).toThrow(/compares unknown engine "sglang"/);
  });

  it('rejects a score above 10', () => {
    const s = source();
    comparison(s).verdict.scores['vllm'] = 11;
    expect(() => loadSourceDataset(s)).toThrow(/scores/);
  });

  it('rejects duplicate fact ids, and a key difference reusing a fact id', () => {
    const facts = source();
    comparison(facts).facts[1]!.id = comparison(facts).facts[0]!.id;
    expect(() => loadSourceDataset(facts)).toThrow(/duplicate fact\/key-difference id "time-to-first-token"/);

    const mixed = source();
    comparison(mixed).keyDifferences[0]!.id = comparison(mixed).facts[0]!.id;
    expect(() => loadSourceDataset(mixed)).toThrow(/duplicate/);
  });

  it('rejects "—" written as a value instead of a missing key', () => {
    const s = source();
    comparison(s).facts[0]!.values['tensorrt-llm'] = '—';
    expect(() => loadSourceDataset(s)).toThrow(/omit the key/);
  });

  it('rejects bad shapes: an unknown group, a non-slug id, an empty value, no sections', () => {
    const group = source();
    (comparison(group).facts[0] as { group: string }).group = 'misc';
    expect(() => loadSourceDataset(group)).toThrow(/group/);

    const id = source();
    comparison(id).facts[0]!.id = 'Time To First Token';
    expect(() => loadSourceDataset(id)).toThrow(/id/);

    const empty = source();
    comparison(empty).facts[0]!.values['vllm'] = '  ';
    expect(() => loadSourceDataset(empty)).toThrow(/values/);

    const sections = source();
    comparison(sections).facts[0]!.sections = [];
    expect(() => loadSourceDataset(sections)).toThrow(/sections/);
  });

  it('rejects things that are not a dataset at all', () => {
    for (const junk of [null, 42, 'dataset', [], {}]) expect(() => loadSourceDataset(junk)).toThrow(/Invalid source dataset/);
  });
});

describe('stored dataset validation (parseDataset)', () => {
  const stored = () => JSON.parse(JSON.stringify(bundledDataset())) as ReturnType<typeof bundledDataset>;

  it('accepts the normalized bundled dataset after a JSON round trip (as IndexedDB stores it)', () => {
    expect(parseDataset(stored())).toEqual(bundledDataset());
  });

  it('rejects another schema version', () => {
    expect(() => parseDataset({ ...stored(), schemaVersion: DATASET_SCHEMA_VERSION + 1 })).toThrow(/schemaVersion/);
  });

  it('rejects a corrupt figure (max below min) and a source-form dataset', () => {
    const corrupt = stored();
    const figure = corrupt.comparisons[0]!.facts[0]!.values['vllm']!;
    figure.parsed = { ...figure.parsed!, min: 500, max: 1 };
    expect(() => parseDataset(corrupt)).toThrow(/max must be >= min/);
    expect(() => parseDataset(sourceJson)).toThrow(/Invalid dataset/);
  });

  it('rejects an unknown engine id in a stored row', () => {
    const bad = stored();
    bad.comparisons[0]!.keyDifferences[0]!.winner = 'sglang';
    expect(() => parseDataset(bad)).toThrow(/unknown winner/);
  });
});

describe('bundledDataset', () => {
  it('is memoised and frozen so callers cannot change the shared copy', () => {
    expect(bundledDataset()).toBe(bundledDataset());
    expect(Object.isFrozen(bundledDataset().comparisons[0]!.facts[0]!.values)).toBe(true);
  });
});
