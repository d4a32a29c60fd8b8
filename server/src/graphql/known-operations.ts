/**
 * The operations of the app's documents (client/src/app/graphql/*.graphql) and of
 * examples.graphql: the only operation names metrics carry, any other is `other` (a client may
 * send any name; a label must stay bounded). test/known-operations.spec.ts keeps the list in step.
 */
export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set([
  'Me',
  'UpdateProfile',
  'RequestEmailChange',
  'ConfirmEmailChange',
  'CancelEmailChange',
  'MyData',
  'DeleteMyAccount',
  'SendPasswordResetEmail',
  'Rename',
  'ClearMetadataFields',
]);

export function operationLabel(name: string | null | undefined): string {
  return name && KNOWN_OPERATIONS.has(name) ? name : 'other';
}
