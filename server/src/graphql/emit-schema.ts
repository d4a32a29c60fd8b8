import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderSchemaFile } from './schema';

/** `npm run schema -w server`: writes the top-level schema.graphql from the code. */
const target = resolve(__dirname, '../../../schema.graphql');
writeFileSync(target, renderSchemaFile());
process.stdout.write(`wrote ${target}\n`);
