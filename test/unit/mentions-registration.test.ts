import { describe, expect, it } from 'vitest';
import {
  MENTIONS_SCRIPT_ID,
  registerMentionScripts,
  type ScriptingApi,
} from '../../entrypoints/background/content-scripts';
import { DEFAULT_MATCH_PATTERNS, DEFAULT_SITES, matchPatternsOf, mentionScriptSites } from '../../lib/sites';

const DEFAULTS = { matches: DEFAULT_MATCH_PATTERNS };

type Script = { id: string; matches?: string[]; excludeMatches?: string[]; js?: string[]; css?: string[]; runAt?: string; allFrames?: boolean };

/** An in-memory stand-in for browser.scripting's dynamic content scripts. */
function fakeScripting(options: { failFirstRegisterAsDuplicate?: boolean } = {}) {
  const scripts = new Map<string, Script>();
  const calls: string[] = [];
  let failDuplicate = options.failFirstRegisterAsDuplicate ?? false;
  const api = {
    async getRegisteredContentScripts(filter?: { ids?: string[] }) {
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    },
    async registerContentScripts(list: Script[]) {
      calls.push('register');
      if (failDuplicate) {
        failDuplicate = false;
        scripts.set(list[0]!.id, { id: list[0]!.id, matches: ['https://example.com/*'] });
        throw new Error(`Duplicate script ID '${list[0]!.id}'`);
      }
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    async updateContentScripts(list: Script[]) {
      calls.push('update');
      for (const s of list) scripts.set(s.id, { ...scripts.get(s.id), ...s });
    },
    async unregisterContentScripts(filter?: { ids?: string[] }) {
      calls.push('unregister');
      for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
    },
  };
  return { api: api as unknown as ScriptingApi, scripts, calls };
}

describe('registerMentionScripts', () => {
  it('registers the content script and its CSS for the default sites', async () => {
    const fake = fakeScripting();
    await registerMentionScripts(DEFAULTS, fake.api);
    const script = fake.scripts.get(MENTIONS_SCRIPT_ID)!;
    expect(script.matches).toEqual([...DEFAULT_MATCH_PATTERNS]);
    expect(script.js).toEqual(['content-scripts/mentions.js']);
    // The mentions CSS (colours), then the underline style (the default, dotted) that overrides its line styles.
    expect(script.css).toEqual(['content-scripts/mentions.css', 'underline/dotted.css']);
    expect(script.runAt).toBe('document_idle');
  });

  it('is idempotent: a second call with the same sites writes nothing', async () => {
    const fake = fakeScripting();
    await registerMentionScripts(DEFAULTS, fake.api);
    await registerMentionScripts(DEFAULTS, fake.api);
    expect(fake.calls).toEqual(['register']);
  });

  it('updates the registration when the sites change, and unregisters when there are none', async () => {
    const fake = fakeScripting();
    await registerMentionScripts(DEFAULTS, fake.api);
    await registerMentionScripts({ matches: ['https://github.com/*'], excludeMatches: ['https://gist.github.com/*'] }, fake.api);
    expect(fake.scripts.get(MENTIONS_SCRIPT_ID)!.matches).toEqual(['https://github.com/*']);
    expect(fake.scripts.get(MENTIONS_SCRIPT_ID)!.excludeMatches).toEqual(['https://gist.github.com/*']);
    await registerMentionScripts({ matches: [] }, fake.api);
    expect(fake.scripts.size).toBe(0);
    expect(fake.calls).toEqual(['register', 'update', 'unregister']);
  });

  it('the underline setting picks the style sheet, and changing it updates the registration', async () => {
    const fake = fakeScripting();
    await registerMentionScripts({ ...DEFAULTS, underline: 'solid' }, fake.api);
    expect(fake.scripts.get(MENTIONS_SCRIPT_ID)!.css).toEqual(['content-scripts/mentions.css', 'underline/solid.css']);
    await registerMentionScripts({ ...DEFAULTS, underline: 'none' }, fake.api);
    expect(fake.scripts.get(MENTIONS_SCRIPT_ID)!.css).toEqual(['content-scripts/mentions.css', 'underline/none.css']);
    expect(fake.calls).toEqual(['register', 'update']);
  });

  it('overlapping calls do not race each other into a duplicate registration', async () => {
    const fake = fakeScripting();
    await Promise.all([registerMentionScripts(DEFAULTS, fake.api), registerMentionScripts(DEFAULTS, fake.api)]);
    expect(fake.calls).toEqual(['register']);
  });

  it('falls back to an update when another context registered the id first', async () => {
    const fake = fakeScripting({ failFirstRegisterAsDuplicate: true });
    await registerMentionScripts(DEFAULTS, fake.api);
    expect(fake.calls).toEqual(['register', 'update']);
    expect(fake.scripts.get(MENTIONS_SCRIPT_ID)!.matches).toEqual([...DEFAULT_MATCH_PATTERNS]);
  });
});

describe('default sites', () => {
  it('are the sites of the issue, as https match patterns without duplicates', () => {
    const hosts = DEFAULT_MATCH_PATTERNS.map((p) => new URL(p.replace('/*', '/')).host);
    expect(hosts).toEqual([
      'github.com', 'gist.github.com', 'docs.vllm.ai', 'blog.vllm.ai', 'discuss.vllm.ai', 'nvidia.github.io',
      'docs.nvidia.com', 'developer.nvidia.com', 'forums.developer.nvidia.com', 'huggingface.co',
      'discuss.huggingface.co', 'www.reddit.com', 'old.reddit.com', 'news.ycombinator.com', 'stackoverflow.com',
    ]);
    for (const p of DEFAULT_MATCH_PATTERNS) expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    expect(new Set(DEFAULT_SITES.map((s) => s.id)).size).toBe(DEFAULT_SITES.length);
    expect(matchPatternsOf([...DEFAULT_SITES, DEFAULT_SITES[0]!])).toEqual(DEFAULT_MATCH_PATTERNS);
  });
});

describe('mentionScriptSites: where the settings say the script runs', () => {
  const none = { enabledDefaults: {}, customSites: [], pausedOrigins: [] };

  it('is every default site when nothing is set', () => {
    expect(mentionScriptSites(none, new Set())).toEqual({ matches: [...DEFAULT_MATCH_PATTERNS], excludeMatches: [] });
  });

  it('leaves out a default site switched off, and excludes paused origins', () => {
    const sites = mentionScriptSites({ ...none, enabledDefaults: { github: false }, pausedOrigins: ['https://www.reddit.com'] }, new Set());
    expect(sites.matches).not.toContain('https://github.com/*');
    expect(sites.matches).not.toContain('https://gist.github.com/*');
    expect(sites.matches).toContain('https://docs.vllm.ai/*');
    expect(sites.excludeMatches).toEqual(['https://www.reddit.com/*']);
  });

  it('adds a user site only when it is on and its permission was granted', () => {
    const customSites = [
      { origin: 'https://docs.sglang.ai', enabled: true },
      { origin: 'https://lmsys.org', enabled: false },
      { origin: 'https://not-granted.example', enabled: true },
    ];
    const granted = new Set(['https://docs.sglang.ai/*', 'https://lmsys.org/*']);
    const { matches } = mentionScriptSites({ ...none, customSites }, granted);
    expect(matches).toContain('https://docs.sglang.ai/*');
    expect(matches).not.toContain('https://lmsys.org/*');
    expect(matches).not.toContain('https://not-granted.example/*');
  });
});
