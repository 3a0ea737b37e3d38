/**
 * PROTOCOL_VERSION is the version of the UI ⇄ worker wire. Bump it when a message changes
 * shape; persisted state records it, so a stored state from another version is migrated or
 * set aside (see src/worker/persistence.ts) instead of being misread.
 */
export const PROTOCOL_VERSION = 1;
