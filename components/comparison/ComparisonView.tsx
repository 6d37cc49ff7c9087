import type { Comparison, Dataset, Engine } from '@/lib/schema';
import { comparedEngines, findComparison } from '@/lib/comparison-view';
import { Verdict } from './Verdict';
import { KeyDifferences } from './KeyDifferences';
import { Disagreements } from './Disagreements';
import { FactsTable } from './FactsTable';
import { Charts } from './Charts';
import { ProsCons } from './ProsCons';
import { Faq } from './Faq';
import { Audience } from './Audience';
import { Provenance } from './Provenance';
import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';

/** Jump links to each section's heading (ids set by the sections themselves). */
const SECTIONS = [
  ['verdict-heading', 'Verdict'],
  ['differences-heading', 'Differences'],
  ['disagreements-heading', 'Disagreements'],
  ['facts-heading', 'Facts'],
  ['charts-heading', 'Charts'],
  ['proscons-heading', 'Pros & cons'],
  ['faq-heading', 'FAQ'],
] as const;

/** Parts a page adds around the comparison (team pins): `lead` before the verdict, `section` after it. */
export interface ComparisonSlots {
  lead?(view: { dataset: Dataset; comparison: Comparison; engines: Engine[] }): ReactNode;
  section?(view: { dataset: Dataset; comparison: Comparison; engines: Engine[] }): ReactNode;
}

/**
 * The full side-by-side comparison, shared by the toolbar popup and the
 * full-page view. Verdict first; provenance always visible at the bottom.
 */
export function ComparisonView({
  dataset,
  comparisonId,
  headerActions,
  notice,
  afterVerdict,
  slots,
}: {
  dataset: Dataset;
  comparisonId?: string;
  /** Extra controls for the header (e.g. "Open in a tab"). */
  headerActions?: ReactNode;
  /** A message shown above the verdict (e.g. "data was repaired"). */
  notice?: ReactNode;
  /** Sections placed right after the verdict, which always comes first. */
  afterVerdict?: ReactNode;
  slots?: ComparisonSlots;
}) {
  const comparison = findComparison(dataset, comparisonId);
  if (!comparison) return <p role="alert">This comparison is not in the dataset.</p>;
  const engines = comparedEngines(dataset, comparison);
  return (
    <div className="comparison">
      <header className="app-header">
        <h1>
          <span className="brand">Engine Lens</span>
          <span className="title">{comparison.title}</span>
        </h1>
        {headerActions}
      </header>
      <nav className="jump" aria-label="Sections">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      <main className="content">
        {notice}
        {/* Each section fails alone: one that cannot render says so, the others stay. */}
        {slots?.lead && <ErrorBoundary name="The team pick">{slots.lead({ dataset, comparison, engines })}</ErrorBoundary>}
        <ErrorBoundary name="The verdict">
          <Verdict comparison={comparison} engines={engines} />
        </ErrorBoundary>
        {afterVerdict && <ErrorBoundary name="On this page">{afterVerdict}</ErrorBoundary>}
        {slots?.section && <ErrorBoundary name="Team pins">{slots.section({ dataset, comparison, engines })}</ErrorBoundary>}
        <ErrorBoundary name="Key differences">
          <KeyDifferences comparison={comparison} engines={engines} />
        </ErrorBoundary>
        <ErrorBoundary name="Where the sources disagree">
          <Disagreements comparison={comparison} engines={engines} />
        </ErrorBoundary>
        <ErrorBoundary name="Facts and figures">
          <FactsTable comparison={comparison} engines={engines} />
        </ErrorBoundary>
        <ErrorBoundary name="Charts">
          <Charts comparison={comparison} engines={engines} />
        </ErrorBoundary>
        <ErrorBoundary name="Pros and cons">
          <ProsCons comparison={comparison} engines={engines} />
        </ErrorBoundary>
        {/* Side by side on a wide page, so the FAQ and the engines' own descriptions use the width. */}
        <div className="two-up">
          <ErrorBoundary name="FAQ">
            <Faq comparison={comparison} engines={engines} />
          </ErrorBoundary>
          <ErrorBoundary name="Who each engine is for">
            <Audience engines={engines} />
          </ErrorBoundary>
        </div>
      </main>
      <Provenance provenance={comparison.provenance} datasetVersion={dataset.version} />
    </div>
  );
}
