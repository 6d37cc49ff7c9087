/**
 * Publishes what the mentions script offers the card UI (a separate bundle
 * in the same isolated world) on the world's shared object; the contract is
 * lib/browser/isolated-world.ts.
 */
import { isolatedWorld, type MentionsApi } from '@/lib/browser/isolated-world';
import { hoveredMention, onMentionHover } from './hover';
import type { MentionRegistry } from './registry';

/** Publishes the API for `registry`; returns a function that withdraws it (content script shut down). */
export function publishMentionsApi(registry: MentionRegistry): () => void {
  const api: MentionsApi = { listMentions: () => registry.list(), hoveredMention, onMentionHover };
  const world = isolatedWorld();
  world.mentions = api;
  return () => {
    if (world.mentions === api) world.mentions = null;
  };
}
