import { METADATA_FIELD_KEYS } from 'profile-shape';
import { VALIDATION_CASES } from 'profile-shape/test/validation-cases';
import { normalizeEmail } from '../src/profile/email';
import {
  buildProfileMetadataPatch,
  normalizeProfileMetadataChanges,
  readProfileMetadata,
  type DroppedValue,
} from '../src/profile/profile-metadata';
import { ProfileInputError } from '../src/profile/profile.errors';

/** What the API's validation says about one input: the stored value, or the rule it breaks. */
function serverVerdict(field: string, input: string): { accepts: string | null } | { rule: string } {
  try {
    const value = field === 'email' ? normalizeEmail(input) : normalizeProfileMetadataChanges({ [field]: input })[field as 'firstName'];
    return { accepts: value ?? null };
  } catch (error) {
    if (!(error instanceof ProfileInputError)) throw error;
    expect(error.field).toBe(field);
    return { rule: error.rule };
  }
}

describe('a refused input', () => {
  it('names the field and the rule, and reads as a ProfileInputError in the logs', () => {
    expect(() => normalizeEmail('not an email')).toThrow(expect.objectContaining({ name: 'ProfileInputError', field: 'email' }));
  });
});

describe('the shared validation cases, through the API\'s validation', () => {
  it.each(VALIDATION_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(serverVerdict(c.field, c.input)).toEqual(c.expected);
  });
});

/** A full read: every field of the shape null unless given. */
const read = (values: Record<string, string | null>) => ({ ...Object.fromEntries(METADATA_FIELD_KEYS.map((key) => [key, null])), ...values });

describe('reading user_metadata', () => {
  it('reads only the shape\'s keys and declared aliases, and non-strings as null', () => {
    expect(readProfileMetadata({ firstName: 'Ada', lastName: 42, theme: 'dark', FirstName: 'X' })).toEqual(read({ firstName: 'Ada' }));
  });

  it('reads the canonical key first, and an alias only when the canonical key is absent or empty', () => {
    expect(readProfileMetadata({ firstName: 'Alan', firstNAme: 'Al', lastname: 'Turing' })).toEqual(read({ firstName: 'Alan', lastName: 'Turing' }));
    expect(readProfileMetadata({ firstName: ' ', first_name: 'Alan' })).toMatchObject({ firstName: 'Alan' });
  });

  it('takes the first declared alias that has a value', () => {
    expect(readProfileMetadata({ firstNAme: '', first_name: 'Alan' })).toMatchObject({ firstName: 'Alan' });
    expect(readProfileMetadata({ lastname: 'Turing', last_name: 'T.' })).toMatchObject({ lastName: 'Turing' });
  });

  it('drops a stored value the write path would refuse and reports its rule and length, not the value', () => {
    const hostile = `${'x'.repeat(5_000)}\r\n\u001b[2J${'y'.repeat(4)}`;
    const dropped: DroppedValue[] = [];
    expect(readProfileMetadata({ firstName: 'Ada', lastname: hostile }, (d) => dropped.push(d))).toEqual(read({ firstName: 'Ada' }));
    expect(dropped).toEqual([{ field: 'lastName', key: 'lastname', rule: 'tooLong', length: 5_010 }]);
    expect(JSON.stringify(dropped)).not.toContain('xxx');
  });

  it('drops an invisible-only or direction-changing stored value', () => {
    expect(readProfileMetadata({ firstName: '\u200B\u200B', lastName: 'Ada\u202Eecalevol' })).toEqual(read({}));
  });

  it('shows a stored value trimmed, as the write path would store it', () => {
    expect(readProfileMetadata({ firstName: '  Ada\n' })).toMatchObject({ firstName: 'Ada' });
  });
});

describe('validating changes', () => {
  it('trims values, turns "" and whitespace into null, and drops keys not asked for', () => {
    expect(normalizeProfileMetadataChanges({ firstName: '  Ada ', lastName: '   ' })).toEqual({ firstName: 'Ada', lastName: null });
    expect(normalizeProfileMetadataChanges({ lastName: undefined })).toEqual({});
  });

  it('names the field, the rule and the limit in the error', () => {
    expect(() => normalizeProfileMetadataChanges({ firstName: 'x'.repeat(151) })).toThrow(
      expect.objectContaining({ field: 'firstName', rule: 'tooLong', message: 'First name can be at most 150 characters.' }),
    );
    expect(() => normalizeEmail('\u0430da@example.com')).toThrow(
      expect.objectContaining({ field: 'email', rule: 'emailNotAscii', message: expect.stringMatching(/^Email can only use ASCII/) }),
    );
  });
});

describe('building the PATCH', () => {
  it('holds only the keys whose value changes, null to delete', () => {
    const stored = { firstName: 'Ada', lastName: 'Lovelace' };
    expect(buildProfileMetadataPatch(stored, { firstName: 'Ada', lastName: null })).toEqual({ lastName: null });
    expect(buildProfileMetadataPatch(stored, { firstName: 'Ada' })).toBeNull();
    expect(buildProfileMetadataPatch({}, { lastName: null })).toBeNull();
  });

  it('writes a field it is asked for to its canonical key and deletes every declared alias of that field present', () => {
    const alan = { firstName: 'Alan', firstNAme: 'Al', first_name: 'A.', lastname: 'Turing' };
    expect(buildProfileMetadataPatch(alan, { firstName: 'Alan M.' })).toEqual({ firstName: 'Alan M.', firstNAme: null, first_name: null });
    expect(buildProfileMetadataPatch(alan, { lastName: 'Turing' })).toEqual({ lastName: 'Turing', lastname: null });
  });

  it('never touches a field it was not asked for, so it cannot undo a concurrent update of that field', () => {
    const alan = { firstNAme: 'Alan', lastname: 'Turing' };
    const first = buildProfileMetadataPatch(alan, { firstName: 'Alan M.' });
    const last = buildProfileMetadataPatch(alan, { lastName: 'Turing-Smith' });
    expect(first).toEqual({ firstName: 'Alan M.', firstNAme: null });
    expect(last).toEqual({ lastName: 'Turing-Smith', lastname: null });
  });

  it('deletes the aliases of a field it clears, so an old value cannot come back', () => {
    expect(buildProfileMetadataPatch({ last_name: 'Turing' }, { lastName: null })).toEqual({ last_name: null });
  });

  it('never writes a key outside the shape, nor a stored value the rules refuse unless asked to', () => {
    const stored = { firstName: 'Ada\u0000', theme: 'dark', lastName: 'Lovelace' };
    expect(buildProfileMetadataPatch(stored, { lastName: 'King' })).toEqual({ lastName: 'King' });
    expect(buildProfileMetadataPatch(stored, { firstName: 'Ada' })).toEqual({ firstName: 'Ada' });
  });
});
