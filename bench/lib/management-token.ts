// A client_credentials grant for the Management API, exactly as a Management client asks for it.
export interface ManagementToken {
  accessToken: string;
  expiresIn: number;
}

export async function requestManagementToken(tenantUrl: string): Promise<ManagementToken> {
  const response = await fetch(`${tenantUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'local-management',
      client_secret: 'local-management-secret',
      audience: `${tenantUrl}/api/v2/`,
    }),
  });
  if (!response.ok) throw new Error(`token request answered ${response.status}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { accessToken: body.access_token, expiresIn: body.expires_in };
}
