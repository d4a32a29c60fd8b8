import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { declareProfileMetadataFields } from './profile-metadata.fields';

/**
 * Schema carrier for ProfileView; the user_metadata fields are added from the shape below.
 * `simpleResolvers`: the fields are plain properties with no middleware, so graphql-js' default
 * resolver reads them instead of one type-graphql wrapper per field and request.
 */
@ObjectType({ description: "The signed-in user's own profile.", simpleResolvers: true })
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
