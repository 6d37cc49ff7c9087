/**
 * Background worker: owns IndexedDB and the settings, answers the extension's
 * messages. `main` stays synchronous (WXT imports entrypoints at build time);
 * all work happens inside listeners, which MV3 may run in a freshly started
 * worker.
 */
import { createContextMenu, listenForMenuClicks } from './context-menu';
import { onInstalledOrUpdated } from './data';
import { ensureFeedAlarm, FEED_ALARM, FEED_RETRY_ALARM, onBrowserStart, refreshFeeds, restoreBadge } from './feeds';
import { listenForImportTabs } from './import-tab';
import { listenForMessages } from './messages';
import { applyStoredSettings, onPermissionsChanged } from './settings';
import { listenForCommands, openChangesPage } from './tabs';

const logError = (what: string) => (error: unknown) => console.error(`Engine Lens: ${what} failed.`, error);

export default defineBackground(() => {
  listenForMessages();
  listenForCommands();
  listenForImportTabs();
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
      // An update clears alarms: put the schedule back.
      void ensureFeedAlarm().then(restoreBadge).catch(logError('scheduling the feed check'));
    }
  });
  browser.runtime.onStartup.addListener(() => {
    void createContextMenu().catch(logError('creating the context menu'));
    void onBrowserStart().catch(logError('the start-up feed check'));
  });
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
