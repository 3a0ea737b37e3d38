/**
 * Ages as kubectl shows them. The API server already renders AGE cells; kubectl itself
 * needs HumanDuration for client-side text such as `kubectl get events -w` or describe.
 * The implementation lives in core/api so the server and kubectl print identical strings.
 */
export { humanDuration, shortHumanDuration, translateTimestampSince } from '../../core/api/humanDuration.ts';
