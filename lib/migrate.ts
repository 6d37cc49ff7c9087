/**
 * One way to move stored data forward a version at a time, shared by the
 * settings, the pins and the stored datasets. Each step is a small pure
 * function named after what it does (`v1ToV2`), tested with a fixture of the
 * older shape; the chain runs the steps from the stored version to the
 * current one in order. Pure.
 */

/** Turns data of version `n - 1` into version `n`; may throw when the data cannot be moved. */
export type MigrationStep = (value: unknown) => unknown;

/** Steps keyed by the version they produce: `{ 2: v1ToV2, 3: v2ToV3 }`. */
export type MigrationChain = Readonly<Record<number, MigrationStep>>;

export type MigrationResult = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Runs the steps of `chain` from version `from` up to `to`. Refuses (never
 * guesses) when `from` is newer than `to` (data of a later build), not a
 * whole number, or when a step is missing or throws.
 */
export function runMigrations(value: unknown, from: number, to: number, chain: MigrationChain): MigrationResult {
  if (!Number.isInteger(from) || from < 1) return { ok: false, reason: `unknown version ${String(from)}` };
  if (from > to) return { ok: false, reason: `version ${from} is newer than this build understands (${to})` };
  let current = value;
  for (let version = from + 1; version <= to; version++) {
    const step = Object.hasOwn(chain, version) ? chain[version] : undefined;
    if (!step) return { ok: false, reason: `no migration to version ${version}` };
    try {
      current = step(current);
    } catch (error) {
      return { ok: false, reason: `migration to version ${version} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true, value: current };
}
