import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { METADATA_FIELD_KEYS } from 'profile-shape';
import { meQuery, renderExamplesFile } from '../src/graphql/operations';
import { getSchema } from '../src/graphql/schema';

it('matches the committed examples.graphql (run `npm run schema` after changing the shape or the schema)', () => {
  expect(readFileSync(resolve(__dirname, '../../examples.graphql'), 'utf8')).toBe(renderExamplesFile(getSchema()));
});

it('gives the Sandbox a valid `me` query selecting every field of the shape', () => {
  const document = parse(meQuery(getSchema()));
  expect(validate(getSchema(), document)).toEqual([]);
  const selected = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections;
  const me = selected[0]?.kind === 'Field' ? selected[0].selectionSet?.selections ?? [] : [];
  const names = me.map((selection) => (selection.kind === 'Field' ? selection.name.value : ''));
  expect(names).toEqual(expect.arrayContaining(['id', 'email', ...METADATA_FIELD_KEYS]));
});
