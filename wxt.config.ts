import { defineConfig } from 'wxt';
import { DEFAULT_MATCH_PATTERNS } from './lib/sites';
import { validateDatasetFiles } from './lib/build/validate-datasets';

// Manifest and build settings for both browsers. Host permissions are the
// default sites only; anything else is requested at run time (optional).
export default defineConfig({
  // Parallel local builds (e.g. a benchmark beside an e2e run) can use separate folders.
  outDir: process.env.ENGINE_LENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // Static files copied as-is (the toolbar icons in icon/<size>.png); kept under
  // assets/ so the top level stays the project's fixed layout.
  publicDir: 'assets/public',
  hooks: {
    // Fail the build on an invalid bundled dataset, before anything is bundled.
    'build:before': (wxt) => {
      validateDatasetFiles(`${wxt.config.root}/assets/data`);
    },
  },
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Engine Lens',
    description:
      'Marks vLLM and TensorRT-LLM mentions on GitHub, docs and forums, and shows a sourced side-by-side comparison.',
    // scripting: the mentions content script is registered at run time (lib/sites.ts)
    // and the card UI is injected on first need. storage: the user's settings
    // (entrypoints/background/settings-store.ts). alarms: the scheduled feed check
    // (entrypoints/background/feeds.ts; no install warning, and Firefox cannot
    // grant it as an optional permission). contextMenus: "Compare vLLM and
    // TensorRT-LLM" on selected text. The data itself lives in the worker's
    // IndexedDB, which needs no permission. README "Permissions" says why each.
    permissions: ['scripting', 'storage', 'alarms', 'contextMenus'],
    host_permissions: [...DEFAULT_MATCH_PATTERNS],
    // Asked for at the moment the user needs them (options page): a site they add,
    // a feed's host, and notifications when they switch those on.
    optional_permissions: ['notifications'],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Engine Lens' },
    // The hover card draws the team's pick and note in this extension page,
    // framed inside the card, so the host page's scripts cannot read them
    // (components/card/TeamPickFrame.tsx). Any https page, because the card
    // runs on the user's own sites too. Chrome: only through the session's
    // dynamic URL, so a page cannot detect Engine Lens by fetching it;
    // Firefox's extension URLs are random per install already.
    web_accessible_resources: [
      {
        resources: ['team-pick.html'],
        matches: ['https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // The hover card from the keyboard (entrypoints/background/tabs.ts); users can change the key in the browser's shortcut settings.
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Open the Engine Lens card for the mention nearest the selection',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'engine-lens@engine-lens.dev',
              // 142: the first Firefox (desktop and Android) that reads
              // data_collection_permissions; the highlight API needs 140.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
