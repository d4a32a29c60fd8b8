/**
 * The operations of the app's document (client/src/app/graphql/profile.graphql) and of
 * examples.graphql: the only operation names metrics carry, any other is `other` (a client may
 * send any name; a label must stay bounded). test/known-operations.spec.ts keeps the list in step.
 */
export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set(['Me', 'UpdateProfile', 'Rename', 'ClearMetadataFields', 'ChangeEmail']);

export function operationLabel(name: string | null | undefined): string {
  return name && KNOWN_OPERATIONS.has(name) ? name : 'other';
}
