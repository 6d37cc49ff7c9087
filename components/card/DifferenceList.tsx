import { useId, useState } from 'react';
import type { CardDifference, CardEngine } from '@/lib/card-data';
import { CARD_DIFFERENCES_SHOWN } from '@/lib/card-layout';
import { ClaimsPanel, DisagreeLegend, DisagreeToggle } from './Claims';
import { ValuePair } from './ValuePair';

/**
 * The key differences that matter most (the data lists them in that order),
 * both values side by side with the winner marked; the rest one click away.
 * The source's own "at a glance" ones are listed under that label, so they
 * stay recognisable once all are shown.
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
  const glanceId = useId();
  const restId = useId();
  const shown = showAll ? differences : differences.slice(0, CARD_DIFFERENCES_SHOWN);
  const hidden = differences.length - CARD_DIFFERENCES_SHOWN;
  const glance = shown.filter((d) => d.atAGlance);
  const rest = shown.filter((d) => !d.atAGlance);

  const row = (difference: CardDifference) => {
    const claimsId = `${listId}-claims-${difference.id}`;
    const isOpen = openClaims === difference.id;
    return (
      <li key={difference.id} className="el-row" data-difference-id={difference.id} data-at-a-glance={difference.atAGlance}>
        <div className="el-row-head">
          <h3 className="el-row-title">{difference.title}</h3>
          {difference.winner === null && <span className="el-row-note">No winner</span>}
          {difference.disagree && difference.claims && (
            <DisagreeToggle
              expanded={isOpen}
              onToggle={() => setOpenClaims(isOpen ? null : difference.id)}
              controls={claimsId}
              subject={difference.title}
            />
          )}
        </div>
        <ValuePair engines={engines} values={difference.values} winner={difference.winner} />
        {difference.disagree && difference.claims && (
          <ClaimsPanel id={claimsId} open={isOpen} claims={difference.claims} engines={engines} subject={difference.title} />
        )}
      </li>
    );
  };

  return (
    <section className="el-section" aria-labelledby={headingId}>
      <div className="el-section-head">
        <h2 id={headingId} className="el-section-title">
          Key differences
        </h2>
        {shown.some((d) => d.disagree && d.claims) && <DisagreeLegend />}
        {hidden > 0 && (
          // In the title line, so the card's default state stays short.
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
      </div>
      <div id={listId}>
        {glance.length === 0 ? (
          <ul className="el-rows">{shown.map(row)}</ul>
        ) : (
          <>
            <p className="el-group-label" id={glanceId}>
              At a glance: the source’s top {glance.length}
            </p>
            <ul className="el-rows" aria-labelledby={glanceId}>
              {glance.map(row)}
            </ul>
            {rest.length > 0 && (
              <>
                <p className="el-group-label" id={restId}>
                  The other {rest.length}
                </p>
                <ul className="el-rows" aria-labelledby={restId}>
                  {rest.map(row)}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
