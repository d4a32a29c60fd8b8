import type { AccountExport } from './account.api';
import { exportFile } from './export-file';

const data: AccountExport = {
  __typename: 'AccountExport',
  formatVersion: 1,
  exportedAt: '2026-12-04T09:30:00.000Z',
  userId: 'auth0|64f1a2b3c4d5e6f708192a3b',
  profile: {
    __typename: 'ExportedProfile',
    email: 'ada@example.com', emailVerified: true, username: null, phoneNumber: null, phoneVerified: null,
    name: 'Ada Lovelace', nickname: 'ada', givenName: null, familyName: null, picture: null,
  },
  userMetadata: { firstName: 'Ada', __typename: 'kept: it is what the user stored' },
  identities: [{ __typename: 'ExportedIdentity', provider: 'auth0', connection: 'Username-Password-Authentication', userId: '64f1a2b3c4d5e6f708192a3b', isSocial: false }],
  activity: { __typename: 'ExportedActivity', createdAt: null, updatedAt: '2026-12-04T09:00:00.000Z', lastLogin: null, lastIp: null, loginsCount: 3 },
  leftOut: [{ __typename: 'LeftOutData', field: 'app_metadata', reason: 'not yours' }],
};

describe('exportFile', () => {
  it('names the file after the day of the export', () => {
    expect(exportFile(data).name).toBe('my-account-data-2026-12-04.json');
  });

  it("drops Apollo's __typename everywhere but keeps user_metadata exactly as stored", () => {
    const parsed = JSON.parse(exportFile(data).text) as Record<string, unknown>;
    expect(JSON.stringify({ ...parsed, userMetadata: null })).not.toContain('__typename');
    expect(parsed['userMetadata']).toEqual({ firstName: 'Ada', __typename: 'kept: it is what the user stored' });
    expect(parsed['identities']).toEqual([{ provider: 'auth0', connection: 'Username-Password-Authentication', userId: '64f1a2b3c4d5e6f708192a3b', isSocial: false }]);
  });

  it('is pretty-printed JSON ending with a newline', () => {
    const { text } = exportFile(data);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "formatVersion": 1,');
  });
});
