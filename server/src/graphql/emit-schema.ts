import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderExamplesFile } from './operations';
import { getSchema, renderSchemaFile } from './schema';

/** `npm run schema -w server`: writes the top-level schema.graphql and examples.graphql from the code. */
function write(file: string, text: string): void {
  const target = resolve(__dirname, '../../..', file);
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}

write('schema.graphql', renderSchemaFile());
write('examples.graphql', renderExamplesFile(getSchema()));
