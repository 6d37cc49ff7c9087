/**
 * The theme of the extension's own pages (popup, options, full comparison):
 * the user's setting, or the system's when it is Auto. Sets
 * `<html data-theme="light|dark">`, which the pages' CSS reads, at once from
 * the system (so a dark system gets no light flash) and again when the
 * setting arrives or changes, or the system's preference changes.
 */
import { send } from '@/lib/browser/send';
import { onDataChanged } from '@/lib/browser/data-changed';
import type { ThemeSetting } from '@/lib/settings';
import { resolvePageTheme } from '@/lib/theme';

export function followPageTheme(root: HTMLElement = document.documentElement): void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  let setting: ThemeSetting = 'auto';
  const apply = () => {
    const theme = resolvePageTheme(setting, media.matches);
    root.dataset.theme = theme;
    root.style.colorScheme = theme; // form controls and scrollbars too
  };
  const load = () =>
    send({ type: 'settings/get' }).then(
      (settings) => {
        setting = settings.preferences.theme;
        apply();
      },
      () => undefined, // the system's theme stays: a page must not fail for its colours
    );
  apply();
  media.addEventListener('change', apply);
  void load();
  onDataChanged((changed) => {
    if (changed.includes('settings')) void load();
  });
}
