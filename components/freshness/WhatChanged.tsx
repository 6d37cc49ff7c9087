/**
 * "What changed" in the last update that changed anything: every figure
 * (old → new), rows added or removed, the verdict's text and scores, key
 * differences whose winner flipped, and team pins whose pick or note
 * changed. Everything is text from the two datasets, shown as text.
 */
import type { ComparisonDiff } from '@/lib/dataset-diff';
import type { ChangeRecord } from '@/lib/feeds';
import type { Engine } from '@/lib/schema';

const NONE = '—';

export function WhatChanged({ record, engines }: { record: ChangeRecord | null; engines: readonly Engine[] }) {
  const name = (id: string | null) => (id === null ? 'no winner' : (engines.find((e) => e.id === id)?.name ?? id));
  if (!record || (!record.dataset?.comparisons.length && record.pins.length === 0)) {
    return <p className="hint">No update has changed anything yet.</p>;
  }
  return (
    <div className="what-changed" role="region" aria-label="What changed">
      <p className="hint">
        {record.dataset ? `Dataset ${record.dataset.fromVersion} → ${record.dataset.toVersion}, ` : ''}
        received {new Date(record.at).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}.
      </p>
      {record.dataset?.comparisons.map((c) => <ComparisonChanges key={c.comparisonId} diff={c} name={name} />)}
      {record.pins.length > 0 && (
        <>
          <h3>Team pins</h3>
          <ul>
            {record.pins.map((pin) => (
              <li key={pin.pinId}>
                {pin.title}
                {pin.added ? ': new from the team feed' : ''}
                {pin.pick ? `: pick ${pin.pick.from === null ? 'undecided' : name(pin.pick.from)} → ${pin.pick.to === null ? 'undecided' : name(pin.pick.to)}` : ''}
                {pin.noteChanged ? ': the note changed' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ComparisonChanges({ diff, name }: { diff: ComparisonDiff; name: (id: string | null) => string }) {
  if (diff.status !== 'changed') {
    return (
      <p>
        <strong>{diff.title}</strong>: {diff.status === 'added' ? 'a new comparison' : 'removed from the dataset'}.
      </p>
    );
  }
  return (
    <>
      <h3>{diff.title}</h3>
      <ul>
        {diff.verdictText && (
          <li>
            The verdict changed: <q>{diff.verdictText.from}</q> → <q>{diff.verdictText.to}</q>
          </li>
        )}
        {diff.scoresChanged.map((s) => (
          <li key={`score-${s.engineId}`}>
            {name(s.engineId)}'s score: {s.from ?? NONE} → {s.to ?? NONE}
          </li>
        ))}
        {diff.winnersFlipped.map((w) => (
          <li key={`winner-${w.rowId}`}>
            {w.label}: the winner is now {name(w.to)} (was {name(w.from)})
          </li>
        ))}
        {diff.figuresChanged.map((f) => (
          <li key={`figure-${f.rowId}-${f.engineId}`}>
            {f.label}, {name(f.engineId)}: {f.from ?? NONE} → {f.to ?? NONE}
          </li>
        ))}
        {diff.rowsAdded.map((r) => (
          <li key={`added-${r.rowId}`}>New: {r.label}</li>
        ))}
        {diff.rowsRemoved.map((r) => (
          <li key={`removed-${r.rowId}`}>Removed: {r.label}</li>
        ))}
      </ul>
    </>
  );
}
