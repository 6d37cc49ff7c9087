import { ChevronIcon, WarningIcon } from '@/components/card/icons';

/**
 * The "sources disagree" flag: a button that expands to every claim (the
 * panel it controls is rendered by the caller, e.g. a table row below).
 * A contradicting figure or statement is never shown without this warning.
 */
export function DisagreeButton({
  expanded,
  onToggle,
  controls,
  subject,
  count,
}: {
  expanded: boolean;
  onToggle: () => void;
  /** Id of the panel that lists the claims. */
  controls: string;
  /** What the sources disagree on, for the tooltip. */
  subject: string;
  /** How many contradictions the panel lists, when more than one. */
  count?: number;
}) {
  return (
    <button
      type="button"
      className="disagree-flag"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
      title={`Sources disagree on ${subject}: ${expanded ? 'hide' : 'show'} every claim`}
    >
      <WarningIcon />
      Sources disagree{count !== undefined && count > 1 ? ` (${count})` : ''}
      <ChevronIcon />
    </button>
  );
}
