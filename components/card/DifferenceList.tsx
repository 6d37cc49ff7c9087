import { useId, useState } from 'react';
import { CARD_DIFFERENCES_SHOWN, type CardDifference, type CardEngine } from '@/lib/card-data';
import { ClaimsPanel, DisagreeToggle } from './Claims';

/**
 * The key differences that matter most (the data lists them in that order),
 * each with both values and the winner; the rest one click away.
 */
export function DifferenceList({
  differences,
  engines,
}: {
  differences: readonly CardDifference[];
  engines: readonly [CardEngine, CardEngine];
}) {
  const [showAll, setShowAll] = useState(false);
  const [openClaims, setOpenClaims] = useState<string | null>(null);
  const listId = useId();
  const headingId = useId();
  const shown = showAll ? differences : differences.slice(0, CARD_DIFFERENCES_SHOWN);
  const hidden = differences.length - CARD_DIFFERENCES_SHOWN;
  const nameOf = (id: string | null) => engines.find((e) => e.id === id)?.name ?? id;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="el-section-title">
        Key differences
      </h2>
      <ol id={listId} className="el-differences">
        {shown.map((difference) => {
          const claimsId = `${listId}-claims-${difference.id}`;
          const isOpen = openClaims === difference.id;
          return (
            <li key={difference.id} className="el-difference" data-difference-id={difference.id}>
              <div className="el-difference-head">
                <h3 className="el-difference-title">{difference.title}</h3>
                {difference.winner ? (
                  <span className="el-winner">{nameOf(difference.winner)} wins</span>
                ) : (
                  <span className="el-winner" data-none="true">
                    No winner
                  </span>
                )}
              </div>
              <div className="el-pair">
                {engines.map((engine) => (
                  <div key={engine.id} data-winner={difference.winner === engine.id}>
                    <span className="el-pair-engine">{engine.name}</span>
                    {difference.values[engine.id] ?? <span aria-label="No value in the source">—</span>}
                  </div>
                ))}
              </div>
              {difference.disagree && difference.claims && (
                <>
                  <DisagreeToggle
                    expanded={isOpen}
                    onToggle={() => setOpenClaims(isOpen ? null : difference.id)}
                    controls={claimsId}
                    subject={difference.title}
                  />
                  <ClaimsPanel
                    id={claimsId}
                    open={isOpen}
                    claims={difference.claims}
                    engines={engines}
                    subject={difference.title}
                  />
                </>
              )}
            </li>
          );
        })}
      </ol>
      {hidden > 0 && (
        <button
          type="button"
          className="el-link-button"
          aria-expanded={showAll}
          aria-controls={listId}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? `Show the top ${CARD_DIFFERENCES_SHOWN} only` : `Show all ${differences.length} differences`}
        </button>
      )}
    </section>
  );
}
