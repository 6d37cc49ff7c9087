/**
 * Background worker: owns IndexedDB and the settings, answers the extension's
 * messages. `main` stays synchronous (WXT imports entrypoints at build time);
 * all work happens inside listeners, which MV3 may run in a freshly started
 * worker.
 */
import { createContextMenu, listenForMenuClicks } from './context-menu';
import { onInstalledOrUpdated } from './data';
import { listenForMessages } from './messages';
import { applyStoredSettings, onPermissionsChanged } from './settings';
import { listenForCommands } from './tabs';

const logError = (what: string) => (error: unknown) => console.error(`Engine Lens: ${what} failed.`, error);

export default defineBackground(() => {
  listenForMessages();
  listenForCommands();
  listenForMenuClicks();
  // On every worker start, from the *stored* settings (never the defaults, which
  // would re-enable a site the user switched off each time the worker wakes).
  // The first start after install, update or enable also marks open tabs.
  void applyStoredSettings().catch(logError('registering the mentions content script'));

  // A site's permission granted (options page) or taken back (browser settings).
  browser.permissions.onAdded.addListener(() => void onPermissionsChanged().catch(logError('applying a new permission')));
  browser.permissions.onRemoved.addListener(() => void onPermissionsChanged().catch(logError('applying a removed permission')));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createContextMenu().catch(logError('creating the context menu'));
    if (reason === 'install' || reason === 'update') {
      void onInstalledOrUpdated().catch(logError('loading the bundled dataset'));
    }
  });
  browser.runtime.onStartup.addListener(() => void createContextMenu().catch(logError('creating the context menu')));
});
