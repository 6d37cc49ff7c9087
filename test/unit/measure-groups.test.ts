import { describe, expect, it } from 'vitest';
import { parseFigure } from '../../lib/figure';
import { groupMeasures, sameValue, spanOf } from '../../lib/measure-groups';
import type { Fact, Figure, KeyDifference } from '../../lib/schema';

const figure = (raw: string): Figure => ({ raw, parsed: parseFigure(raw) });

const fact = (id: string, measure: string | undefined, values: Record<string, string>): Fact => ({
  id,
  metric: `Metric ${id}`,
  unit: null,
  group: 'performance',
  ...(measure ? { measure } : {}),
  values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, figure(v)])),
  sections: ['fullComparison'],
});

const difference = (id: string, measure: string | undefined, values: Record<string, string>): KeyDifference => ({
  id,
  title: `Title ${id}`,
  values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, figure(v)])),
  winner: null,
  atAGlance: false,
  ...(measure ? { measure } : {}),
});

describe('sameValue', () => {
  it.each([
    ['~50-60ms per token', '50-60ms', true], // approximate and qualifier do not matter
    ['7,500+', '7,500+ GitHub stars, 300+ contributors', true],
    ['~8,000-12,000', '8,000-12,000 tokens/sec', true], // a missing unit is not a conflict
    ['7,500+', '7,500', false], // open-ended vs exact
    ['50,000+', '21,000+', false],
    ['5 GB', '5 ms', false], // different units
    ['Free (open-source)', 'free (open-source) ', true], // unparsed: same text
    ['Unlimited (HuggingFace)', 'Unlimited', false],
    ['Unlimited (HuggingFace)', '500+', false], // parsed vs unparsed
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameValue(figure(a), figure(b))).toBe(same);
    expect(sameValue(figure(b), figure(a))).toBe(same);
  });
});

describe('spanOf', () => {
  const span = (...raws: string[]) => spanOf(raws.map(parseFigure));
  it('spans min of mins to max of maxes', () => {
    expect(span('30 minutes', '5-10 minutes', '120-420 minutes')).toEqual({ min: 5, max: 420 });
  });
  it('is open at the top when any claim is open-ended, even a lower one', () => {
    // "21,000+" allows more than the closed 22,500, so nothing bounds the top.
    expect(span('22,500 stars', '21,000+')).toEqual({ min: 21000, max: null });
  });
  it('ignores unparsed claims and is null when none parse', () => {
    expect(span('Unlimited (HuggingFace)', '500+', '1,000+ models')).toEqual({ min: 500, max: null });
    expect(span('Unlimited (HuggingFace)')).toBeNull();
    expect(span()).toBeNull();
  });
  it('treats unitless claims as the row unit but refuses to span two units', () => {
    expect(span('~8,000-12,000', '25,000 tokens/sec')).toEqual({ min: 8000, max: 25000 });
    expect(span('5 GB', '30 ms')).toBeNull();
  });
});

describe('groupMeasures', () => {
  const engines = ['a', 'b'];

  it('gathers claims per engine in source order (facts, then key differences)', () => {
    const facts = [
      fact('stars-1', 'stars', { a: '50,000+' }),
      fact('other', undefined, { a: '8 GB', b: '9 GB' }),
      fact('stars-2', 'stars', { a: '21,000+', b: '3,200+' }),
    ];
    const kds = [difference('kd-stars', 'stars', { a: '7,500+ GitHub stars', b: '3,200+ GitHub stars' })];
    const [group, ...rest] = groupMeasures(engines, facts, kds);
    expect(rest).toEqual([]);
    expect(group?.measure).toBe('stars');
    expect(group?.sourceIds).toEqual(['stars-1', 'stars-2', 'kd-stars']);
    expect(group?.perEngine.a?.claims.map((c) => [c.sourceId, c.kind, c.figure.raw])).toEqual([
      ['stars-1', 'fact', '50,000+'],
      ['stars-2', 'fact', '21,000+'],
      ['kd-stars', 'keyDifference', '7,500+ GitHub stars'],
    ]);
    expect(group?.perEngine.a?.claims[0]?.label).toBe('Metric stars-1');
    expect(group?.perEngine.a).toMatchObject({ disagree: true, range: { min: 7500, max: null } });
    expect(group?.perEngine.b).toMatchObject({ disagree: false, range: { min: 3200, max: null } });
    expect(group?.disagree).toBe(true);
  });

  it('agrees when every engine states one value, however phrased', () => {
    const facts = [fact('latency', 'latency', { a: '50-60ms', b: '30-40ms' })];
    const kds = [difference('kd-latency', 'latency', { a: '~50-60ms per token', b: '~30-40ms per token' })];
    const [group] = groupMeasures(engines, facts, kds);
    expect(group?.disagree).toBe(false);
    expect(group?.perEngine.a).toMatchObject({ disagree: false, range: { min: 50, max: 60 } });
  });

  it('different values between engines are not a disagreement', () => {
    const [group] = groupMeasures(engines, [fact('x', 'm', { a: '1 GB', b: '2 GB' })], []);
    expect(group?.disagree).toBe(false);
  });

  it('leaves out engines with no claim and ids not compared', () => {
    const [group] = groupMeasures(['a'], [fact('x', 'm', { a: '1 GB', b: '2 GB' }), fact('y', 'm', { b: '3 GB' })], []);
    expect(Object.keys(group?.perEngine ?? {})).toEqual(['a']);
  });

  it('flags unparsed claims that differ in text', () => {
    const [group] = groupMeasures(engines, [fact('x', 'm', { a: 'Unlimited' }), fact('y', 'm', { a: '500+' })], []);
    expect(group?.perEngine.a).toMatchObject({ disagree: true, range: { min: 500, max: null } });
  });

  it('makes no group for rows without a measure', () => {
    expect(groupMeasures(engines, [fact('x', undefined, { a: '1 GB' })], [])).toEqual([]);
  });
});
