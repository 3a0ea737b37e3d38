#!/usr/bin/env node
// run-ts runs one TypeScript file through tsx (like bin/kubeplay.mjs), so `npm run bench`
// works from a fresh clone with no build step: `node bin/run-ts.mjs bench/index.ts [args]`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(file), ...rest];
await import(pathToFileURL(resolve(file)).href);
