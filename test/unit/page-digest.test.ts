import { describe, expect, it } from 'vitest';
import { snippetAround } from '@/lib/page-digest';

describe('snippetAround', () => {
  it('keeps short context whole, with one space next to the mention', () => {
    expect(snippetAround('We use ', ' in production.')).toEqual({ before: 'We use ', after: ' in production.' });
  });

  it('collapses whitespace and newlines', () => {
    expect(snippetAround('  We\n\n   use\t', '\u00a0 in\nproduction.  ')).toEqual({ before: 'We use ', after: ' in production.' });
  });

  it('cuts long context at word boundaries and marks the cuts', () => {
    const before = 'one two three four five six seven eight nine ten eleven twelve thirteen ';
    const after = ' alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu';
    const s = snippetAround(before, after, 30);
    expect(s.before).toBe('…ten eleven twelve thirteen ');
    expect(s.after).toBe(' alpha beta gamma delta…');
    expect(s.before.length).toBeLessThanOrEqual(31);
    expect(s.after.length).toBeLessThanOrEqual(31);
  });

  it('cuts inside one very long word rather than dropping everything', () => {
    const s = snippetAround('x'.repeat(100), 'y'.repeat(100), 20);
    expect(s.before).toBe('…' + 'x'.repeat(20));
    expect(s.after).toBe('y'.repeat(20) + '…');
  });

  it('handles a mention at the start or end of its block', () => {
    expect(snippetAround('', ' is fast')).toEqual({ before: '', after: ' is fast' });
    expect(snippetAround('We chose ', '')).toEqual({ before: 'We chose ', after: '' });
  });
});
