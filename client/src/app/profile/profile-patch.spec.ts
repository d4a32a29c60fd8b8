import { ADA_PROFILE as ada } from '../../testing/profiles';
import { PROFILE_SHAPE } from 'profile-shape';
import type { ProfileFieldsFragment } from '../graphql/generated';
import { buildPatch as buildShapePatch, formValueOf as shapeFormValueOf, isEmptyPatch, type ProfileFormValue } from './profile-patch';

const formValueOf = (profile: ProfileFieldsFragment) => shapeFormValueOf(PROFILE_SHAPE, profile);
const buildPatch = (profile: ProfileFieldsFragment, value: ProfileFormValue) => buildShapePatch(PROFILE_SHAPE, profile, value);

describe('buildPatch', () => {
  it('is empty when nothing changed', () => {
    expect(isEmptyPatch(buildPatch(ada, formValueOf(ada)))).toBe(true);
  });

  it('sends only the changed name, trimmed', () => {
    expect(buildPatch(ada, { ...formValueOf(ada), firstName: '  Augusta ' })).toEqual({ firstName: 'Augusta' });
  });

  it('treats whitespace-only edits around the saved value as unchanged', () => {
    expect(isEmptyPatch(buildPatch(ada, { ...formValueOf(ada), lastName: ' Lovelace ' }))).toBe(true);
  });

  it('sends null to clear an emptied name', () => {
    expect(buildPatch(ada, { ...formValueOf(ada), lastName: '   ' })).toEqual({ lastName: null });
  });

  it('does not send a name that was missing and is still empty', () => {
    const noName = { ...ada, firstName: null };
    expect(formValueOf(noName)['firstName']).toBe('');
    expect(isEmptyPatch(buildPatch(noName, formValueOf(noName)))).toBe(true);
  });

  it('compares email case-insensitively, as the API does', () => {
    expect(isEmptyPatch(buildPatch(ada, { ...formValueOf(ada), email: 'ADA@Example.com' }))).toBe(true);
    expect(buildPatch(ada, { ...formValueOf(ada), email: ' ada@lovelace.org ' })).toEqual({ email: 'ada@lovelace.org' });
  });

  it('never sends an email for a user who cannot change it', () => {
    const grace = { ...ada, canChangeEmail: false, connection: 'google-oauth2' };
    expect(buildPatch(grace, { ...formValueOf(grace), email: 'grace@navy.mil', firstName: 'Amazing Grace' })).toEqual({
      firstName: 'Amazing Grace',
    });
  });
});
