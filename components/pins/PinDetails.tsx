import { NO_VALUE } from '@/lib/comparison-view';
import { changesSince } from '@/lib/pin-changes';
import { pinRows } from '@/lib/pin-edit';
import { PRIORITY_KEYS, PRIORITY_LABELS, type Pin } from '@/lib/pins';
import type { Comparison, Engine } from '@/lib/schema';

const engineName = (engines: readonly Engine[], id: string | null) =>
  id === null ? 'Undecided' : (engines.find((e) => e.id === id)?.name ?? id);

/** "Platform team picks vLLM" / "Pick: undecided". */
export function pickLine(pin: Pin, engines: readonly Engine[]): string {
  const name = engineName(engines, pin.pick);
  if (pin.team) return pin.pick === null ? `${pin.team} is undecided` : `${pin.team} picks ${name}`;
  return `Pick: ${pin.pick === null ? 'undecided' : name}`;
}

/** The pin's chosen rows with both engines' values and the row's winner. */
export function PinRowsTable({ pin, comparison, engines }: { pin: Pin; comparison: Comparison; engines: readonly Engine[] }) {
  const rows = pinRows(pin, comparison);
  if (rows.length === 0) return <p className="hint">No rows chosen.</p>;
  return (
    <div className="table-scroll">
      <table className="facts pin-rows">
        <caption className="visually-hidden">Rows the pin chose</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {engines.map((e) => (
              <th key={e.id} scope="col" className={`engine-${e.id}`}>
                {e.name}
              </th>
            ))}
            <th scope="col">Winner</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.kind}:${row.id}`}>
              <th scope="row">{row.label}</th>
              {engines.map((e) => {
                const value = row.present && Object.hasOwn(row.row.values, e.id) ? row.row.values[e.id]?.raw : undefined;
                return <td key={e.id}>{row.present ? (value ?? NO_VALUE) : NO_VALUE}</td>;
              })}
              <td>
                {!row.present
                  ? 'Not in the current data'
                  : row.kind === 'difference'
                    ? row.row.winner
                      ? engineName(engines, row.row.winner)
                      : 'No winner'
                    : NO_VALUE}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What changed in the pin's rows since the dataset version it was pinned against. */
export function PinChanges({
  pin,
  comparison,
  datasetVersion,
  engines,
  onRepin,
}: {
  pin: Pin;
  comparison: Comparison | undefined;
  datasetVersion: string;
  engines: readonly Engine[];
  onRepin?: () => void;
}) {
  const changes = changesSince(pin, comparison, datasetVersion);
  if (changes.changed.length === 0) {
    return (
      <p className="hint" data-pin-changes="none">
        Pinned against dataset {changes.since}
        {changes.since === changes.current ? ' (the current one).' : `; none of its rows changed in ${changes.current}.`}
      </p>
    );
  }
  return (
    <div className="notice pin-changes" data-pin-changes="changed">
      <p>
        {changes.changed.length === 1 ? 'One of its rows changed' : `${changes.changed.length} of its rows changed`} since dataset{' '}
        {changes.since} (now {changes.current}):
      </p>
      <ul>
        {changes.changed.map((change) => (
          <li key={`${change.kind}:${change.id}`}>
            <strong>{change.label}</strong>
            {change.status === 'removed'
              ? ': no longer in the data'
              : change.values.map((v) => (
                  <span key={v.engineId}>
                    {' '}
                    · {engineName(engines, v.engineId)}: {v.before ?? NO_VALUE} → {v.after ?? NO_VALUE}
                  </span>
                ))}
          </li>
        ))}
      </ul>
      {onRepin && (
        <button type="button" onClick={onRepin}>
          Pin against the current data
        </button>
      )}
    </div>
  );
}

/** The pin's priorities in one line ("Latency 3, Cost 1"). */
export function prioritiesLine(pin: Pin): string {
  const set = PRIORITY_KEYS.filter((k) => pin.priorities[k] > 0).map((k) => `${PRIORITY_LABELS[k]} ${pin.priorities[k]}`);
  return set.length > 0 ? set.join(', ') : 'none set';
}
