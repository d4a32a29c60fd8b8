import { Field } from 'type-graphql';
import { profileMetadataKeys, profileMetadataShape } from './profile-metadata';

/** Declares one nullable String field per key of the user_metadata shape on a type-graphql class. */
export function declareProfileMetadataFields(target: abstract new () => object): void {
  for (const key of profileMetadataKeys) {
    Field(() => String, { nullable: true, description: profileMetadataShape[key].description })(target.prototype, key);
  }
}
