import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';

const APP_DOCUMENTS = resolve(__dirname, '../../client/src/app/graphql');

/**
 * The app's committed operations (client/src/app/graphql/*.graphql). The API's tests and
 * the bench send exactly what the app sends, so none of them keeps its own copy of the field list.
 */
const APP_DOCUMENT = parse(
  readdirSync(APP_DOCUMENTS)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(resolve(APP_DOCUMENTS, file), 'utf8'))
    .join('\n'),
);

/** The names of every operation in the app's documents. */
export function appOperationNames(): string[] {
  return APP_DOCUMENT.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
}

function spreadNames(node: DefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

/** The named operation of the app's document with the fragments it uses (transitively), as one query string. */
export function appOperation(name: string): string {
  const operation = APP_DOCUMENT.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`the app's documents have no operation ${name}`);
  const fragments = new Map<string, FragmentDefinitionNode>();
  const pending = spreadNames(operation);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const fragment = APP_DOCUMENT.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === next);
    if (!fragment || fragments.has(next)) continue;
    fragments.set(next, fragment);
    pending.push(...spreadNames(fragment));
  }
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] });
}
