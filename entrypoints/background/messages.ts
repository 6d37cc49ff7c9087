/**
 * Wires the message table's handlers to runtime messages. Every message goes
 * through lib/router.ts, which validates it and checks the sender first.
 */
import { selectCardData } from '@/lib/card-data';
import { createRouter, type Handlers } from '@/lib/router';
import { broadcastChange } from './broadcast';
import { injectCardUi } from './card-ui';
import { activeDataset, recentLog, resetData, resetToBundled } from './data';
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
  'card/get': async ({ comparisonId }) => selectCardData((await activeDataset()).dataset, comparisonId),
  'card/load-ui': async (_request, { sender }) => ({ injected: await injectCardUi(sender) }),
  'comparison/open': async ({ comparisonId }, { sender }) => openComparisonPage(comparisonId, sender.tab?.id),
  'dataset/reset': async () => {
    const datasetVersion = await resetToBundled();
    void broadcastChange(['dataset']);
    return { datasetVersion };
  },
  'settings/get': async () => currentSettings(),
  'settings/update': async ({ patch }) => changeSettings(patch),
  // The URL the browser reports for the sender's frame, never one the sender states.
  'page/config': async (_request, { sender }) => pageConfigForSender(sender.tab ? sender.url : undefined),
  'storage/usage': async () => storageUsage(),
  'data/reset': async ({ deletePins }) => {
    const reply = await resetData({ deletePins });
    void broadcastChange(deletePins ? ['dataset', 'pins'] : ['dataset']);
    return reply;
  },
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
