/**
 * Wires the protocol's handlers to runtime messages. Every message goes
 * through lib/router.ts, which validates it and checks the sender first.
 */
import { selectCardData } from '@/lib/card-data';
import { createRouter, type Handlers } from '@/lib/router';
import { activeDataset, recentLog, resetToBundled } from './data';
import { injectCardUi } from './card-ui';
import { openComparisonPage } from './tabs';

const handlers: Handlers = {
  'dataset/get': async () => (await activeDataset()).dataset,
  'status/get': async () => {
    const active = await activeDataset();
    return {
      datasetVersion: active.dataset.version,
      source: active.source,
      repairReason: active.repairReason ?? null,
      log: await recentLog(),
    };
  },
  'card/get': async () => {
    const { dataset } = await activeDataset();
    const comparison = dataset.comparisons[0];
    if (!comparison) throw new Error('The dataset has no comparison.');
    return selectCardData(dataset, comparison.id);
  },
  'card/load-ui': async (_request, { sender }) => ({ injected: await injectCardUi(sender) }),
  'comparison/open': async (_request, { sender }) => openComparisonPage(sender.tab?.id),
  'dataset/reset': async () => ({ datasetVersion: await resetToBundled() }),
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
