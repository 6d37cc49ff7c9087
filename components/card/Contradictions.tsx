import { useId, useState } from 'react';
import type { CardContradiction } from '@/lib/card-data';
import { ChevronIcon, WarningIcon } from './icons';

/**
 * The verdict's label line with the card's warning for contradictions in
 * words (the verdict's "20-30% faster" against the figures it cites, "faster"
 * for one engine here and the other there): one compact toggle on that line,
 * so the card stays short, expanding to each statement quoted with where the
 * source makes it.
 */
export function Contradictions({ contradictions, label }: { contradictions: readonly CardContradiction[]; label: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <div className="el-verdict-head">
        <p className="el-verdict-label">{label}</p>
        {contradictions.length > 0 && (
          <button
            type="button"
            className="el-words-toggle"
            aria-expanded={open}
            aria-controls={panelId}
            title={`The source contradicts itself in words on ${contradictions.length} points: ${open ? 'hide' : 'show'} every statement`}
            onClick={() => setOpen(!open)}
          >
            <WarningIcon />
            <span>Sources disagree in words ({contradictions.length})</span>
            <ChevronIcon />
          </button>
        )}
      </div>
      {contradictions.length > 0 && (
        <div id={panelId} className="el-claims el-words" hidden={!open}>
          {open &&
            contradictions.map((group) => (
              <div key={group.id} className="el-words-group" data-contradiction-id={group.id}>
                <p className="el-claims-engine">{group.title}</p>
                <ul aria-label={`${group.title}: what the source says`}>
                  {group.claims.map((claim, index) => (
                    <li key={index}>
                      <q className="el-claim-raw">{claim.quote}</q>{' '}
                      <span className="el-claim-label">({claim.where})</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      )}
    </>
  );
}
