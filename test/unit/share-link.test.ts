import { describe, expect, it } from 'vitest';
import {
  classifyPasted,
  matchesPattern,
  payloadOfFragment,
  SHARE_LINK_MAX,
  SHARE_PAYLOAD_MAX,
  shareLink,
  supportedPage,
} from '@/lib/share-link';

describe('share links', () => {
  it('puts the payload in the fragment of a supported page, replacing any fragment it had', () => {
    expect(shareLink('https://github.com/vllm-project/vllm/issues/1#issuecomment-9', '1.abc')).toEqual({
      ok: true,
      link: 'https://github.com/vllm-project/vllm/issues/1#engine-lens=1.abc',
    });
    expect(shareLink('https://docs.vllm.ai/en/latest/?q=x', '1.abc')).toEqual({ ok: true, link: 'https://docs.vllm.ai/en/latest/?q=x#engine-lens=1.abc' });
  });

  it.each([
    ['a site Engine Lens does not run on', 'https://example.com/page'],
    ['plain http', 'http://github.com/vllm-project/vllm'],
    ['a look-alike host', 'https://github.com.evil.example/x'],
    ['credentials in the URL', 'https://user:pass@github.com/x'],
    ['not a URL', 'github.com/vllm-project'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('refuses %s', (_name, url) => {
    expect(shareLink(url, '1.abc')).toMatchObject({ ok: false, problem: 'unsupported-page' });
  });

  it('says when the link would be too long for a comment, and offers JSON', () => {
    const result = shareLink('https://github.com/x', `1.${'A'.repeat(SHARE_LINK_MAX)}`);
    expect(result).toMatchObject({ ok: false, problem: 'too-long', message: expect.stringMatching(/Export it as JSON instead/) });
  });

  it('finds the payload in a fragment, and nothing in other fragments', () => {
    expect(payloadOfFragment('#engine-lens=1.abc')).toBe('1.abc');
    expect(payloadOfFragment('#engine-lens=garbage!')).toBe('garbage!'); // malformed ones reach the import page, which says why
    expect(payloadOfFragment('#issuecomment-1')).toBeNull();
    expect(payloadOfFragment('')).toBeNull();
    expect(payloadOfFragment(`#engine-lens=${'A'.repeat(SHARE_PAYLOAD_MAX + 50)}`)).toHaveLength(SHARE_PAYLOAD_MAX + 1);
  });

  it('tells pasted links, payloads and JSON apart', () => {
    expect(classifyPasted(' https://github.com/x#engine-lens=1.abc \n')).toEqual({ kind: 'payload', payload: '1.abc' });
    expect(classifyPasted('1.abc')).toEqual({ kind: 'payload', payload: '1.abc' });
    expect(classifyPasted('{"format":"engine-lens.pins"}')).toEqual({ kind: 'json', text: '{"format":"engine-lens.pins"}' });
    expect(classifyPasted('hello')).toEqual({ kind: 'unknown' });
  });

  it.each([
    ['https://github.com/*', 'https://github.com/a/b?c=d', true],
    ['https://github.com/*', 'https://gist.github.com/a', false],
    ['https://*.github.com/*', 'https://gist.github.com/a', true],
    ['https://*.github.com/*', 'https://github.com/a', true],
    ['https://*.github.com/*', 'https://evilgithub.com/a', false],
    ['*://docs.vllm.ai/en/*', 'http://docs.vllm.ai/en/latest', true],
    ['*://docs.vllm.ai/en/*', 'https://docs.vllm.ai/fr/latest', false],
  ])('match pattern %s against %s: %s', (pattern, url, expected) => {
    expect(matchesPattern(new URL(url), pattern)).toBe(expected);
  });

  it('a supported page is one of the default sites', () => {
    expect(supportedPage('https://news.ycombinator.com/item?id=1')?.hostname).toBe('news.ycombinator.com');
    expect(supportedPage('https://example.org/')).toBeNull();
  });
});
