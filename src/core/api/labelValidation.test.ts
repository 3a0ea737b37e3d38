import { describe, expect, it } from 'vitest';
import { validateAnnotations, validateLabels } from './labelValidation.ts';
import { fieldErrorMessage } from './status.ts';

describe('validateLabels / validateAnnotations', () => {
  it('reports bad keys and values against the map path, as ValidateLabels does', () => {
    const errs = validateLabels({ 'bad key': 'ok', good: '-bad' }, 'metadata.labels').map(fieldErrorMessage);
    expect(errs).toEqual([
      "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      "metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('accepts capitals in annotation keys and limits the total size', () => {
    expect(validateAnnotations({ 'Example.com/Note': 'x' }, 'metadata.annotations')).toEqual([]);
    const big = validateAnnotations({ a: 'x'.repeat(256 * 1024) }, 'metadata.annotations');
    expect(big.map(fieldErrorMessage)).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });
});
