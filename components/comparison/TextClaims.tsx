import { useId, useState } from 'react';
import type { Comparison, Engine, TextClaimGroup } from '@/lib/schema';
import { claimLocation } from '@/lib/comparison-view';
import { DisagreeButton } from './DisagreeButton';

/** A contradiction in words: why the statements clash (when noted) and each one, quoted, with where the source makes it. */
export function TextClaimList({
  group,
  comparison,
  engines,
  showNote = true,
}: {
  group: TextClaimGroup;
  comparison: Comparison;
  engines: Engine[];
  /** The "Sources disagree" panel already shows the note in its summary line. */
  showNote?: boolean;
}) {
  return (
    <div className="text-claims">
      {showNote && group.note && <p className="text-claims-note">{group.note}</p>}
      <ul aria-label={`${group.title}: what the source says`}>
        {group.claims.map((claim) => (
          <li key={claim.id}>
            <q className="claim-quote">{claim.quote}</q>{' '}
            <span className="claim-source">{claimLocation(claim, comparison, engines)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The warning a place carries when the source contradicts what it says
 * there (the verdict, the short answer, a pro): a "Sources disagree" flag
 * that expands to the contradictions, each with every statement.
 */
export function TextDisagreeFlag({
  groups,
  comparison,
  engines,
  subject,
}: {
  groups: TextClaimGroup[];
  comparison: Comparison;
  engines: Engine[];
  /** What is contradicted, for the flag's tooltip ("the verdict"). */
  subject: string;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (groups.length === 0) return null;
  return (
    <div className="text-flag">
      <DisagreeButton
        expanded={open}
        onToggle={() => setOpen(!open)}
        controls={panelId}
        subject={subject}
        count={groups.length}
      />
      <div id={panelId} className="text-flag-panel" hidden={!open}>
        {open &&
          groups.map((group) => (
            <div key={group.id} className="text-flag-group">
              <h4>{group.title}</h4>
              <TextClaimList group={group} comparison={comparison} engines={engines} />
            </div>
          ))}
      </div>
    </div>
  );
}
