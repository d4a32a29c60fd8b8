import type { SeedClient } from '../../config/seed';
import type { Tenant } from '../../tenant';

/** What a grant may need to know about the request besides its body. */
export interface GrantContext { ip: string }

/** One grant type of POST /oauth/token: the authenticated client and the form body -> the token response. */
export type Grant = (tenant: Tenant, client: SeedClient, body: Record<string, unknown>, context: GrantContext) => Promise<object>;
