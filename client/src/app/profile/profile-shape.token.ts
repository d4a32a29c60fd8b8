import { InjectionToken } from '@angular/core';
import { METADATA_FIELD_KEYS, PROFILE_SHAPE, type FieldSpec } from 'profile-shape';

/** A profile shape as the form reads it: field key -> spec, in display order. */
export type FormShape = Readonly<Record<string, FieldSpec>>;

/**
 * The shape the profile form is built from: the shared PROFILE_SHAPE's user_metadata fields,
 * which `updateProfile` saves. The email (a root attribute) changes through its own flow
 * (email-change/). A token, not an import, so a test can build the page from a shape with one
 * more field.
 */
export const PROFILE_FORM_SHAPE = new InjectionToken<FormShape>('PROFILE_FORM_SHAPE', {
  providedIn: 'root',
  factory: () => Object.fromEntries(METADATA_FIELD_KEYS.map((key) => [key, PROFILE_SHAPE[key]])),
});
