import { describe, expect, it } from 'vitest';
import { checkWarnings, type AllowedWarning } from '@/lib/build/linter-allow-list';

const entry: AllowedWarning = { code: 'DANGEROUS_EVAL', file: 'chunks/comparison-*.js', source: 'Function(``)', count: 1, reason: 'zod probe' };
const warning = (over: Partial<{ code: string; file: string; sourceAt: string }> = {}) => ({
  code: 'DANGEROUS_EVAL',
  file: 'chunks/comparison-C635M1ev.js',
  line: 9,
  column: 10,
  message: 'The Function constructor is eval.',
  sourceAt: 'Function(``),!0}catch',
  ...over,
});

describe('the addons-linter allow-list check', () => {
  it('a listed warning passes, whatever the bundle hash', () => {
    expect(checkWarnings([warning({ file: 'chunks/comparison-ZZZ.js' })], [entry])).toEqual({ unexpected: [], stale: [] });
  });

  it('a warning of another code, file or source is unexpected', () => {
    for (const w of [warning({ code: 'UNSAFE_VAR_ASSIGNMENT' }), warning({ file: 'background.js' }), warning({ sourceAt: 'eval(userInput)' })]) {
      expect(checkWarnings([w], [entry]).unexpected).toHaveLength(1);
    }
  });

  it('one more of a listed warning than its count is unexpected', () => {
    expect(checkWarnings([warning(), warning()], [entry]).unexpected).toHaveLength(1);
  });

  it('an entry that matches fewer warnings than it lists is stale', () => {
    expect(checkWarnings([], [entry]).stale).toEqual(['DANGEROUS_EVAL in chunks/comparison-*.js ("Function(``)"): listed 1, found 0']);
  });
});
