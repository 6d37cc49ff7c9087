/** The theme of the hover card and of Engine Lens's own pages. */
import { useState } from 'react';
import type { Settings, ThemeSetting } from '@/lib/settings';
import { messageOf, StatusLine, type SaveSettings } from './section';

const THEMES: ReadonlyArray<readonly [ThemeSetting, string, string]> = [
  ['auto', 'Auto', 'the card follows the page it is on, these pages follow your system'],
  ['light', 'Light', 'always light'],
  ['dark', 'Dark', 'always dark'],
];

export function ThemeSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  return (
    <section className="card" aria-labelledby="theme-heading">
      <h2 id="theme-heading">Theme</h2>
      <fieldset className="choices">
        <legend>Theme of the card and of Engine Lens’s pages</legend>
        {THEMES.map(([theme, label, description]) => (
          <div className="choice" key={theme}>
            <input
              type="radio"
              name="theme"
              id={`theme-${theme}`}
              value={theme}
              checked={settings.preferences.theme === theme}
              aria-describedby={`theme-${theme}-help`}
              onChange={() =>
                save({ preferences: { theme } }).then(
                  () => setMessage({ text: `Theme: ${label.toLowerCase()}.` }),
                  (error: unknown) => setMessage({ text: messageOf(error), error: true }),
                )
              }
            />
            <label htmlFor={`theme-${theme}`}>{label}</label>
            <span className="hint" id={`theme-${theme}-help`}>
              {description}
            </span>
          </div>
        ))}
      </fieldset>
      <StatusLine message={message} />
    </section>
  );
}
