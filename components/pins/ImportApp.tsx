import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { comparedEngines, findComparison } from '@/lib/comparison-view';
import type { ClashChoice } from '@/lib/pin-edit';
import { pinRows } from '@/lib/pin-edit';
import { IMPORT_TEXT_MAX, readImportText, type ImportRead } from '@/lib/pin-import';
import type { Pin, PinId } from '@/lib/pins';
import type { Dataset } from '@/lib/schema';
import { decodeSharePayload } from '@/lib/share';
import { classifyPasted } from '@/lib/share-link';
import { pickLine, prioritiesLine } from './PinDetails';
import type { PinsList } from './pins-context';

export interface ImportClient {
  loadDataset(): Promise<Dataset>;
  list(): Promise<PinsList>;
  importPins(request: { pins: Pin[]; onClash: Record<string, ClashChoice>; activateFirst: boolean }): Promise<PinId[]>;
}

type Read = ImportRead;

/** A share link's payload, read as an import. */
const readLink = (payload: string): Promise<Read> =>
  decodeSharePayload(payload).then((read) => (read.ok ? { ok: true, pins: [read.pin] } : read));

type Stage =
  | { kind: 'input'; error: string | null }
  | { kind: 'reading' }
  | { kind: 'preview'; source: string; pins: Pin[] }
  | { kind: 'done'; count: number };

/**
 * The import page: a share link (arriving in the page's address, or pasted),
 * pasted JSON or a JSON file is read and validated, then previewed (title,
 * pick, rows, how many pins, from which dataset version). Where an id is
 * already taken the user chooses keep both or replace. Nothing is written
 * until "Import" is pressed; anything malformed, oversized, of a newer format
 * or tampered with is refused with the reason, and changes nothing.
 */
