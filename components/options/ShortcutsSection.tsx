/** The keyboard command and the context-menu entry, and where the browser lets users change the keys. */
import { useEffect, useState } from 'react';
import type { OptionsApi, Shortcut } from './api';

export function ShortcutsSection({ api }: { api: OptionsApi }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.shortcuts().then(
      (list) => !cancelled && setShortcuts(list),
      () => !cancelled && setShortcuts([]),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  return (
    <section className="card" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Shortcuts</h2>
      <dl className="shortcuts">
        {(shortcuts ?? []).map((command) => (
          <div key={command.description}>
            <dt>{command.description}</dt>
            <dd>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span className="hint">no key assigned</span>}</dd>
          </div>
        ))}
        <div>
          <dt>Compare vLLM and TensorRT-LLM (opens the full comparison)</dt>
          <dd>Right-click selected text</dd>
        </div>
      </dl>
      <p>
        {/* A browser page the extension opens itself: extension pages may not follow a link to it. */}
        <a
          href={api.shortcutSettings.href}
          onClick={(event) => {
            event.preventDefault();
            api.shortcutSettings.open();
          }}
        >
          Change shortcuts
        </a>{' '}
        <span className="hint">in {api.shortcutSettings.label}</span>
      </p>
    </section>
  );
}
