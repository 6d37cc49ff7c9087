/**
 * Reading what a user imports as text (a pasted export or a chosen file):
 * bounded, parsed, then lib/pins.ts's `readPinsDocument`. Share links go
 * through lib/share.ts. Pure; never throws.
 */
import { readPinsDocument, type Pin } from './pins';

/** Largest file or pasted text the import reads (a document holds at most 100 pins). */
export const IMPORT_TEXT_MAX = 1_000_000;

export type ImportRead = { ok: true; pins: Pin[] } | { ok: false; reason: string };

/** Reads a JSON export (or one bare pin) from text. */
export function readImportText(text: string): ImportRead {
  if (text.length > IMPORT_TEXT_MAX) return { ok: false, reason: 'This is larger than any Engine Lens export (1 MB at most).' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'This is not JSON: choose a file that “Export pins” wrote, or paste a share link.' };
  }
  const read = readPinsDocument(json);
  return read.ok ? read : { ok: false, reason: `This cannot be imported: ${read.reason}.` };
}
