import { Fragment, useId, useState } from 'react';
import type { CardEngine, CardFigure } from '@/lib/card-data';
import { ClaimsPanel, DisagreeToggle } from './Claims';

/** Key figures side by side, raw as the source prints them, with units and disagreement markers. */
export function FigureTable({
  figures,
  engines,
  mentionedEngineId,
}: {
  figures: readonly CardFigure[];
  engines: readonly [CardEngine, CardEngine];
  mentionedEngineId: string | null;
}) {
  const [openClaims, setOpenClaims] = useState<string | null>(null);
  const headingId = useId();
  const baseId = useId();
  if (figures.length === 0) return null;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="el-section-title">
        Key figures
      </h2>
      <table className="el-figures" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">
              <span className="el-visually-hidden">Metric</span>
            </th>
            {engines.map((engine) => (
              <th key={engine.id} scope="col" data-mentioned={engine.id === mentionedEngineId}>
                {engine.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => {
            const claimsId = `${baseId}-claims-${figure.id}`;
            const isOpen = openClaims === figure.id;
            return (
              <Fragment key={figure.id}>
                <tr data-figure-id={figure.id} data-disagree={figure.disagree}>
                  <th scope="row">
                    <span className="el-metric">{figure.label}</span>
                    {figure.unit && <span className="el-unit">{figure.unit}</span>}
                    {figure.disagree && figure.claims && (
                      <DisagreeToggle
                        expanded={isOpen}
                        onToggle={() => setOpenClaims(isOpen ? null : figure.id)}
                        controls={claimsId}
                        subject={figure.label}
                      />
                    )}
                  </th>
                  {engines.map((engine) => (
                    <td key={engine.id} className="el-figure-value">
                      {figure.values[engine.id] ?? <span aria-label="No value in the source">—</span>}
                    </td>
                  ))}
                </tr>
                {figure.disagree && figure.claims && (
                  <tr hidden={!isOpen}>
                    <td colSpan={engines.length + 1}>
                      <ClaimsPanel
                        id={claimsId}
                        open={isOpen}
                        claims={figure.claims}
                        engines={engines}
                        subject={figure.label}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
