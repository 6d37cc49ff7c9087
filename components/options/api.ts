/**
 * What the options page needs from the browser and the worker, as one
 * interface its glue (entrypoints/options/) implements: the components stay
 * free of browser APIs and are tested with a fake.
 */
import type { ChangeKind, ReplyData } from '@/lib/messaging';
import type { Settings, SettingsPatch } from '@/lib/settings';

export type StorageUsage = ReplyData<'storage/usage'>;
export type ResetResult = ReplyData<'data/reset'>;

export interface Shortcut {
  /** The command's description, as the manifest states it. */
  description: string;
  /** The keys assigned now ("" when none). */
  shortcut: string;
}

export interface OptionsApi {
  loadSettings(): Promise<Settings>;
  /** Changes settings through the worker (the only writer); resolves to all of them. */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** The host permissions granted now (match patterns). */
  grantedOrigins(): Promise<ReadonlySet<string>>;
  /**
   * Asks the browser for host permissions. Call it synchronously from the
   * click (or key press) handler, before any `await`: Firefox only shows the
   * prompt while it is handling the user's input.
   */
  requestOrigins(patterns: string[]): Promise<boolean>;
  /** Asks for the optional notifications permission; the same rule as {@link requestOrigins}. */
  requestNotifications(): Promise<boolean>;
  storageUsage(): Promise<StorageUsage>;
  resetData(deletePins: boolean): Promise<ResetResult>;
  /** The extension's keyboard commands and their keys. */
  shortcuts(): Promise<Shortcut[]>;
  /** Where this browser lets users change extension shortcuts: its address, what to call it, and how to open it. */
  shortcutSettings: { href: string; label: string; open(): void };
  /** Calls the listener when the worker says data changed; returns an unsubscribe function. */
  subscribe(listener: (changed: readonly ChangeKind[]) => void): () => void;
}
