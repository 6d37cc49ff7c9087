/**
 * Heap readings for the benchmark, after forced garbage collection, through a
 * page's DevTools session.
 */
import type { CDPSession } from '@playwright/test';

/** Two full collections: garbage released by the first one's weak callbacks goes in the second. */
async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

/** V8's JS heap and Blink's heap (`embedderHeapUsedSize`: DOM wrappers, ranges, style data), in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<{ jsBytes: number; embedderBytes: number }> {
  await collectGarbage(cdp);
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { jsBytes: usage.usedSize, embedderBytes: usage.embedderHeapUsedSize ?? 0 };
}

/**
 * The page's whole heap (V8 and Blink, all worlds) from a heap snapshot, after
 * forced GC, split into compiled code (bytecode, machine code, feedback: it
 * grows as the script's functions first run and get optimised, up to a bound
 * set by the script's size) and everything else (objects, DOM, strings).
 */
export async function heapSnapshotTotals(cdp: CDPSession): Promise<{ totalBytes: number; codeBytes: number }> {
  await cdp.send('HeapProfiler.enable');
  await collectGarbage(cdp);
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let totalBytes = 0;
  let codeBytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const size = snapshot.nodes[i + sizeAt]!;
    totalBytes += size;
    if (types[snapshot.nodes[i + typeAt]!] === 'code') codeBytes += size;
  }
  return { totalBytes, codeBytes };
}
