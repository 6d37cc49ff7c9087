/**
 * The dataset shipped inside the extension. The worker loads it into
 * IndexedDB on install/update and falls back to it when the stored copy is
 * missing or invalid. The build already validated the JSON (wxt.config.ts),
 * so `loadSourceDataset` throwing here would mean a broken build.
 */
import sourceJson from '../assets/data/vllm-vs-tensorrt-llm.json';
import { loadSourceDataset } from './normalize';
import type { Dataset } from './schema';

let cached: Dataset | undefined;

/** Freezes a JSON-like value all the way down, so the shared copy cannot be changed by accident. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The bundled dataset, normalized and validated; computed once per context
 * and deeply frozen because every caller shares it (copy it to change it).
 */
export function bundledDataset(): Dataset {
  cached ??= deepFreeze(loadSourceDataset(sourceJson));
  return cached;
}
