import {
  buildProfileMetadataPatch,
  normalizeProfileMetadataChanges,
  readProfileMetadata,
} from '../src/profile/profile-metadata';
import { ProfileInputError } from '../src/profile/profile.errors';

describe('the user_metadata shape', () => {
  it('reads only its own keys, and non-strings as null', () => {
    expect(readProfileMetadata({ firstName: 'Alan', firstNAme: 'Al', lastname: 'Turing', lastName: 42 })).toEqual({ firstName: 'Alan', lastName: null });
  });

  it('trims values, turns "" and whitespace into null, and drops keys not asked for', () => {
    expect(normalizeProfileMetadataChanges({ firstName: '  Ada ', lastName: '   ' })).toEqual({ firstName: 'Ada', lastName: null });
    expect(normalizeProfileMetadataChanges({ lastName: undefined })).toEqual({});
  });

  it('names the field that breaks a rule', () => {
    expect(() => normalizeProfileMetadataChanges({ lastName: 'a\u0000b' })).toThrow(ProfileInputError);
    try {
      normalizeProfileMetadataChanges({ firstName: 'x'.repeat(151) });
    } catch (error) {
      expect(error).toMatchObject({ field: 'firstName' });
    }
  });

  it('builds a patch of only the keys whose value changes, null to delete', () => {
    const current = { firstName: 'Ada', lastName: 'Lovelace' };
    expect(buildProfileMetadataPatch(current, { firstName: 'Ada', lastName: null })).toEqual({ lastName: null });
    expect(buildProfileMetadataPatch(current, { firstName: 'Ada' })).toBeNull();
    expect(buildProfileMetadataPatch({ firstName: null, lastName: null }, { lastName: null })).toBeNull();
  });
});
