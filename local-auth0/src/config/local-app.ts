import seed from '../../seed.json';

/** A seed user as someone trying the app signs in. */
interface DemoUser {
  user_id: string;
  email: string;
  connection: string;
  password?: string;
}

/** `ada@example.com / <password>`, or how a social user signs in on the login page. */
function demoLogins(users: readonly DemoUser[]): string[] {
  return users.map((user) =>
    user.password !== undefined ? `${user.email} / ${user.password}` : `${user.email} via "Continue with Google (simulated)"`,
  );
}

function registration<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new Error(`local-auth0/seed.json has no ${what}`);
  return found;
}

const spa = registration(seed.clients.find((client) => client.type === 'spa'), 'spa client');
const management = registration(seed.clients.find((client) => client.type === 'm2m'), 'm2m client');
const api = registration(seed.resourceServers[0], 'resource server');

/**
 * The committed seed's registrations, named once for everything that talks to the local tenant
 * (the tenant's banner and token controls, tests, the browser tests' app config, the bench).
 */
export const LOCAL_APP = {
  spaClientId: spa.clientId,
  apiAudience: api.identifier,
  managementClient: { id: management.clientId, secret: registration(management.clientSecret, 'm2m client secret') },
  demoLogins: demoLogins(seed.users),
} as const;

/**
 * The demo logins as they are now: each seed user followed by id, so a changed email shows the
 * current address and a deleted user is left out (the password shown stays the seed's).
 */
export function currentDemoLogins(currentEmail: (userId: string) => string | undefined): string[] {
  return demoLogins(seed.users.flatMap((user) => {
    const email = currentEmail(user.user_id);
    return email === undefined ? [] : [{ ...user, email }];
  }));
}
