// What only the app needs: how to name the connection a user signs in with. The field rules
// live in the profile-shape package, shared with the API.

/** A person-friendly name for the connection the user signs in with. */
export function connectionName(connection: string): string {
  if (connection === 'google-oauth2') return 'Google';
  if (connection === 'Username-Password-Authentication') return 'email and password';
  return connection;
}

/** The one-line reason shown under a read-only email. */
export function emailLockedReason(connection: string): string {
  const name = connectionName(connection);
  return name === 'email and password'
    ? 'Your email cannot be changed here.'
    : `Your email comes from your ${name} account and can only be changed there.`;
}
