/**
 * Build-time check (Node only, used by wxt.config.ts; never import it from an
 * entrypoint): every dataset JSON under assets/data must load, so a broken
 * transcription fails the build instead of shipping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSourceDataset } from '../normalize';

/**
 * Runs `loadSourceDataset` on every `*.json` in `dir` and throws one Error
 * listing each file that fails and why. Returns the names checked.
 */
export function validateDatasetFiles(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`No dataset JSON found in ${dir}`);
  const failures: string[] = [];
  for (const name of files) {
    try {
      loadSourceDataset(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw new Error(`Invalid dataset in ${dir}:\n  ${failures.join('\n  ')}`);
  return files;
}
