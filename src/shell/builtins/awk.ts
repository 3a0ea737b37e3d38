import type { Command } from '../types.ts';
/** awk placeholder */
export const awk: Command = async () => 0;
