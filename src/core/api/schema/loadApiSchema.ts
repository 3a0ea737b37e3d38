/**
 * loadApiSchema loads the derived v1.32 schema data lazily, so bundlers put it in its own chunk
 * and a page that never validates or explains never downloads it. The data module is written
 * by `scripts/derive-schema.ts` (run by test setup, `npm run build`/`start` and the CLI).
 */
import { ApiSchema } from './apiSchema.ts';

let cached: Promise<ApiSchema> | undefined;

/** loadApiSchema returns the shared ApiSchema, importing the data on first use. */
export function loadApiSchema(): Promise<ApiSchema> {
  cached ??= import('./generated/apiSchemaData.js').then(
    (m) => new ApiSchema(m.default),
    (err: unknown) => {
      cached = undefined;
      throw new Error(
        `the API schema data is missing (run \`npx tsx scripts/derive-schema.ts\`): ${String(err)}`,
      );
    },
  );
  return cached;
}
