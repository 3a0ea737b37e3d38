#!/usr/bin/env node
// The headless CLI entry (DESIGN §8). It runs the TypeScript sources directly through tsx,
// so `npx kubeplay` works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// The API schema data is derived from npm packages on first start (see scripts/derive-schema.ts).
const { ensureSchemaDerived } = await import('../scripts/derive-schema.ts');
ensureSchemaDerived();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