export function ImportApp({ client, initialPayload }: { client: ImportClient; initialPayload: string | null }) {
  const id = useId();
  const [stage, setStage] = useState<Stage>(initialPayload ? { kind: 'reading' } : { kind: 'input', error: null });
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [existing, setExisting] = useState<PinsList | null>(null);
  const [choices, setChoices] = useState<Record<string, ClashChoice>>({});
  const [activate, setActivate] = useState(false);
  const [pasted, setPasted] = useState('');
  const [working, setWorking] = useState(false);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  const show = async (source: string, result: Read) => {
    if (!result.ok) {
      setStage({ kind: 'input', error: `${result.reason} Nothing was changed.` });
      return;
    }
    const list = await client.list().catch(() => null);
    setExisting(list);
    setChoices({});
    setActivate(list !== null && list.activeId === null);
    setStage({ kind: 'preview', source, pins: result.pins });
  };

  const preview = (source: string, read: Read | Promise<Read>) => {
    setStage({ kind: 'reading' });
    void Promise.resolve(read).then((result) => show(source, result));
  };

  useEffect(() => {
    client.loadDataset().then(setDataset, () => setDataset(null));
    if (initialPayload) void readLink(initialPayload).then((result) => show('a share link', result));
    // Once, for the link this page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (stage.kind === 'preview') previewHeading.current?.focus();
  }, [stage.kind]);

  const readPasted = () => {
    const kind = classifyPasted(pasted);
    if (kind.kind === 'payload') preview('a pasted share link', readLink(kind.payload));
    else if (kind.kind === 'json') preview('pasted JSON', readImportText(kind.text));
    else setStage({ kind: 'input', error: 'Paste an Engine Lens share link, or the JSON of an export. Nothing was changed.' });
  };

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > IMPORT_TEXT_MAX) {
      setStage({ kind: 'input', error: `“${file.name}” is larger than any Engine Lens export (1 MB at most). Nothing was changed.` });
      return;
    }
    preview(
      `the file “${file.name}”`,
      file.text().then(readImportText, (): Read => ({ ok: false, reason: 'The file could not be read.' })),
    );
  };

  const confirm = async (pins: Pin[]) => {
    setWorking(true);
    try {
      const onClash: Record<string, ClashChoice> = {};
      for (const pin of pins) if (taken.has(pin.id)) onClash[pin.id] = choices[pin.id] ?? 'keep-both';
      const imported = await client.importPins({ pins, onClash, activateFirst: activate });
      setStage({ kind: 'done', count: imported.length });
    } catch (error) {
      setStage({ kind: 'input', error: `The import failed: ${error instanceof Error ? error.message : String(error)} Nothing was changed.` });
    } finally {
      setWorking(false);
    }
  };

  const taken = new Map((existing?.pins ?? []).map((p) => [p.id, p]));

  return (
    <main className="import">
      <h1>Import pins</h1>
      {stage.kind === 'reading' && <p role="status">Reading…</p>}
      {stage.kind === 'done' && (
        <div className="done" role="status">
          <p>
            Imported {stage.count === 1 ? 'one pin' : `${stage.count} pins`}. <a href="comparison.html">Open the comparison</a> to
            see {stage.count === 1 ? 'it' : 'them'}.
          </p>
        </div>
      )}
      {(stage.kind === 'input' || stage.kind === 'done') && (
        <>
          {stage.kind === 'input' && stage.error && (
            <p className="alert" role="alert">
              {stage.error}
            </p>
          )}
          <p>Import a pin someone shared with you, or pins exported from Engine Lens. You will see them before anything is saved.</p>
          <div className="pin-field">
            <label htmlFor={`${id}-paste`}>Share link or JSON</label>
            <textarea id={`${id}-paste`} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </div>
          <div className="pin-actions">
            <button type="button" onClick={readPasted} disabled={pasted.trim() === ''}>
              Preview pasted text
            </button>
            <label className="file-label">
              Or choose a JSON file: <input type="file" accept="application/json,.json" onChange={readFile} />
            </label>
          </div>
        </>
      )}
      {stage.kind === 'preview' && (
        <section aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`} ref={previewHeading} tabIndex={-1}>
            {stage.pins.length === 1 ? 'One pin' : `${stage.pins.length} pins`} from {stage.source}
          </h2>
          <p className="hint">Nothing is saved until you press Import.</p>
          {stage.pins.map((pin) => (
            <PreviewPin
              key={pin.id}
              pin={pin}
              dataset={dataset}
              clash={taken.get(pin.id) ?? null}
              choice={choices[pin.id] ?? 'keep-both'}
              onChoice={(choice) => setChoices((c) => ({ ...c, [pin.id]: choice }))}
            />
          ))}
          <label className="pin-active">
            <input type="checkbox" checked={activate} onChange={(e) => setActivate(e.target.checked)} />
            Make “{stage.pins[0]?.title}” the active pin (its pick and note lead the hover card)
          </label>
          <div className="pin-actions">
            <button type="button" className="primary" disabled={working} onClick={() => void confirm(stage.pins)}>
              {stage.pins.length === 1 ? 'Import 1 pin' : `Import ${stage.pins.length} pins`}
            </button>
            <button type="button" disabled={working} onClick={() => setStage({ kind: 'input', error: null })}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </main>
  );
}

function PreviewPin({
  pin,
  dataset,
  clash,
  choice,
  onChoice,
}: {
  pin: Pin;
  dataset: Dataset | null;
  clash: Pin | null;
  choice: ClashChoice;
  onChoice(choice: ClashChoice): void;
}) {
  const id = useId();
  const comparison = dataset ? findComparison(dataset, pin.comparisonId) : undefined;
  const engines = dataset && comparison ? comparedEngines(dataset, comparison) : [];
  const rows = pinRows(pin, comparison);
  return (
    <article className="import-preview-pin" aria-labelledby={`${id}-t`} data-preview-pin={pin.id}>
      <h3 id={`${id}-t`}>{pin.title}</h3>
      <dl>
        <dt>Pick</dt>
        <dd>{pickLine(pin, engines)}</dd>
        <dt>Priorities</dt>
        <dd>{prioritiesLine(pin)}</dd>
        <dt>Rows</dt>
        <dd>
          {rows.length === 0
            ? 'none chosen'
            : rows.map((r) => (r.present ? r.label : `${r.label} (not in the current data)`)).join('; ')}
        </dd>
        <dt>Dataset</dt>
        <dd>
          pinned against {pin.datasetVersion}
          {dataset && dataset.version !== pin.datasetVersion ? `; Engine Lens has ${dataset.version}` : ''}
          {!comparison && dataset ? ' (its comparison is not in the current data)' : ''}
        </dd>
        {pin.note && (
          <>
            <dt>Note</dt>
            <dd className="pin-note">{pin.note}</dd>
          </>
        )}
      </dl>
      {clash && (
        <fieldset>
          <legend>You already have a pin with this id: “{clash.title}”</legend>
          <label>
            <input type="radio" name={`${id}-clash`} checked={choice === 'keep-both'} onChange={() => onChoice('keep-both')} /> Keep
            both (the imported one gets a new id)
          </label>
          <label>
            <input type="radio" name={`${id}-clash`} checked={choice === 'replace'} onChange={() => onChoice('replace')} /> Replace
            “{clash.title}” with the imported one
          </label>
        </fieldset>
      )}
    </article>
  );
}
