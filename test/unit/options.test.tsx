// @vitest-environment happy-dom
/**
 * The options page's components with a fake browser behind OptionsApi: what
 * a change sends to the worker, and that a permission request is made
 * synchronously inside the user's click (Firefox shows the prompt only then).
 */
import { act } from 'react';
import { useTestRoot } from './react-root';
import { describe, expect, it, vi } from 'vitest';
import type { OptionsApi } from '@/components/options/api';
import { OptionsApp } from '@/components/options/OptionsApp';
import { isGranted } from '@/components/options/SitesSection';
import { debounce } from '@/lib/debounce';
import { feedPermissionPattern, formatBytes, neededOptionalPatterns, patternsNoLongerNeeded, refreshChoices } from '@/lib/options';
import { applySettingsPatch, DEFAULT_SETTINGS, SettingsPatchSchema, type Settings, type SettingsPatch } from '@/lib/settings';
import { DEFAULT_MATCH_PATTERNS } from '@/lib/sites';

const dom = useTestRoot();

/** A fake browser and worker; `log` records the order of what happened. */
function fakeApi(options: { grant?: boolean } = {}) {
  let settings: Settings = DEFAULT_SETTINGS;
  const granted = new Set<string>(DEFAULT_MATCH_PATTERNS);
  const log: string[] = [];
  const api: OptionsApi = {
    loadSettings: async () => settings,
    updateSettings: vi.fn(async (patch: SettingsPatch) => {
      log.push(`update ${JSON.stringify(patch)}`);
      settings = applySettingsPatch(settings, SettingsPatchSchema.parse(patch));
      return settings;
    }),
    grantedOrigins: async () => new Set(granted),
    requestOrigins: vi.fn((patterns: string[]) => {
      log.push(`request ${patterns.join(' ')}`);
      if (options.grant !== false) for (const p of patterns) granted.add(p);
      return Promise.resolve(options.grant !== false);
    }),
    requestNotifications: vi.fn(() => {
      log.push('request notifications');
      return Promise.resolve(options.grant !== false);
    }),
    storageUsage: async () => ({ databaseBytes: 190_000, syncBytes: 600, syncQuotaBytes: 102_400, localBytes: null }),
    resetData: vi.fn(async (deletePins: boolean) => ({ datasetVersion: '2026-06-24.1', pinsDeleted: deletePins })),
    shortcuts: async () => [{ description: 'Open the card', shortcut: 'Alt+Shift+E' }],
    shortcutSettings: { href: 'chrome://extensions/shortcuts', label: 'the shortcuts page', open: vi.fn() },
    subscribe: () => () => {},
  };
  return { api, log, settings: () => settings };
}

async function renderOptions(api: OptionsApi) {
  await act(async () => dom.root.render(<OptionsApp api={api} feedStatus={<p data-testid="feed-status">Last checked: never</p>} />));
}

