import { describe, expect, it } from 'vitest';
import { parseFigure } from '../../lib/figure';
import type { ParsedFigure } from '../../lib/schema';

/** Expected reading with defaults, so each row states only what matters. */
const fig = (p: Partial<ParsedFigure> & { min: number }): ParsedFigure => ({
  max: p.min,
  unit: null,
  approximate: false,
  atLeast: false,
  qualifier: null,
  ...p,
});

describe('parseFigure: every figure format in the seed', () => {
  it.each<[raw: string, expected: ParsedFigure]>([
    // ranges
    ['80-120 ms', fig({ min: 80, max: 120, unit: 'ms' })],
    ['50-60ms', fig({ min: 50, max: 60, unit: 'ms' })],
    ['~8,000-12,000', fig({ min: 8000, max: 12000, approximate: true })],
    ['5-10 minutes', fig({ min: 5, max: 10, unit: 'minutes' })],
    [
      '120-420 minutes (2-7 days with infrastructure)',
      fig({ min: 120, max: 420, unit: 'minutes', qualifier: '2-7 days with infrastructure' }),
    ],
    ['5-6 GB (with optimization)', fig({ min: 5, max: 6, unit: 'GB', qualifier: 'with optimization' })],
    ['15-30 (built-in helpers)', fig({ min: 15, max: 30, qualifier: 'built-in helpers' })],
    ['~50-60ms per token', fig({ min: 50, max: 60, unit: 'ms', approximate: true, qualifier: 'per token' })],
    // single values, units and thousands separators
    ['8 GB', fig({ min: 8, unit: 'GB' })],
    ['8.2 GB (with PagedAttention)', fig({ min: 8.2, unit: 'GB', qualifier: 'with PagedAttention' })],
    ['30 minutes', fig({ min: 30, unit: 'minutes' })],
    ['380 ms', fig({ min: 380, unit: 'ms' })],
    ['12,500 tokens/sec', fig({ min: 12500, unit: 'tok/s' })],
    ['25,000 tokens/second', fig({ min: 25000, unit: 'tok/s' })],
    ['22,500 stars', fig({ min: 22500, unit: 'stars' })],
    ['3 (PyTorch, HF Transformers, vLLM native)', fig({ min: 3, qualifier: 'PyTorch, HF Transformers, vLLM native' })],
    ['1 (minimal, CLI-driven)', fig({ min: 1, qualifier: 'minimal, CLI-driven' })],
    // approximate
    ['~1200 tok/s', fig({ min: 1200, unit: 'tok/s', approximate: true })],
    ['~4x reduction', fig({ min: 4, unit: 'x', approximate: true, qualifier: 'reduction' })],
    // at least (open-ended: max null)
    ['50,000+', fig({ min: 50000, max: null, atLeast: true })],
    ['3,200+', fig({ min: 3200, max: null, atLeast: true })],
    ['500+ with auto-optimization', fig({ min: 500, max: null, atLeast: true, qualifier: 'with auto-optimization' })],
    ['50+ curated models', fig({ min: 50, max: null, atLeast: true, qualifier: 'curated models' })],
    ['1,000+ models', fig({ min: 1000, max: null, atLeast: true, unit: 'models' })],
    [
      '~1,200+ organizations (LLM-focused)',
      fig({ min: 1200, max: null, approximate: true, atLeast: true, unit: 'organizations', qualifier: 'LLM-focused' }),
    ],
    [
      '25,000+ stars, weekly updates',
      fig({ min: 25000, max: null, atLeast: true, unit: 'stars', qualifier: 'weekly updates' }),
    ],
    [
      '7,500+ GitHub stars, 300+ contributors',
      fig({ min: 7500, max: null, atLeast: true, unit: 'stars', qualifier: '300+ contributors' }),
    ],
    [
      '500+ open models (Llama, Mistral, Qwen, etc.)',
      fig({ min: 500, max: null, atLeast: true, qualifier: 'open models (Llama, Mistral, Qwen, etc.)' }),
    ],
    // currency
    ['$0.12', fig({ min: 0.12, unit: 'USD' })],
    // percents and signed diffs
    ['50-60% (Paged Attention)', fig({ min: 50, max: 60, unit: '%', qualifier: 'Paged Attention' })],
    ['-33%', fig({ min: -33, unit: '%' })],
    ['+57%', fig({ min: 57, unit: '%' })],
    ['+900%', fig({ min: 900, unit: '%' })],
    // multipliers
    ['4x larger batches possible', fig({ min: 4, unit: 'x', qualifier: 'larger batches possible' })],
    ['10-40x faster', fig({ min: 10, max: 40, unit: 'x', qualifier: 'faster' })],
    ['20-50x faster on NVIDIA GPUs', fig({ min: 20, max: 50, unit: 'x', qualifier: 'faster on NVIDIA GPUs' })],
  ])('%s', (raw, expected) => {
    expect(parseFigure(raw)).toEqual(expected);
  });
});

describe('parseFigure: text it cannot read unambiguously stays text', () => {
  it.each([
    // from the seed
    'NVIDIA, AMD, Intel, CPU (4 platforms)',
    'NVIDIA only (1 platform)',
    'Unlimited (HuggingFace)',
    'Community-dependent (typically 99.0%+)',
    'Free (open-source)',
    'High (requires separate instances)',
    'Limited, requires GPU',
    'Multi-platform (NVIDIA, AMD, Intel, CPU)',
    'Open-source, free, hardware-agnostic',
    // made up: would need a guess
    '',
    '   ',
    '3 or 4 GB',
    '50 ms, 60 ms',
    '5 to 10 minutes',
    '120-80 ms', // max below min
    '5-10+', // open range
    '-5-10', // signed range
    '4-bit quantization',
    '7B model',
    '12,5000',
    '2026-06-24',
    '50 ms (a) (b)',
    '$5 GB',
  ])('%j → null', (raw) => {
    expect(parseFigure(raw)).toBeNull();
  });
});

describe('parseFigure: details', () => {
  it('ignores surrounding whitespace', () => {
    expect(parseFigure('  8 GB ')).toEqual(fig({ min: 8, unit: 'GB' }));
  });
  it('reads a plus after the unit as at-least', () => {
    expect(parseFigure('99%+')).toEqual(fig({ min: 99, max: null, unit: '%', atLeast: true }));
  });
  it('does not take a word that starts like a unit for the unit', () => {
    expect(parseFigure('5 xylophones')).toEqual(fig({ min: 5, qualifier: 'xylophones' }));
    expect(parseFigure('1 minimal setup')).toEqual(fig({ min: 1, qualifier: 'minimal setup' }));
  });
  it('keeps a second figure of another unit as the qualifier, rejects one of the same unit', () => {
    expect(parseFigure('8 GB, 300 ms')?.qualifier).toBe('300 ms');
    expect(parseFigure('8 GB, 16 GB')).toBeNull();
  });
});
