import { Field, InputType } from 'type-graphql';
import { declareProfileMetadataFields } from './profile-metadata.fields';

/** Only the fields given are changed; null or "" clears a name. The name fields come from the shape. */
@InputType({ description: 'Changes to the caller\'s own profile. Omitted fields stay as they are.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'New email (database users only); a verification mail is sent.' })
  email?: string | null;
}

declareProfileMetadataFields(UpdateProfileInput);
