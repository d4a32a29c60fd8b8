import { PROFILE_SHAPE } from 'profile-shape';
import { ADA_PROFILE as ada } from '../../testing/profiles';
import type { ProfileFieldsFragment } from '../graphql/generated';
import { buildPatch as buildShapePatch, formValueOf as shapeFormValueOf, isEmptyPatch, type ProfileFormValue } from './profile-patch';

const NAMES = { firstName: PROFILE_SHAPE.firstName, lastName: PROFILE_SHAPE.lastName };
const formValueOf = (profile: ProfileFieldsFragment) => shapeFormValueOf(NAMES, profile);
const buildPatch = (profile: ProfileFieldsFragment, value: ProfileFormValue) => buildShapePatch(NAMES, profile, value);

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
});
