/**
 * Engine Lens's icons as inline SVG elements (no markup strings, no network),
 * shared by the hover card and the comparison view: drawn shapes never depend
 * on which fonts the machine has, unlike 🏆 or ⚠. Decorative: whatever uses
 * one also says it in text.
 */
export function PinIcon() {
  return (
    <svg className="el-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M6 2h4l-.5 4 2.5 2.5H4L6.5 6z" />
      <path d="M8 8.5V14" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg className="el-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}

export function OpenIcon() {
  return (
    <svg className="el-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M9 3h4v4M13 3L7.5 8.5M11 9.5V13H3V5h3.5" />
    </svg>
  );
}

/** A trophy, for the winner of a key difference (as the source marks it). */
export function TrophyIcon() {
  return (
    <svg className="el-icon el-icon-trophy" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 2.5h6v3.5a3 3 0 0 1-6 0z" />
      <path d="M5 3.5H3v1a2 2 0 0 0 2 2M11 3.5h2v1a2 2 0 0 1-2 2M8 9v3M5.5 13.5h5" />
    </svg>
  );
}

/**
 * A warning triangle, for "sources disagree". Drawn, not the ⚠ character,
 * which needs a symbol font (it renders as an empty box without one).
 */
export function WarningIcon() {
  return (
    <svg className="el-icon el-icon-warning" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 2.2 14.2 13H1.8z" />
      <path d="M8 6.5v3M8 11.4v.1" />
    </svg>
  );
}

/** A chevron pointing right; rotated by CSS when what it toggles is open. Not the › character (font-dependent). */
export function ChevronIcon() {
  return (
    <svg className="el-icon el-icon-chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M6 3.5 10.5 8 6 12.5" />
    </svg>
  );
}

/** An arrow for "lower / higher is better". */
export function DirectionIcon({ direction }: { direction: 'lower' | 'higher' }) {
  return (
    <svg className="el-icon el-icon-direction" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={direction === 'lower' ? 'M8 2.5v11M3.5 9 8 13.5 12.5 9' : 'M8 13.5v-11M3.5 7 8 2.5 12.5 7'} />
    </svg>
  );
}
