/**
 * Mozilla's addons-linter on the Firefox build: no error, and every warning
 * is one of test/firefox/addons-linter-allow-list.json (each listed with its
 * reason). A new warning, or an entry that no longer matches, fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWarnings, type AllowedWarning, type FoundWarning } from '@/lib/build/linter-allow-list';

const EXTENSION_DIR = path.resolve(process.env.ENGINE_LENS_OUT_DIR ?? '.output', 'firefox-mv3');
const ALLOWED: AllowedWarning[] = JSON.parse(fs.readFileSync(path.resolve('test/firefox/addons-linter-allow-list.json'), 'utf8'));

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

function lint(): { errors: LinterMessage[]; warnings: LinterMessage[] } {
  let out: string;
  try {
    out = execFileSync(path.resolve('node_modules/.bin/addons-linter'), [EXTENSION_DIR, '--output', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (error) {
    // It exits non-zero when it finds errors; the JSON is still on stdout.
    out = String((error as { stdout?: unknown }).stdout ?? '');
  }
  return JSON.parse(out);
}

/** The source text from a warning's position on. */
function sourceAt({ file, line, column }: LinterMessage): string {
  if (!file || !line) return '';
  const text = fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8').split('\n')[line - 1] ?? '';
  return text.slice(Math.max(0, (column ?? 1) - 1));
}

describe('addons-linter on the Firefox build', () => {
  it('finds no error, and only the listed warnings', () => {
    expect(fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json')), 'run `npm run build:firefox` first').toBe(true);
    const { errors, warnings } = lint();
    expect(errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
    const found: FoundWarning[] = warnings.map((w) => ({ ...w, sourceAt: sourceAt(w) }));
    const { unexpected, stale } = checkWarnings(found, ALLOWED);
    expect(unexpected, 'a new warning: fix it, or list it with its reason in test/firefox/addons-linter-allow-list.json').toEqual([]);
    expect(stale, 'an allow-list entry no longer matches: remove it or lower its count').toEqual([]);
  });

  it('every entry says why', () => {
    for (const entry of ALLOWED) expect(entry.reason.length).toBeGreaterThan(40);
  });
});
