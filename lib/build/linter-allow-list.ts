/**
 * The addons-linter allow-list (Node, test time): every warning the Firefox
 * build may have is listed with its reason, and matched by its code, its file
 * (bundle hashes as `*`) and the source text at its position, so an entry
 * cannot silently cover a new warning of the same kind. A warning beyond the
 * list, or an entry that no longer matches, fails `npm test`.
 */

/** One allowed warning. */
export interface AllowedWarning {
  code: string;
  /** The file, `*` standing for any run of characters (a bundle's hash). */
  file: string;
  /** Text that must appear at the warning's position (within 120 characters after its column). */
  source: string;
  /** How many such warnings there are. */
  count: number;
  /** Why it is acceptable, for the reader of the list. */
  reason: string;
}

/** A warning as addons-linter reports it, with the text at its position. */
export interface FoundWarning {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  /** The source from the warning's column on (read by the caller). */
  sourceAt: string;
}

const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);

/** The warnings no entry covers, and the entries that cover fewer warnings than they list. */
export function checkWarnings(found: readonly FoundWarning[], allowed: readonly AllowedWarning[]): { unexpected: string[]; stale: string[] } {
  const used = allowed.map(() => 0);
  const unexpected: string[] = [];
  for (const warning of found) {
    const index = allowed.findIndex(
      (entry, i) =>
        used[i]! < entry.count &&
        entry.code === warning.code &&
        glob(entry.file).test(warning.file ?? '') &&
        warning.sourceAt.slice(0, 120).includes(entry.source),
    );
    if (index === -1) unexpected.push(`${warning.code} in ${warning.file ?? '?'}:${warning.line ?? '?'}:${warning.column ?? '?'}: ${warning.message}`);
    else used[index]! += 1;
  }
  const stale = allowed
    .map((entry, i) => ({ entry, n: used[i]! }))
    .filter(({ entry, n }) => n < entry.count)
    .map(({ entry, n }) => `${entry.code} in ${entry.file} ("${entry.source}"): listed ${entry.count}, found ${n}`);
  return { unexpected, stale };
}
