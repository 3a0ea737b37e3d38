import type { Command } from '../types.ts';
/** sed placeholder */
export const sed: Command = async () => 0;
