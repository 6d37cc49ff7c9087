/**
 * The published dataset format as a JSON Schema, generated from the zod
 * schema (z.toJSONSchema) so the two cannot drift: what the build validates
 * (assets/data) and what a dataset feed must serve. The committed copy is
 * assets/schema/dataset.schema.json; test/unit/dataset-json-schema.test.ts
 * checks that it is this function's output and that the bundled dataset, its
 * example, validates against it (`npm run schema` rewrites it). Pure.
 */
import { z } from 'zod';
import { SOURCE_FORMAT_VERSION, SourceDatasetSchema } from './schema';

export function datasetJsonSchema(example: unknown): Record<string, unknown> {
  const generated = z.toJSONSchema(SourceDatasetSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: 'https://engine-lens.dev/schema/dataset.schema.json',
    title: 'Engine Lens dataset',
    description:
      `A comparison dataset in the published format ${SOURCE_FORMAT_VERSION}, as Engine Lens bundles it and as a dataset feed serves it ` +
      '(one JSON file, https, at most 2 MB). Every figure is a string exactly as its source prints it; Engine Lens parses it ' +
      'where it can be read one way and never invents a value. Beyond this schema, the build and the extension check ' +
      'cross-references: unique ids, known engines, a winner that is a compared engine, and "—" written as a missing key.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
    examples: [example],
  };
}
