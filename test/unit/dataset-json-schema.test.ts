import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import sourceJson from '@/assets/data/vllm-vs-tensorrt-llm.json';
import { datasetJsonSchema } from '@/lib/dataset-json-schema';

const FILE = 'assets/schema/dataset.schema.json';
const generated = `${JSON.stringify(datasetJsonSchema(sourceJson), null, 2)}\n`;

// `npm run schema` rewrites the committed file from the zod schema.
if (process.env.ENGINE_LENS_WRITE_SCHEMA === '1') fs.writeFileSync(FILE, generated);

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(FILE, 'utf8')));
}

describe('the published dataset format (JSON Schema)', () => {
  it('the committed file is generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(fs.readFileSync(FILE, 'utf8')).toBe(generated);
  });

  it('the bundled dataset, its example, validates against it', () => {
    const validate = validator();
    expect(validate(sourceJson), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it.each([
    ['no version', (d: Record<string, unknown>) => delete d.version],
    ['one engine', (d: { engines: unknown[] }) => d.engines.splice(1)],
    ['a score above 10', (d: { comparisons: Array<{ verdict: { scores: Record<string, number> } }> }) => (d.comparisons[0]!.verdict.scores.vllm = 11)],
    ['a figure that is a number', (d: { comparisons: Array<{ facts: Array<{ values: Record<string, unknown> }> }> }) => (d.comparisons[0]!.facts[0]!.values.vllm = 80)],
    ['a newer format version', (d: Record<string, unknown>) => (d.formatVersion = 2)],
  ])('refuses a dataset with %s, as the extension does', (_name, edit) => {
    const copy = structuredClone(sourceJson) as never;
    (edit as (d: never) => void)(copy);
    expect(validator()(copy)).toBe(false);
  });
});
