/**
 * vitest-global-setup derives the API schema data before any test file runs, so a fresh clone's
 * `npx vitest run` works with no extra step (the data file is generated, never committed).
 */
import { ensureSchemaDerived } from './derive-schema.ts';

export default function setup(): void {
  ensureSchemaDerived();
}
