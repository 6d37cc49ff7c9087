/**
 * What every options section shares: how it saves settings and how it reports
 * the outcome. Kept apart from OptionsApp so that the sections and the page
 * that holds them do not import each other.
 */
import type { Settings, SettingsPatch } from '@/lib/settings';

/** What a section calls to change settings: resolves to the new settings, rejects with a message for the user. */
export type SaveSettings = (patch: SettingsPatch) => Promise<Settings>;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A section's one-line report of what just happened (or went wrong), read out by screen readers. */
export function StatusLine({ message }: { message: { text: string; error?: boolean } | null }) {
  return (
    <p className={message?.error ? 'status-line error-text' : 'status-line'} role="status">
      {message?.text ?? ''}
    </p>
  );
}
