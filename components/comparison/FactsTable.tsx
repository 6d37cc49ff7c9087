import { Fragment, useId, useMemo, useState } from 'react';
import type { Comparison, Engine } from '@/lib/schema';
import { diffReference, disagreementFor, engineName, groupFacts, measureLabel } from '@/lib/comparison-view';
import { FigureText } from './FigureText';
import { DisagreeButton } from './DisagreeButton';
import { DisagreementClaims } from './DisagreementClaims';

const SECTION_NAMES = { keyFacts: 'Key Facts & Figures', fullComparison: 'Full Comparison' } as const;

/**
 * What the source's Diff column means, in one sentence. The reference is
 * stated only when the rows' own numbers show it (`diffReference`); either way
 * the reader learns that "+" means higher, not better.
 */
function diffLegend(comparison: Comparison, engines: Engine[]): string {
  const ref = diffReference(
    comparison.facts,
    engines.map((e) => e.id),
  );
  if (!ref) return 'Diff is the source’s own column; it does not say what it is relative to. “+” means higher, not better.';
  const subject = engineName(engines, ref.subject);
  return (
    `Diff is the source’s own column: ${subject}’s figure relative to ${engineName(engines, ref.reference)}’s ` +
    `(middle of a range). “+” means ${subject}’s figure is higher, not that it is better: read each metric’s direction.`
  );
}

/** Every fact and figure side by side, grouped by topic, with a filter box. */
export function FactsTable({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const filterId = useId();
  const legendId = useId();
  const sections = useMemo(() => groupFacts(comparison.facts, query), [comparison.facts, query]);
  const shown = sections.reduce((n, s) => n + s.facts.length, 0);
  const hasDiff = comparison.facts.some((f) => f.diff);
  const columns = 1 + engines.length + (hasDiff ? 1 : 0);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Facts &amp; figures</h2>
      <div className="filter">
        <label htmlFor={filterId}>Filter facts</label>
        <input
          id={filterId}
          type="search"
          value={query}
          placeholder="e.g. latency, stars, GB"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              event.stopPropagation();
              setQuery('');
            }
          }}
        />
        <span className="filter-count" role="status" aria-live="polite">
          {shown} of {comparison.facts.length} rows
        </span>
      </div>
      {hasDiff && (
        <p className="hint diff-legend" id={legendId}>
          {diffLegend(comparison, engines)}
        </p>
      )}
      <div className="table-wrap">
        {/*
          Explicit table roles: below 520 px the CSS stacks each row (metric, then one line per
          engine), and some browsers drop a table's semantics when its display changes.
        */}
        <table className={hasDiff ? 'facts has-diff' : 'facts'} role="table">
          <caption className="visually-hidden">
            Every figure from the source, {engines.map((e) => e.name).join(' and ')} side by side
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Metric
              </th>
              {engines.map((engine) => (
                <th scope="col" role="columnheader" key={engine.id} className={`engine-${engine.id}`}>
                  {engine.name}
                </th>
              ))}
              {hasDiff && (
                <th scope="col" role="columnheader" className="diff" aria-describedby={legendId}>
                  Diff
                </th>
              )}
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section.group} role="rowgroup">
              <tr className="group-row" role="row">
                <th scope="colgroup" role="columnheader" colSpan={columns}>
                  {section.label}
                </th>
              </tr>
              {section.facts.map((fact) => {
                const group = fact.measure ? disagreementFor(comparison, fact.id) : undefined;
                const panelId = `fact-claims-${fact.id}`;
                const isOpen = expanded.has(fact.id);
                return (
                  <Fragment key={fact.id}>
                    <tr className={group ? 'fact disagrees' : 'fact'} data-fact-id={fact.id} role="row">
                      <th scope="row" role="rowheader">
                        <span className="metric">{fact.metric}</span>
                        {fact.unit && <span className="unit">{fact.unit}</span>}
                        <span className="sections" title="Where the source lists this row">
                          {fact.sections.map((s) => SECTION_NAMES[s]).join(' · ')}
                        </span>
                        {group && (
                          <DisagreeButton
                            expanded={isOpen}
                            onToggle={() => toggle(fact.id)}
                            controls={panelId}
                            subject={measureLabel(group.measure)}
                          />
                        )}
                      </th>
                      {engines.map((engine) => (
                        <td key={engine.id} role="cell" className={`engine-${engine.id}`} data-label={engine.name}>
                          <FigureText figure={fact.values[engine.id]} />
                        </td>
                      ))}
                      {hasDiff && (
                        <td className="diff" role="cell" data-label="Diff">
                          <FigureText figure={fact.diff} />
                        </td>
                      )}
                    </tr>
                    {group && (
                      <tr id={panelId} className="claims-row" hidden={!isOpen} role="row">
                        <td colSpan={columns} role="cell">
                          {isOpen && (
                            <>
                              <p className="claims-intro">
                                The source states {measureLabel(group.measure).toLowerCase()} in{' '}
                                {group.sourceIds.length} places with different values. None is picked as the truth:
                              </p>
                              <DisagreementClaims group={group} engines={engines} />
                            </>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          ))}
        </table>
        {shown === 0 && <p className="empty">No fact matches “{query}”.</p>}
      </div>
    </section>
  );
}
