import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'graphql';
import { validate } from 'graphql/validation';
import { getSchema, renderSchemaFile } from '../src/graphql/schema';
import { METADATA_FIELD_KEYS } from 'profile-shape';

const committed = resolve(__dirname, '../../schema.graphql');

it('matches the committed schema.graphql (run `npm run schema -w server` after changing the code)', () => {
  expect(readFileSync(committed, 'utf8')).toBe(renderSchemaFile());
});

it('exposes every key of the user_metadata shape on Profile and UpdateProfileInput', () => {
  const sdl = renderSchemaFile();
  for (const key of METADATA_FIELD_KEYS) {
    expect(sdl).toMatch(new RegExp(`type Profile \\{[^}]*\\b${key}: String\\n`));
    expect(sdl).toMatch(new RegExp(`input UpdateProfileInput \\{[^}]*\\b${key}: String\\n`));
  }
});

it('validates every operation in the committed examples.graphql', () => {
  const document = parse(readFileSync(resolve(__dirname, '../../examples.graphql'), 'utf8'));
  expect(validate(getSchema(), document)).toEqual([]);
});
