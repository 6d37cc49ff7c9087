/**
 * How cards open and how mentions are drawn: the hover delay (written once
 * the slider settles, not on every step), modifier-key mode, code blocks,
 * and the underline style.
 */
import { useEffect, useMemo, useState } from 'react';
import { debounce } from '@/lib/debounce';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type Settings, type UnderlineStyle } from '@/lib/settings';
import { messageOf, StatusLine, type SaveSettings } from './section';

type Message = { text: string; error?: boolean } | null;

/** Quiet time after the last slider step before the delay is written (storage.sync allows 120 writes a minute). */
export const DELAY_WRITE_MS = 400;

const UNDERLINES: ReadonlyArray<readonly [UnderlineStyle, string, string]> = [
  ['dotted', 'Dotted', 'vLLM dotted, TensorRT-LLM dashed'],
  ['solid', 'Solid', 'vLLM solid, TensorRT-LLM wavy'],
  ['none', 'None', 'no line; hovering a mention still opens its card'],
];

export function HoverSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const { hover } = settings.preferences;
  const [delay, setDelay] = useState(hover.delayMs);
  const [message, setMessage] = useState<Message>(null);

  const report = (promise: Promise<unknown>, done: string) =>
    promise.then(
      () => setMessage({ text: done }),
      (error: unknown) => setMessage({ text: messageOf(error), error: true }),
    );

  // The value the slider shows but the worker has not confirmed yet (while dragging, and until its write comes back).
  const [unsaved, setUnsaved] = useState<number | null>(null);
  // The stored value changed (this page's write came back, or another page's): follow it, unless the user is moving the slider.
  const [stored, setStored] = useState(hover.delayMs);
  if (stored !== hover.delayMs) {
    setStored(hover.delayMs);
    if (unsaved === null || unsaved === hover.delayMs) {
      setDelay(hover.delayMs);
      setUnsaved(null);
    }
  }

  const writeDelay = useMemo(
    () => debounce((ms: number) => void report(save({ preferences: { hover: { delayMs: ms } } }), `Hover delay: ${ms} ms.`), DELAY_WRITE_MS),
    [save],
  );
  useEffect(() => () => writeDelay.flush(), [writeDelay]); // leaving the page keeps the last value

  const setHover = (patch: Partial<Settings['preferences']['hover']>, done: string) =>
    void report(save({ preferences: { hover: patch } }), done);

  return (
    <section className="card" aria-labelledby="hover-heading">
      <h2 id="hover-heading">Hover cards</h2>
      <div className="field">
        <label htmlFor="hover-delay">Hover delay</label>
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY_MIN_MS}
          max={HOVER_DELAY_MAX_MS}
          step={50}
          value={delay}
          aria-valuetext={`${delay} milliseconds`}
          aria-describedby="hover-delay-help"
          onChange={(event) => {
            const ms = Number(event.target.value);
            setDelay(ms);
            setUnsaved(ms);
            writeDelay(ms);
          }}
          onPointerUp={() => writeDelay.flush()}
          onBlur={() => writeDelay.flush()}
        />
        <output htmlFor="hover-delay" className="value">
          {delay} ms
        </output>
        <p className="hint" id="hover-delay-help">
          How long the pointer rests on a mention before its card opens (0–2000 ms; 300 by default).
        </p>
      </div>
      <div className="choice">
        <input
          type="checkbox"
          id="require-modifier"
          checked={hover.requireModifier}
          aria-describedby="require-modifier-help"
          onChange={(event) =>
            setHover({ requireModifier: event.target.checked }, event.target.checked ? 'Cards open only with a modifier key held.' : 'Cards open on hover.')
          }
        />
        <label htmlFor="require-modifier">Open cards only with a modifier key</label>
        <span className="hint" id="require-modifier-help">
          Hold Alt (Option), Ctrl, ⌘ or Shift while pointing at a mention. For anyone who finds hover cards noisy.
        </span>
      </div>
      <div className="choice">
        <input
          type="checkbox"
          id="include-code"
          checked={hover.includeCode}
          aria-describedby="include-code-help"
          onChange={(event) =>
            setHover({ includeCode: event.target.checked }, event.target.checked ? 'Code blocks are marked too.' : 'Code blocks are left alone.')
          }
        />
        <label htmlFor="include-code">Include code blocks</label>
        <span className="hint" id="include-code-help">
          Also mark mentions in code blocks and code views (off by default).
        </span>
      </div>
      <fieldset className="choices">
        <legend>Underline style</legend>
        {UNDERLINES.map(([style, label, description]) => (
          <div className="choice" key={style}>
            <input
              type="radio"
              name="underline"
              id={`underline-${style}`}
              value={style}
              checked={hover.underline === style}
              aria-describedby={`underline-${style}-help`}
              onChange={() => setHover({ underline: style }, `Underline: ${label.toLowerCase()}.`)}
            />
            <label htmlFor={`underline-${style}`}>{label}</label>
            <span className="hint" id={`underline-${style}-help`}>
              <span className={`sample underline-${style} engine-vllm`}>vLLM</span>{' '}
              <span className={`sample underline-${style} engine-tensorrt-llm`}>TensorRT-LLM</span> ({description})
            </span>
          </div>
        ))}
      </fieldset>
      <StatusLine message={message} />
    </section>
  );
}
