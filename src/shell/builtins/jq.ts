import type { Command } from '../types.ts';
/** jq placeholder */
export const jq: Command = async () => 0;
