/**
 * Background worker: owns IndexedDB and the settings, answers the extension's
 * messages. `main` stays synchronous (WXT imports entrypoints at build time);
 * all work happens inside listeners, which MV3 may run in a freshly started
 * worker.
 */
import { onInstalledOrUpdated } from './data';
import { listenForImportTabs } from './import-tab';
import { listenForMessages } from './messages';
import { applyStoredSettings } from './settings';
import { listenForCommands } from './tabs';

export default defineBackground(() => {
  listenForMessages();
  listenForCommands();
  listenForImportTabs();
  // On every worker start, from the *stored* settings (never the defaults, which
  // would re-enable a site the user switched off each time the worker wakes).
  void applyStoredSettings().catch((error: unknown) =>
    console.error('Engine Lens: registering the mentions content script failed.', error),
  );

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') {
      void onInstalledOrUpdated().catch((error: unknown) =>
        console.error('Engine Lens: loading the bundled dataset failed.', error),
      );
    }
  });
});
