import { describe, expect, it } from 'vitest';
import { FieldSet, type FieldsV1 } from './fieldSet.ts';
import { fieldsIntersect, fieldsTouchedBy } from './fieldsV1.ts';

// Tries in the wire form, and sets to ask about them: answers must equal FieldSet's own.
const tries: FieldsV1[] = [
  {},
  { '.': {} },
  { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } },
  { 'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:status': {}, 'f:lastTransitionTime': {} } }, 'f:phase': {} } },
  { 'f:data': {} },
  { 'f:data': { '.': {} } },
];
const questions: FieldsV1[] = [
  {},
  { '.': {} },
  { 'f:metadata': {} },
  { 'f:metadata': { 'f:labels': { 'f:app': {} } } },
  { 'f:metadata': { 'f:labels': { 'f:other': {} } } },
  { 'f:spec': { 'f:replicas': {} } },
  { 'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { 'f:status': {} } } } },
  { 'f:status': { 'f:conditions': {} } },
  { 'f:status': { 'f:conditions': { 'k:{"type":"Other"}': {} } } },
  { 'f:data': { 'f:key': {} } },
  { 'f:data': {} },
];

describe('fieldsV1 set questions', () => {
  it('answer as FieldSet.intersects and FieldSet.touchedBy do on the decoded set', () => {
    for (const t of tries) {
      const set = FieldSet.fromFieldsV1(t);
      for (const q of questions) {
        const other = FieldSet.fromFieldsV1(q);
        expect(fieldsIntersect(t, other), `${JSON.stringify(t)} ∩ ${JSON.stringify(q)}`).toBe(set.intersects(other));
        expect(fieldsTouchedBy(t, other), `${JSON.stringify(t)} touched by ${JSON.stringify(q)}`).toBe(set.touchedBy(other));
      }
    }
  });
});
