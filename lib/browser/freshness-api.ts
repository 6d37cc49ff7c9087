/** The browser side of "Fresh data" (components/freshness/FreshnessPanel.tsx): the worker's feed messages and push. */
import type { FreshnessApi } from '@/components/freshness/FreshnessPanel';
import { onDataChanged } from './data-changed';
import { send } from './send';

export const freshnessApi: FreshnessApi = {
  status: () => send({ type: 'feeds/status' }),
  checkNow: () => send({ type: 'feeds/check' }),
  markSeen: () => send({ type: 'changes/seen' }),
  engines: async () => (await send({ type: 'dataset/get' })).engines,
  subscribe: onDataChanged,
};
