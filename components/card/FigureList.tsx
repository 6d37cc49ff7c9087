import { useId, useState } from 'react';
import type { CardEngine, CardFigure } from '@/lib/card-data';
import { ClaimsPanel, DisagreeLegend, DisagreeToggle } from './Claims';
import { ValuePair } from './ValuePair';

/** Key figures side by side, raw as the source prints them, with units and disagreement markers. */
export function FigureList({
  figures,
  engines,
}: {
  figures: readonly CardFigure[];
  engines: readonly [CardEngine, CardEngine];
}) {
  const [openClaims, setOpenClaims] = useState<string | null>(null);
  const listId = useId();
  const headingId = useId();
  if (figures.length === 0) return null;

  return (
    <section className="el-section" aria-labelledby={headingId}>
      <div className="el-section-head">
        <h2 id={headingId} className="el-section-title">
          Key figures
        </h2>
        {figures.some((f) => f.disagree && f.claims) && <DisagreeLegend />}
      </div>
      <ul className="el-rows">
        {figures.map((figure) => {
          const claimsId = `${listId}-claims-${figure.id}`;
          const isOpen = openClaims === figure.id;
          return (
            <li key={figure.id} className="el-row" data-figure-id={figure.id} data-disagree={figure.disagree}>
              <div className="el-row-head">
                <h3 className="el-row-title">
                  {figure.label}
                  {figure.unit && <span className="el-unit"> · {figure.unit}</span>}
                </h3>
                {figure.disagree && figure.claims && (
                  <DisagreeToggle
                    expanded={isOpen}
                    onToggle={() => setOpenClaims(isOpen ? null : figure.id)}
                    controls={claimsId}
                    subject={figure.label}
                  />
                )}
              </div>
              <ValuePair engines={engines} values={figure.values} numeric />
              {figure.disagree && figure.claims && (
                <ClaimsPanel id={claimsId} open={isOpen} claims={figure.claims} engines={engines} subject={figure.label} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
