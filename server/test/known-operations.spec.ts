import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse } from 'graphql';
import { KNOWN_OPERATIONS, operationLabel } from '../src/graphql/known-operations';

const ROOT = resolve(__dirname, '../..');
const APP_DOCUMENTS = 'client/src/app/graphql';

function operationNames(file: string): string[] {
  return parse(readFileSync(resolve(ROOT, file), 'utf8')).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
  );
}

describe('the operation names metrics carry', () => {
  it("are exactly those of the app's documents and examples.graphql", () => {
    const appFiles = readdirSync(resolve(ROOT, APP_DOCUMENTS)).filter((file) => file.endsWith('.graphql'));
    expect(appFiles.length).toBeGreaterThan(0);
    const documented = [...appFiles.flatMap((file) => operationNames(`${APP_DOCUMENTS}/${file}`)), ...operationNames('examples.graphql')];
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
