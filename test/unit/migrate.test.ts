import { describe, expect, it } from 'vitest';
import { runMigrations, type MigrationChain } from '@/lib/migrate';

// A chain of the shape real ones have: each step moves one version and is pure.
const chain: MigrationChain = {
  2: (v) => ({ ...(v as object), b: 'added in 2' }),
  3: (v) => {
    const { a, ...rest } = v as { a: string };
    return { ...rest, renamed: a };
  },
};

describe('runMigrations', () => {
  it('runs every step from the stored version to the current one, in order', () => {
    expect(runMigrations({ a: 'x' }, 1, 3, chain)).toEqual({ ok: true, value: { b: 'added in 2', renamed: 'x' } });
    expect(runMigrations({ a: 'x', b: 'kept' }, 2, 3, chain)).toEqual({ ok: true, value: { b: 'kept', renamed: 'x' } });
  });

  it('is the identity at the current version', () => {
    const value = { a: 'x' };
    expect(runMigrations(value, 3, 3, chain)).toEqual({ ok: true, value });
  });

  it('refuses data of a later build instead of guessing', () => {
    expect(runMigrations({}, 4, 3, chain)).toEqual({ ok: false, reason: expect.stringMatching(/newer/) });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses version %s', (from) => {
    expect(runMigrations({}, from, 3, chain).ok).toBe(false);
  });

  it('refuses a gap in the chain and a throwing step', () => {
    expect(runMigrations({}, 1, 3, { 3: (v) => v })).toEqual({ ok: false, reason: 'no migration to version 2' });
    const throwing: MigrationChain = { 2: () => { throw new Error('bad shape'); } };
    expect(runMigrations({}, 1, 2, throwing)).toEqual({ ok: false, reason: 'migration to version 2 failed: bad shape' });
  });

  it('does not take steps from the prototype', () => {
    expect(runMigrations({}, 1, 2, Object.create({ 2: (v: unknown) => v })).ok).toBe(false);
  });
});
