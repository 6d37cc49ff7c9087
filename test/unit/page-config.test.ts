import { describe, expect, it } from 'vitest';
import { FALLBACK_PAGE_CONFIG } from '@/entrypoints/mentions.content/lifecycle';
import { pageConfigFor, PageConfigSchema } from '@/lib/page-config';
import { applySettingsPatch, DEFAULT_SETTINGS, SettingsPatchSchema } from '@/lib/settings';
import { DEFAULT_MATCH_PATTERNS, patternMatches, siteStateOf, sitesCover } from '@/lib/sites';

const ISSUE = 'https://github.com/vllm-project/vllm/issues/1';
const settingsWith = (patch: unknown) => applySettingsPatch(DEFAULT_SETTINGS, SettingsPatchSchema.parse(patch));

describe('patternMatches (the match patterns the registration uses)', () => {
  it.each([
    ['https://github.com/*', ISSUE, true],
    ['https://github.com/*', 'https://github.com/', true],
    ['https://github.com/*', 'https://github.com', true],
    ['https://github.com/*', 'https://gist.github.com/x', false],
    ['https://github.com/*', 'http://github.com/x', false],
    ['https://github.com/*', 'https://github.com.evil.example/x', false],
    ['https://github.com/*', 'https://evil.example/?https://github.com/', false],
    ['https://GitHub.com/*', 'https://github.com/x', true],
    ['https://*.example.com/*', 'https://docs.example.com/a', true],
    ['https://*.example.com/*', 'https://example.com/a', true],
    ['https://*.example.com/*', 'https://badexample.com/a', false],
    ['https://*/*', 'https://anything.example/a?b', true],
    ['*://news.ycombinator.com/*', 'http://news.ycombinator.com/item', true],
    ['https://docs.example.com/guide/*', 'https://docs.example.com/guide/a', true],
    ['https://docs.example.com/guide/*', 'https://docs.example.com/blog/a', false],
    ['https://github.com/*', 'chrome://extensions', false],
    ['https://github.com/*', 'not a url', false],
    ['<all_urls>', ISSUE, false],
  ])('%s ~ %s: %s', (pattern, url, expected) => {
    expect(patternMatches(pattern, url)).toBe(expected);
  });

  it('every default pattern matches its own site', () => {
    for (const pattern of DEFAULT_MATCH_PATTERNS) expect(patternMatches(pattern, pattern.replace('*', 'some/page'))).toBe(true);
  });

  it('sitesCover: matched and not excluded', () => {
    const sites = { matches: ['https://github.com/*'], excludeMatches: ['https://github.com/*'] };
    expect(sitesCover(sites, ISSUE)).toBe(false);
    expect(sitesCover({ ...sites, excludeMatches: [] }, ISSUE)).toBe(true);
  });
});

describe('siteStateOf (the popup’s "Pause on this site")', () => {
  const defaults = { enabledDefaults: {}, customSites: [], pausedOrigins: [] };

  it('a default site runs, and is not paused', () => {
    expect(siteStateOf(defaults, new Set(), ISSUE)).toEqual({ origin: 'https://github.com', running: true, paused: false });
  });

  it('a paused default site is paused, not running', () => {
    const state = siteStateOf({ ...defaults, pausedOrigins: ['https://github.com'] }, new Set(), ISSUE);
    expect(state).toEqual({ origin: 'https://github.com', running: false, paused: true });
  });

  it('a site switched off is neither running nor paused (Pause would not bring it back)', () => {
    const state = siteStateOf({ ...defaults, enabledDefaults: { github: false }, pausedOrigins: ['https://github.com'] }, new Set(), ISSUE);
    expect(state).toEqual({ origin: 'https://github.com', running: false, paused: false });
  });

  it('a page with no https origin, or no URL (no permission to see it), is neither', () => {
    expect(siteStateOf(defaults, new Set(), 'chrome://extensions/')).toEqual({ origin: null, running: false, paused: false });
    expect(siteStateOf(defaults, new Set(), undefined)).toEqual({ origin: null, running: false, paused: false });
    expect(siteStateOf(defaults, new Set(), 'https://example.com/')).toEqual({ origin: 'https://example.com', running: false, paused: false });
  });
});

describe('pageConfigFor (what a content script gets: its own page’s part only)', () => {
  it('the defaults, for a default site', () => {
    expect(pageConfigFor(DEFAULT_SETTINGS, new Set(), ISSUE)).toEqual({
      enabled: true,
      includeCode: false,
      hoverDelayMs: 300,
      requireModifier: false,
      theme: 'auto',
    });
  });

  it('the content script’s fallback is the defaults', () => {
    expect(FALLBACK_PAGE_CONFIG).toEqual(pageConfigFor(DEFAULT_SETTINGS, new Set(), ISSUE));
  });

  it('follows the hover settings and the theme', () => {
    const settings = settingsWith({ preferences: { hover: { delayMs: 1200, requireModifier: true, includeCode: true }, theme: 'dark' } });
    expect(pageConfigFor(settings, new Set(), ISSUE)).toEqual({
      enabled: true,
      includeCode: true,
      hoverDelayMs: 1200,
      requireModifier: true,
      theme: 'dark',
    });
  });

  it('is disabled on a site switched off, a paused one, an ungranted user site and a page with no URL', () => {
    expect(pageConfigFor(settingsWith({ preferences: { sites: { github: false } } }), new Set(), ISSUE).enabled).toBe(false);
    expect(pageConfigFor(settingsWith({ sources: { pausedOrigins: ['https://github.com'] } }), new Set(), ISSUE).enabled).toBe(false);
    const custom = settingsWith({ sources: { customSites: [{ origin: 'https://docs.sglang.ai', enabled: true }] } });
    expect(pageConfigFor(custom, new Set(), 'https://docs.sglang.ai/x').enabled).toBe(false);
    expect(pageConfigFor(custom, new Set(['https://docs.sglang.ai/*']), 'https://docs.sglang.ai/x').enabled).toBe(true);
    expect(pageConfigFor(DEFAULT_SETTINGS, new Set(), undefined).enabled).toBe(false);
  });

  it('holds nothing but these five fields (no feed URLs, no other sites)', () => {
    const settings = settingsWith({
      sources: { datasetFeedUrl: 'https://feeds.example.com/d.json', teamFeedUrls: ['https://team.example.com/pins.json'] },
    });
    const config = pageConfigFor(settings, new Set(), ISSUE);
    expect(PageConfigSchema.parse(config)).toEqual(config);
    expect(JSON.stringify(config)).not.toMatch(/example\.com|github/);
  });
});
