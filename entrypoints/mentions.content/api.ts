/**
 * Publishes what the mentions script offers the card UI (a separate bundle
 * in the same isolated world) on the world's shared object; the contract is
 * lib/browser/isolated-world.ts.
 */
import { isolatedWorld, type CardConfig, type MentionsApi } from '@/lib/browser/isolated-world';
import { hoveredMention, modifierHeld, onMentionHover, onModifierChange } from './hover';
import type { MentionRegistry } from './registry';

export interface PublishOptions {
  /** The marking run's lifetime: the card UI shuts down when it aborts. */
  signal: AbortSignal;
  /** The card's settings now. */
  config(): CardConfig;
  onConfigChange(listener: () => void): () => void;
}

/** Publishes the API for `registry`; returns a function that withdraws it (content script shut down). */
export function publishMentionsApi(registry: MentionRegistry, options: PublishOptions): () => void {
  const api: MentionsApi = {
    signal: options.signal,
    listMentions: () => registry.list(),
    hoveredMention,
    onMentionHover,
    config: options.config,
    onConfigChange: options.onConfigChange,
    modifierHeld,
    onModifierChange,
  };
  const world = isolatedWorld();
  world.mentions = api;
  return () => {
    if (world.mentions === api) world.mentions = null;
  };
}
