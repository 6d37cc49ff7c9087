import type { CardClaim, CardEngine } from '@/lib/card-data';
import { ChevronIcon, WarningIcon } from './icons';

/**
 * The "sources disagree" marker. It is always visible on a contradicting row
 * and expands to every claim: the card never presents one of them as the
 * truth. Compact (a warning sign) so the row keeps to one line; the section
 * title explains the sign ({@link DisagreeLegend}) and screen readers get the
 * words.
 */
export function DisagreeToggle({
  expanded,
  onToggle,
  controls,
  subject,
}: {
  expanded: boolean;
  onToggle: () => void;
  /** Id of the claims panel it shows and hides. */
  controls: string;
  /** What the sources disagree on, for the accessible name. */
  subject: string;
}) {
  return (
    <button
      type="button"
      className="el-disagree"
      aria-expanded={expanded}
      aria-controls={controls}
      title={`Sources disagree on ${subject}: ${expanded ? 'hide' : 'show'} every claim`}
      onClick={onToggle}
    >
      <WarningIcon />
      <span className="el-visually-hidden">Sources disagree on {subject}</span>
      <ChevronIcon />
    </button>
  );
}

/** Says once per section what the warning sign means (the toggles carry the words for screen readers). */
export function DisagreeLegend() {
  return (
    <span className="el-legend" aria-hidden="true">
      <WarningIcon /> sources disagree
    </span>
  );
}

/**
 * Every claim per engine, each with the source row that makes it. Always in
 * the tree (so the toggle's aria-controls points somewhere); empty and hidden
 * while collapsed.
 */
export function ClaimsPanel({
  id,
  open,
  claims,
  engines,
  subject,
}: {
  id: string;
  open: boolean;
  claims: Record<string, CardClaim[]>;
  engines: readonly CardEngine[];
  subject: string;
}) {
  if (!open) return <div id={id} hidden />;
  return (
    <div id={id} className="el-claims">
      <p className="el-claims-intro">The source states {subject} differently in several places; none is picked as the truth.</p>
      {engines.map((engine) => {
        const list = claims[engine.id];
        if (!list || list.length === 0) return null;
        return (
          <div key={engine.id}>
            <p className="el-claims-engine">
              {engine.name}: {list.length} {list.length === 1 ? 'claim' : 'claims'}
            </p>
            <ul aria-label={`${subject} claims for ${engine.name}`}>
              {list.map((claim, index) => (
                <li key={`${index}-${claim.label}`}>
                  <span className="el-claim-raw">{claim.raw}</span>{' '}
                  <span className="el-claim-label">
                    ({claim.kind === 'keyDifference' ? 'key difference' : 'row'} “{claim.label}”)
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
