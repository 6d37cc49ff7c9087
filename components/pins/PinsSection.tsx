import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { draftOf, type PinDraft } from '@/lib/pin-edit';
import { pinMarkdown } from '@/lib/pin-markdown';
import { pinsDocument, type Pin, type PinId } from '@/lib/pins';
import type { Comparison, Dataset, Engine } from '@/lib/schema';
import { encodeSharePayload } from '@/lib/share';
import { shareLink } from '@/lib/share-link';
import { PinChanges, PinRowsTable, pickLine, prioritiesLine } from './PinDetails';
import { PinEditor } from './PinEditor';
import { usePins } from './pins-context';
import { WeightedVerdictView } from './WeightedVerdictView';

/** Where a share link opens when the user is on no supported page. */
export const DEFAULT_LINK_PAGE = 'https://github.com/';

export interface ComparisonContext {
  dataset: Dataset;
  comparison: Comparison;
  engines: Engine[];
}

/** `engine-lens-pins-2026-06-24.json`, `engine-lens-pin-our-serving-stack.json`. */
export function exportFileName(pins: readonly Pin[], now: Date): string {
  if (pins.length === 1 && pins[0]) {
    const slug = pins[0].title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'pin';
    return `engine-lens-pin-${slug}.json`;
  }
  return `engine-lens-pins-${now.toISOString().slice(0, 10)}.json`;
}

type Notice = { text: string; tone: 'ok' | 'problem'; offerJson?: boolean } | null;

/** The share link for a pin, or why there is none. */
async function linkFor(pin: Pin, page: string): Promise<{ ok: true; link: string } | { ok: false; reason: string; tooBig: boolean }> {
  const encoded = await encodeSharePayload(pin);
  if (!encoded.ok) return { ok: false, reason: encoded.reason, tooBig: true };
  const link = shareLink(page, encoded.payload);
  return link.ok ? link : { ok: false, reason: link.message, tooBig: link.problem === 'too-long' };
}

/**
 * Team pins in the popup and the full page: pin the comparison, edit and
 * delete pins, mark one active, and share a pin as a link, as Markdown or as
 * a JSON file; import opens the import page.
 */
