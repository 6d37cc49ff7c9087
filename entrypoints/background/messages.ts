/**
 * Wires the message table's handlers to runtime messages. Every message goes
 * through lib/router.ts, which validates it and checks the sender first.
 */
import { selectCardData } from '@/lib/card-data';
import { createRouter, type Handlers } from '@/lib/router';
import { broadcastChange } from './broadcast';
import { injectCardUi } from './card-ui';
import { activeDataset, recentLog, resetData, resetToBundled } from './data';
import { ensureFeedAlarm, feedsStatus, markChangesSeen, refreshFeeds, restoreBadge } from './feeds';
import { openImportPage } from './import-tab';
import { activeTeamPick, chooseActivePin, hasActivePin, importPins, listPins, removePin, savePin } from './pins';
import { changeSettings, currentSettings, pageConfigForSender } from './settings';
import { storageUsage } from './storage-usage';
import { openComparisonPage } from './tabs';

const handlers: Handlers = {
  'dataset/get': async () => (await activeDataset()).dataset,
  'status/get': async () => {
    const active = await activeDataset();
    const { entries, unreadable } = await recentLog();
    return {
      datasetVersion: active.dataset.version,
      source: active.source,
      repairReason: active.repairReason ?? null,
      log: entries,
      unreadableLogRows: unreadable,
    };
  },
  'card/get': async ({ comparisonId }) => ({
    ...selectCardData((await activeDataset()).dataset, comparisonId),
    // Only that a pin leads the card; its pick and note go to the card's extension frame alone.
    teamPick: (await hasActivePin(comparisonId)) ? { frame: true as const } : null,
  }),
  'card/load-ui': async (_request, { sender }) => ({ injected: await injectCardUi(sender) }),
  'comparison/open': async ({ comparisonId }, { sender }) => openComparisonPage(comparisonId, sender.tab?.id),
  'dataset/reset': async () => {
    const datasetVersion = await resetToBundled();
    void broadcastChange(['dataset']);
    return { datasetVersion };
  },
  'settings/get': async () => currentSettings(),
  'settings/update': async ({ patch }) => {
    const settings = await changeSettings(patch);
    await ensureFeedAlarm(); // a feed added or removed, or a new interval
    return settings;
  },
  // The URL the browser reports for the sender's frame, never one the sender states.
  'page/config': async (_request, { sender }) => pageConfigForSender(sender.tab ? sender.url : undefined),
  'storage/usage': async () => storageUsage(),
  'data/reset': async ({ deletePins }) => {
    const reply = await resetData({ deletePins });
    await restoreBadge(); // the change record went with the data
    void broadcastChange(deletePins ? ['dataset', 'pins'] : ['dataset']);
    return reply;
  },
  'feeds/status': async () => feedsStatus(),
  'feeds/check': async () => refreshFeeds('manual'),
  'changes/seen': async () => {
    await markChangesSeen();
    return { seen: true as const };
  },
  'pins/list': async () => listPins(),
  'pins/save': async (request) => savePin(request),
  'pins/delete': async (request) => removePin(request),
  'pins/set-active': async (request) => chooseActivePin(request),
  'pins/import': async (request) => importPins(request),
  'pins/team-pick': async () => activeTeamPick(),
  'pins/open-import': async ({ payload }, { sender }) => openImportPage(payload, sender.tab?.id),
};

export function listenForMessages(): void {
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true; // the reply is sent asynchronously
  });
}
