/**
 * Background worker: owns IndexedDB and the settings, answers the extension's
 * messages. `main` stays synchronous (WXT imports entrypoints at build time);
 * all work happens inside listeners, which MV3 may run in a freshly started
 * worker.
 */
import { onInstalledOrUpdated } from './data';
import { ensureFeedAlarm, FEED_ALARM, FEED_RETRY_ALARM, onBrowserStart, refreshFeeds, restoreBadge } from './feeds';
import { listenForImportTabs } from './import-tab';
import { listenForMessages } from './messages';
import { applyStoredSettings } from './settings';
import { listenForCommands, openChangesPage } from './tabs';

const logError = (what: string) => (error: unknown) => console.error(`Engine Lens: ${what} failed.`, error);

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
      void onInstalledOrUpdated().catch(logError('loading the bundled dataset'));
      // An update clears alarms: put the schedule back.
      void ensureFeedAlarm().then(restoreBadge).catch(logError('scheduling the feed check'));
    }
  });
  browser.runtime.onStartup.addListener(() => void onBrowserStart().catch(logError('the start-up feed check')));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM || alarm.name === FEED_RETRY_ALARM) void refreshFeeds('schedule').catch(logError('the feed check'));
  });
  // Notifications are an optional permission: listen once it exists (now, or when granted later).
  const listenForNotificationClicks = () => {
    if (!browser.notifications || browser.notifications.onClicked.hasListener(onNotificationClicked)) return;
    browser.notifications.onClicked.addListener(onNotificationClicked);
  };
  listenForNotificationClicks();
  browser.permissions.onAdded.addListener(listenForNotificationClicks);
});

function onNotificationClicked(id: string): void {
  if (!id.startsWith('engine-lens-change-')) return;
  void openChangesPage().catch(logError('opening what changed'));
  void browser.notifications.clear(id);
}
