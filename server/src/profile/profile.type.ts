import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { declareProfileMetadataFields } from './profile-metadata.fields';

/** Schema carrier for ProfileView; the user_metadata fields are added from the shape below. */
@ObjectType({ description: "The signed-in user's own profile." })
export class Profile {
  @Field(() => ID, { description: 'Auth0 user_id.' })
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => Boolean)
  emailVerified!: boolean;

  @Field(() => String, { nullable: true })
  picture!: string | null;

  @Field(() => String, { description: "The primary identity's connection." })
  connection!: string;

  @Field(() => Boolean, { description: 'Whether updateProfile accepts an email change from this user.' })
  canChangeEmail!: boolean;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

declareProfileMetadataFields(Profile);
