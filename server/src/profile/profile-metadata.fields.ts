import { Field } from 'type-graphql';
import { METADATA_FIELD_KEYS, PROFILE_SHAPE, type ProfileFieldKey } from 'profile-shape';

type Target = abstract new () => object;

function declareNullableStrings(target: Target, keys: readonly ProfileFieldKey[]): void {
  for (const key of keys) {
    Field(() => String, { nullable: true, description: PROFILE_SHAPE[key].description })(target.prototype, key);
  }
}

/** One nullable String output field per user_metadata key of the shape (root attributes have their own types). */
export function declareProfileMetadataFields(target: Target): void {
  declareNullableStrings(target, METADATA_FIELD_KEYS);
}

/**
 * One nullable String input field per user_metadata field of the shape: omitted = unchanged,
 * null = clear. The email is not among them: it changes through requestEmailChange.
 */
export function declareProfileInputFields(target: Target): void {
  declareNullableStrings(target, METADATA_FIELD_KEYS);
}