const byLabel = (text: string) => {
  const label = [...dom.container.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no control labelled "${text}"`);
  return dom.container.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`)!;
};
const button = (name: string) => [...dom.container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name)!;
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('the options page', () => {
  it('has every control of the UI contract, by its accessible name', async () => {
    const { api } = fakeApi();
    await renderOptions(api);
    for (const name of ['GitHub and Gist', 'Hover delay', 'Open cards only with a modifier key', 'Include code blocks', 'Add a site', 'Dataset feed URL']) {
      expect(byLabel(name)).toBeTruthy();
    }
    expect(byLabel('Hover delay').type).toBe('range');
    expect(button('Reset data')).toBeTruthy();
    // The feeds' status has its place under the feed settings.
    expect(dom.container.querySelector('[data-testid="feed-status"]')?.closest('section')?.querySelector('h2')?.textContent).toBe('Data');
  });

  it('switching a default site off sends exactly that change', async () => {
    const { api, log } = fakeApi();
    await renderOptions(api);
    await act(async () => byLabel('Reddit (www and old)').click());
    expect(log).toEqual(['update {"preferences":{"sites":{"reddit":false}}}']);
    expect(byLabel('Reddit (www and old)').checked).toBe(false);
  });

  it('adding a site asks for its permission synchronously, inside the click, and saves it once granted', async () => {
    const { api, log, settings } = fakeApi();
    await renderOptions(api);
    await type(byLabel('Add a site'), 'Docs.SGLang.ai/some/page');
    let requestedInsideClick = false;
    const form = byLabel('Add a site').form!;
    act(() => {
      form.requestSubmit();
      // Still inside the submit's task: the request must have been made already.
      requestedInsideClick = (api.requestOrigins as ReturnType<typeof vi.fn>).mock.calls.length === 1;
    });
    expect(requestedInsideClick).toBe(true);
    await act(async () => {});
    expect(log).toEqual([
      'request https://docs.sglang.ai/*',
      'update {"sources":{"customSites":[{"origin":"https://docs.sglang.ai","enabled":true}]}}',
    ]);
    expect(settings().sources.customSites).toEqual([{ origin: 'https://docs.sglang.ai', enabled: true }]);
    await act(async () => button('Remove docs.sglang.ai').click());
    expect(log.slice(2)).toEqual(['update {"sources":{"customSites":[]}}']);
  });

  it('a site the browser refuses is not added', async () => {
    const { api, log } = fakeApi({ grant: false });
    await renderOptions(api);
    await type(byLabel('Add a site'), 'docs.sglang.ai');
    await act(async () => byLabel('Add a site').form!.requestSubmit());
    expect(log).toEqual(['request https://docs.sglang.ai/*']);
    expect(dom.container.textContent).toContain('did not give Engine Lens access to docs.sglang.ai');
  });

  it.each([
    ['ftp://docs.example.com', 'https'],
    ['localhost', 'https'],
    ['github.com', 'one of the default sites'],
    ['https://forums.developer.nvidia.com/t/1', 'one of the default sites'],
  ])('"%s" is refused before anything is asked', async (input, why) => {
    const { api, log } = fakeApi();
    await renderOptions(api);
    await type(byLabel('Add a site'), input);
    await act(async () => byLabel('Add a site').form!.requestSubmit());
    expect(log).toEqual([]);
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toContain(why);
  });

  it('a feed URL asks for its host from the click; an http one is refused', async () => {
    const { api, log } = fakeApi();
    await renderOptions(api);
    await type(byLabel('Dataset feed URL'), 'http://feeds.example.com/d.json');
    await act(async () => byLabel('Dataset feed URL').form!.requestSubmit());
    expect(log).toEqual([]);
    await type(byLabel('Dataset feed URL'), 'https://feeds.example.com/d.json');
    act(() => byLabel('Dataset feed URL').form!.requestSubmit());
    expect(log).toEqual(['request https://feeds.example.com/*']);
    await act(async () => {});
    expect(log[1]).toBe('update {"sources":{"datasetFeedUrl":"https://feeds.example.com/d.json"}}');
  });

  it('notifications: the permission is asked for inside the click, and refused means they stay off', async () => {
    const { api, log } = fakeApi({ grant: false });
    await renderOptions(api);
    act(() => byLabel('Browser notifications').click());
    expect(log).toEqual(['request notifications']);
    await act(async () => {});
    expect(log).toEqual(['request notifications']);
    expect(byLabel('Browser notifications').checked).toBe(false);
  });

  it('"Reset data" keeps pins unless the box is ticked', async () => {
    const { api } = fakeApi();
    await renderOptions(api);
    await act(async () => button('Reset data').click());
    expect(api.resetData).toHaveBeenLastCalledWith(false);
    await act(async () => byLabel('Also delete team pins').click());
    await act(async () => button('Reset data').click());
    expect(api.resetData).toHaveBeenLastCalledWith(true);
    expect(dom.container.textContent).toContain('team pins were deleted');
  });

  it('the hover delay is written once the slider settles, not on every step', async () => {
    vi.useFakeTimers();
    try {
      const { api, log } = fakeApi();
      await renderOptions(api);
      const slider = byLabel('Hover delay');
      for (const ms of [350, 400, 450, 1200, 1250]) await type(slider, String(ms));
      expect(log).toEqual([]);
      await act(async () => vi.advanceTimersByTime(1000));
      expect(log).toEqual(['update {"preferences":{"hover":{"delayMs":1250}}}']);
      expect(dom.container.textContent).toContain('1250 ms');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists the shortcuts and links to the browser’s shortcut settings', async () => {
    const { api } = fakeApi();
    await renderOptions(api);
    expect(dom.container.querySelector('kbd')?.textContent).toBe('Alt+Shift+E');
    const link = [...dom.container.querySelectorAll('a')].find((a) => a.textContent === 'Change shortcuts')!;
    expect(link.getAttribute('href')).toBe('chrome://extensions/shortcuts');
    act(() => link.click());
    expect(api.shortcutSettings.open).toHaveBeenCalledOnce();
  });
});

describe('options helpers', () => {
  it('debounce passes the last value on once, or at once on flush', () => {
    vi.useFakeTimers();
    try {
      const calls: number[] = [];
      const d = debounce((v: number) => calls.push(v), 100);
      d(1);
      d(2);
      vi.advanceTimersByTime(99);
      expect(calls).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(calls).toEqual([2]);
      d(3);
      d.flush();
      d.flush();
      expect(calls).toEqual([2, 3]);
      d(4);
      d.cancel();
      vi.advanceTimersByTime(500);
      expect(calls).toEqual([2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('knows which host permissions the settings need, and which a removal frees', () => {
    expect(feedPermissionPattern('https://feeds.example.com/a/b.json?x=1')).toBe('https://feeds.example.com/*');
    expect(feedPermissionPattern('http://feeds.example.com/a.json')).toBeNull();
    const before = applySettingsPatch(
      DEFAULT_SETTINGS,
      SettingsPatchSchema.parse({
        sources: {
          customSites: [{ origin: 'https://docs.example.com', enabled: true }],
          datasetFeedUrl: 'https://docs.example.com/feed.json',
          teamFeedUrls: ['https://team.example.org/pins.json', 'https://github.com/team/pins.json'],
        },
      }),
    );
    expect([...neededOptionalPatterns(before)].sort()).toEqual(['https://docs.example.com/*', 'https://team.example.org/*']);
    // The site goes but the feed on the same host stays: its permission is still needed.
    const after = applySettingsPatch(before, { sources: { customSites: [], teamFeedUrls: [] } });
    expect(patternsNoLongerNeeded(before, after)).toEqual(['https://team.example.org/*']);
  });

  it('isGranted: an exact grant or a wider one', () => {
    expect(isGranted(new Set(['https://docs.example.com/*']), 'https://docs.example.com')).toBe(true);
    expect(isGranted(new Set(['https://*/*']), 'https://docs.example.com')).toBe(true);
    expect(isGranted(new Set(['https://example.com/*']), 'https://docs.example.com')).toBe(false);
  });

  it('sizes and refresh intervals read well', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(14_200)).toBe('14.2 KB');
    expect(formatBytes(3_100_000)).toBe('3.1 MB');
    expect(refreshChoices(24).map(([h]) => h)).toEqual([1, 3, 6, 12, 24, 72, 168]);
    expect(refreshChoices(5).map(([h]) => h)).toEqual([1, 3, 5, 6, 12, 24, 72, 168]);
  });
});
