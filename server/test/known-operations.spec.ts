import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse } from 'graphql';
import { KNOWN_OPERATIONS, operationLabel } from '../src/graphql/known-operations';

const ROOT = resolve(__dirname, '../..');

function operationNames(file: string): string[] {
  return parse(readFileSync(resolve(ROOT, file), 'utf8')).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
  );
}

describe('the operation names metrics carry', () => {
  it("are exactly those of the app's document and examples.graphql", () => {
    const documented = [...operationNames('client/src/app/graphql/profile.graphql'), ...operationNames('examples.graphql')];
    expect([...KNOWN_OPERATIONS].sort()).toEqual([...new Set(documented)].sort());
  });

  it('labels any other name, and no name, as other', () => {
    expect(operationLabel('Me')).toBe('Me');
    expect(operationLabel('me')).toBe('other');
    expect(operationLabel('Stolen_' + 'x'.repeat(90))).toBe('other');
    expect(operationLabel(undefined)).toBe('other');
    expect(operationLabel(null)).toBe('other');
  });
});
