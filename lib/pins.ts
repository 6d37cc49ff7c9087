/**
 * A team's pinned comparison: the rows that matter to the team, its
 * priorities, its pick and a note. Pins are user data: stored in the worker's
 * IndexedDB (validated on every read), exported as JSON files, shared as
 * links and served by team feeds, always in this one format. Pure.
 *
 * The format is versioned (`formatVersion`): an older pin is moved forward by
 * {@link PIN_MIGRATIONS} (lib/migrate.ts), a newer one is refused with a
 * message saying to update. Parsing keeps only the fields below, so unknown
 * fields are dropped and keys such as `__proto__` never reach an object's
 * prototype (zod builds a fresh object from the known keys).
 */
import { z } from 'zod';
import { runMigrations, type MigrationChain } from './migrate';
import { ComparisonIdSchema, EngineIdSchema } from './schema';

export const PIN_FORMAT_VERSION = 1;

/** What a team can weigh, each 0 (does not matter) to 3 (matters most). */
export const PRIORITY_KEYS = [
  'latency',
  'throughput',
  'hardwareFlexibility',
  'modelCoverage',
  'easeOfSetup',
  'cost',
  'community',
] as const;
export type PriorityKey = (typeof PRIORITY_KEYS)[number];

export const PRIORITY_LABELS: Readonly<Record<PriorityKey, string>> = {
  latency: 'Latency',
  throughput: 'Throughput',
  hardwareFlexibility: 'Hardware flexibility',
  modelCoverage: 'Model coverage',
  easeOfSetup: 'Ease of setup',
  cost: 'Cost',
  community: 'Community',
};

export const PRIORITY_MAX = 3;
export const NOTE_MAX = 2000;
export const TITLE_MAX = 120;

/** Random, URL-safe, long enough never to collide by chance. */
export const PinIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'pin ids are 8-64 URL-safe characters');
export type PinId = z.infer<typeof PinIdSchema>;

/** A fact or key-difference id of the dataset (lib/schema.ts slugs). */
const RowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100);

export const PrioritiesSchema = z.object(
  Object.fromEntries(PRIORITY_KEYS.map((key) => [key, z.number().int().min(0).max(PRIORITY_MAX)])) as Record<
    PriorityKey,
    z.ZodNumber
  >,
);
export type Priorities = z.infer<typeof PrioritiesSchema>;

export const NO_PRIORITIES: Priorities = Object.fromEntries(PRIORITY_KEYS.map((key) => [key, 0])) as Priorities;

export const PinSchema = z.object({
  formatVersion: z.literal(PIN_FORMAT_VERSION),
  id: PinIdSchema,
  title: z.string().trim().min(1).max(TITLE_MAX),
  /** Who decided ("Platform team"); empty when not given. */
  team: z.string().trim().max(80),
  comparisonId: ComparisonIdSchema,
  /** The dataset version the rows were chosen from (to show what changed since). */
  datasetVersion: z.string().min(1).max(100),
  /** The rows that matter to the team, by id, in the team's order. */
  rows: z.object({
    differences: z.array(RowIdSchema).max(50),
    facts: z.array(RowIdSchema).max(200),
  }),
  priorities: PrioritiesSchema,
  /** The team's pick: an engine id, or null for "undecided". */
  pick: EngineIdSchema.max(100).nullable(),
  /** Plain text, shown as text. */
  note: z.string().max(NOTE_MAX),
  /** The chosen rows' raw values when pinned: row id → engine id → text as the source printed it. */
  snapshot: z.record(RowIdSchema, z.record(EngineIdSchema, z.string().max(500))),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Pin = z.infer<typeof PinSchema>;

/** Steps to the next pin format, keyed by the version they produce (lib/migrate.ts). None yet. */
export const PIN_MIGRATIONS: MigrationChain = {};

export type PinRead = { ok: true; pin: Pin } | { ok: false; reason: string };

/**
 * Reads a pin of any known format version: migrates an older one, refuses a
 * newer one ("update Engine Lens"), validates the result. Never throws.
 */
export function readPin(raw: unknown): PinRead {
  const version = typeof raw === 'object' && raw !== null ? (raw as { formatVersion?: unknown }).formatVersion : undefined;
  if (typeof version !== 'number') return { ok: false, reason: 'not an Engine Lens pin (no format version)' };
  if (version > PIN_FORMAT_VERSION) {
    return {
      ok: false,
      reason: `this pin uses format ${version}, newer than this Engine Lens understands (${PIN_FORMAT_VERSION}); update Engine Lens to read it`,
    };
  }
  const migrated = runMigrations(raw, version, PIN_FORMAT_VERSION, PIN_MIGRATIONS);
  if (!migrated.ok) return { ok: false, reason: migrated.reason };
  const parsed = PinSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `invalid pin: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown problem'}` };
  }
  return { ok: true, pin: parsed.data };
}

// ------------------------------------------------------------ documents

/** The tag a pins document (export file, team feed) starts with. */
export const PINS_DOCUMENT_FORMAT = 'engine-lens.pins';
export const PINS_DOCUMENT_VERSION = 1;
/** Most pins one document may carry. */
export const PINS_DOCUMENT_MAX = 100;

/**
 * A pins document: what "Export pins" writes and a team feed serves. A feed
 * may also serve one bare pin; {@link readPinsDocument} accepts both.
 */
export const PinsDocumentSchema = z.object({
  format: z.literal(PINS_DOCUMENT_FORMAT),
  formatVersion: z.literal(PINS_DOCUMENT_VERSION),
  /** When it was written (ISO 8601). */
  exportedAt: z.iso.datetime(),
  pins: z.array(z.unknown()).min(1).max(PINS_DOCUMENT_MAX),
});

export type PinsDocumentRead = { ok: true; pins: Pin[] } | { ok: false; reason: string };

/** A pins document for `pins`, as "Export pins" writes it. */
export function pinsDocument(pins: readonly Pin[], exportedAt: Date): { format: string; formatVersion: number; exportedAt: string; pins: Pin[] } {
  return { format: PINS_DOCUMENT_FORMAT, formatVersion: PINS_DOCUMENT_VERSION, exportedAt: exportedAt.toISOString(), pins: [...pins] };
}

/**
 * Reads a pins document or a single pin (parsed JSON). Every pin must be
 * readable: a document with one bad pin is refused whole, with the reason,
 * so an import never half-happens. Never throws.
 */
export function readPinsDocument(json: unknown): PinsDocumentRead {
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === PINS_DOCUMENT_FORMAT) {
    const version = (json as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > PINS_DOCUMENT_VERSION) {
      return { ok: false, reason: `this file uses format ${version}, newer than this Engine Lens understands; update Engine Lens to read it` };
    }
    const document = PinsDocumentSchema.safeParse(json);
    if (!document.success) return { ok: false, reason: `not a valid pins document: ${document.error.issues[0]?.message ?? 'unknown problem'}` };
    const pins: Pin[] = [];
    for (const [i, raw] of document.data.pins.entries()) {
      const read = readPin(raw);
      if (!read.ok) return { ok: false, reason: `pin ${i + 1}: ${read.reason}` };
      pins.push(read.pin);
    }
    if (new Set(pins.map((p) => p.id)).size !== pins.length) return { ok: false, reason: 'the document lists one pin id twice' };
    return { ok: true, pins };
  }
  const single = readPin(json);
  return single.ok ? { ok: true, pins: [single.pin] } : { ok: false, reason: single.reason };
}
