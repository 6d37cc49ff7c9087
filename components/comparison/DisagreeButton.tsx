/**
 * The "sources disagree" flag: a button that expands to every claim (the
 * panel it controls is rendered by the caller, e.g. a table row below).
 * A contradicting figure is never shown without this warning.
 */
export function DisagreeButton({
  expanded,
  onToggle,
  controls,
  subject,
}: {
  expanded: boolean;
  onToggle: () => void;
  /** Id of the panel that lists the claims. */
  controls: string;
  /** What the sources disagree on, for the accessible description. */
  subject: string;
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
      <span aria-hidden="true">⚠ </span>Sources disagree
    </button>
  );
}
