/**
 * Background worker: owns IndexedDB and answers the extension's messages.
 * `main` stays synchronous (WXT imports entrypoints at build time); all work
 * happens inside listeners, which MV3 may run in a freshly started worker.
 */
import { onInstalledOrUpdated } from './data';
import { listenForMessages } from './messages';
import { registerMentionScripts } from './content-scripts';
import { listenForCommands } from './tabs';

export default defineBackground(() => {
  listenForMessages();
  listenForCommands();
  // Idempotent; runs on every worker start so install and browser startup are both covered.
  void registerMentionScripts().catch((error: unknown) =>
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