export function PinsSection({ dataset, comparison, engines }: ComparisonContext) {
  const { state, client, reload, pageUrl } = usePins();
  const [editing, setEditing] = useState<'new' | PinId | null>(null);
  /** The expanded pin; null: the active one (or the first); 'none': all collapsed. */
  const [open, setOpen] = useState<PinId | 'none' | null>(null);
  const [focusPin, setFocusPin] = useState<PinId | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const pinButton = useRef<HTMLButtonElement>(null);

  const ready = state.phase === 'ready' ? state : null;
  const pins = ready ? ready.pins.filter((p) => p.comparisonId === comparison.id) : [];
  const activeId = ready?.activeId ?? null;
  const shownId =
    open === 'none'
      ? undefined
      : open !== null && pins.some((p) => p.id === open)
        ? open
        : (pins.find((p) => p.id === activeId) ?? pins[0])?.id;

  const save = async (id: PinId | null, draft: PinDraft, options: { active: boolean; repin?: boolean }) => {
    const pin = await client.save({ id, comparisonId: comparison.id, draft, repin: options.repin ?? false, active: options.active });
    await reload();
    setEditing(null);
    setOpen(pin.id);
    setFocusPin(pin.id);
    setNotice({ text: id === null ? `Pinned “${pin.title}”.` : `Saved “${pin.title}”.`, tone: 'ok' });
  };

  const exportPins = (list: readonly Pin[]) => {
    const now = new Date();
    client.download(exportFileName(list, now), `${JSON.stringify(pinsDocument(list, now), null, 2)}\n`);
    setNotice({ text: list.length === 1 ? 'Exported the pin as a JSON file.' : `Exported ${list.length} pins as a JSON file.`, tone: 'ok' });
  };

  return (
    <section className="card pins" aria-labelledby="pins-heading">
      <h2 id="pins-heading">Team pins</h2>
      <p className="hint">
        Record what matters to your team, its pick and why. The active pin leads the hover card and this view; share a pin
        as a link, as Markdown or as a file.
      </p>
      <div className="pin-toolbar">
        <button ref={pinButton} type="button" className="primary" onClick={() => setEditing('new')}>
          Pin comparison
        </button>
        <button type="button" onClick={() => client.openImportPage()}>
          Import pins
        </button>
        <button type="button" onClick={() => exportPins(ready?.pins ?? [])} disabled={!ready || ready.pins.length === 0}>
          Export pins
        </button>
      </div>
      <p className={`pin-notice ${notice?.tone ?? ''}`} role="status">
        {notice?.text}
        {notice?.offerJson && shownId && (
          <>
            {' '}
            <button type="button" onClick={() => exportPins(pins.filter((p) => p.id === shownId))}>
              Export this pin as JSON
            </button>
          </>
        )}
      </p>
      {state.phase === 'loading' && <p className="hint">Loading pins…</p>}
      {state.phase === 'error' && (
        <p className="notice" role="alert">
          The pins could not be read: {state.message}
        </p>
      )}
      {ready && ready.unreadable.length > 0 && (
        <p className="notice">
          {ready.unreadable.length === 1 ? 'One stored pin' : `${ready.unreadable.length} stored pins`} cannot be read by this
          version of Engine Lens ({ready.unreadable[0]?.reason}). They are kept, untouched.
        </p>
      )}
      {editing === 'new' && (
        <PinEditor
          comparison={comparison}
          engines={engines}
          active={activeId === null}
          onSave={(draft, options) => save(null, draft, options)}
          onCancel={() => {
            setEditing(null);
            pinButton.current?.focus();
          }}
        />
      )}
      {ready && pins.length === 0 && editing === null && <p className="empty">No pins yet.</p>}
      {pins.length > 0 && (
        <ul className="pin-list" aria-label="Pins">
          {pins.map((pin) => (
            <li key={pin.id} className="pin-item" data-pin-id={pin.id}>
              {editing === pin.id ? (
                <PinEditor
                  comparison={comparison}
                  engines={engines}
                  pin={pin}
                  active={pin.id === activeId}
                  onSave={(draft, options) => save(pin.id, draft, options)}
                  onCancel={() => {
                    setEditing(null);
                    setFocusPin(pin.id);
                  }}
                />
              ) : (
                <PinItem
                  pin={pin}
                  dataset={dataset}
                  comparison={comparison}
                  engines={engines}
                  active={pin.id === activeId}
                  expanded={pin.id === shownId}
                  focus={focusPin === pin.id}
                  onFocused={() => setFocusPin(null)}
                  defaultPage={pageUrl ?? DEFAULT_LINK_PAGE}
                  onToggle={() => setOpen(pin.id === shownId ? 'none' : pin.id)}
                  onEdit={() => setEditing(pin.id)}
                  onNotice={setNotice}
                  onExport={() => exportPins([pin])}
                  onRepin={() => void save(pin.id, draftOf(pin), { active: pin.id === activeId, repin: true })}
                  onActive={async (on) => {
                    await client.setActive(on ? pin.id : null);
                    await reload();
                    setNotice({ text: on ? `“${pin.title}” is the active pin.` : 'No pin is active now.', tone: 'ok' });
                  }}
                  onDelete={async () => {
                    await client.remove(pin.id);
                    await reload();
                    setNotice({ text: `Deleted “${pin.title}”.`, tone: 'ok' });
                    pinButton.current?.focus();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface PinItemProps {
  pin: Pin;
  dataset: Dataset;
  comparison: Comparison;
  engines: readonly Engine[];
  active: boolean;
  expanded: boolean;
  focus: boolean;
  onFocused(): void;
  defaultPage: string;
  onToggle(): void;
  onEdit(): void;
  onNotice(notice: Notice): void;
  onExport(): void;
  onRepin(): void;
  onActive(on: boolean): Promise<void>;
  onDelete(): Promise<void>;
}

function PinItem(props: PinItemProps) {
  const { pin, dataset, comparison, engines, active, expanded, onNotice } = props;
  const { client } = usePins();
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  /** The page the user typed for the link; until then the page the popup is about. */
  const [typedPage, setPage] = useState<string | null>(null);
  const page = typedPage ?? props.defaultPage;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!props.focus) return;
    toggle.current?.focus();
    props.onFocused();
  }, [props.focus, props]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      onNotice({ text: error instanceof Error ? error.message : String(error), tone: 'problem' });
    } finally {
      setBusy(false);
    }
  };

  const copyLink = () =>
    run(async () => {
      const result = await linkFor(pin, page);
      if (!result.ok) {
        onNotice({ text: result.reason, tone: 'problem', offerJson: result.tooBig });
        return;
      }
      await client.copyText(result.link);
      onNotice({
        text: 'Share link copied. Whoever has the link can read this pin, and so can the site it opens on.',
        tone: 'ok',
      });
    });

  const copyMarkdown = () =>
    run(async () => {
      const result = await linkFor(pin, page);
      const share = result.ok ? { link: result.link } : { unavailable: `No share link: ${result.reason}` };
      await client.copyText(pinMarkdown({ pin, dataset, share }));
      onNotice({ text: result.ok ? 'Markdown copied.' : `Markdown copied, without a share link: ${result.reason}`, tone: 'ok' });
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && confirming) {
      event.preventDefault();
      setConfirming(false);
    }
  };

  return (
    <article className="pin" aria-labelledby={`${id}-h`} onKeyDown={onKeyDown}>
      <h3 id={`${id}-h`} className="pin-head">
        <button
          ref={toggle}
          type="button"
          className="pin-toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-body`}
          onClick={props.onToggle}
        >
          {pin.title}
        </button>
        {active && <span className="tag active-tag">Active</span>}
      </h3>
      <p className="pin-summary">{pickLine(pin, engines)}</p>
      <div id={`${id}-body`} hidden={!expanded} className="pin-body">
        {expanded && (
          <>
            {pin.note && <p className="pin-note">{pin.note}</p>}
            <p className="hint">Priorities: {prioritiesLine(pin)}</p>
            <PinRowsTable pin={pin} comparison={comparison} engines={engines} />
            <WeightedVerdictView priorities={pin.priorities} comparison={comparison} engines={engines} />
            <PinChanges pin={pin} comparison={comparison} datasetVersion={dataset.version} engines={engines} onRepin={props.onRepin} />
            <div className="pin-actions">
              <button type="button" onClick={props.onEdit} disabled={busy}>
                Edit
              </button>
              <button type="button" onClick={() => void run(() => props.onActive(!active))} disabled={busy}>
                {active ? 'Stop leading with this pin' : 'Make active'}
              </button>
              {confirming ? (
                <span className="pin-confirm" role="group" aria-label={`Delete “${pin.title}”?`}>
                  Delete “{pin.title}”? It cannot be undone.{' '}
                  <button type="button" className="danger" autoFocus onClick={() => void run(props.onDelete)}>
                    Delete pin
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(false)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
                  Delete
                </button>
              )}
            </div>
            <div className="pin-share">
              <div className="pin-field">
                <label htmlFor={`${id}-page`}>Link opens on</label>
                <input id={`${id}-page`} type="url" value={page} onChange={(e) => setPage(e.target.value)} />
              </div>
              <div className="pin-actions">
                <button type="button" onClick={() => void copyLink()} disabled={busy}>
                  Copy share link
                </button>
                <button type="button" onClick={() => void copyMarkdown()} disabled={busy}>
                  Copy as Markdown
                </button>
                <button type="button" onClick={props.onExport} disabled={busy}>
                  Export this pin
                </button>
              </div>
            </div>
          </>
        )}
      </div>
    </article>
  );
}
