import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import type { OptionsApi } from '@/components/options/api';
import { FreshnessPanel } from '@/components/freshness/FreshnessPanel';
import { OptionsApp } from '@/components/options/OptionsApp';
import { onDataChanged } from '@/lib/browser/data-changed';
import { freshnessApi } from '@/lib/browser/freshness-api';
import { followPageTheme } from '@/lib/browser/page-theme';
import { send } from '@/lib/browser/send';
import '@/components/comparison/comparison.css';

/**
 * The options page's glue: the worker for settings and data (it is the only
 * writer), the browser for permissions and shortcuts. Permission requests
 * are made synchronously inside the user's click (see OptionsApi).
 */
const isFirefox = import.meta.env.FIREFOX;

const api: OptionsApi = {
  loadSettings: () => send({ type: 'settings/get' }),
  updateSettings: (patch) => send({ type: 'settings/update', patch }),
  grantedOrigins: async () => new Set((await browser.permissions.getAll()).origins ?? []),
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  requestNotifications: () => browser.permissions.request({ permissions: ['notifications'] }),
  storageUsage: () => send({ type: 'storage/usage' }),
  resetData: (deletePins) => send({ type: 'data/reset', deletePins }),
  shortcuts: async () =>
    (await browser.commands.getAll())
      .filter((command) => command.name !== '_execute_action' && command.description)
      .map((command) => ({ description: command.description ?? '', shortcut: command.shortcut ?? '' })),
  shortcutSettings: isFirefox
    ? {
        href: 'about:addons',
        label: 'Firefox’s add-on shortcuts (about:addons → ⚙ → Manage Extension Shortcuts)',
        open: () => {
          const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
          void (commands.openShortcutSettings?.() ?? browser.tabs.create({ url: 'about:addons' }));
        },
      }
    : {
        href: 'chrome://extensions/shortcuts',
        label: 'the browser’s extension shortcuts (chrome://extensions/shortcuts)',
        open: () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
      },
  subscribe: onDataChanged,
};

followPageTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary name="Engine Lens options">
      <OptionsApp api={api} feedStatus={<FreshnessPanel api={freshnessApi} />} />
    </ErrorBoundary>
  </StrictMode>,
);
