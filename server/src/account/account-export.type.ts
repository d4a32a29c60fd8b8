import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The attributes Auth0 keeps at the root of the user record.', simpleResolvers: true })
export class ExportedProfile {
  @Field(() => String)
  email!: string;

  @Field(() => Boolean)
  emailVerified!: boolean;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field(() => String, { nullable: true })
  phoneNumber!: string | null;

  @Field(() => Boolean, { nullable: true })
  phoneVerified!: boolean | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  nickname!: string | null;

  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => String, { nullable: true })
  picture!: string | null;
}

@ObjectType({ description: 'A sign-in identity linked to the account. Provider tokens are never exported.', simpleResolvers: true })
export class ExportedIdentity {
  @Field(() => String, { description: 'e.g. "auth0" for a database connection, "google-oauth2".' })
  provider!: string;

  @Field(() => String)
  connection!: string;

  @Field(() => String, { description: 'The id at the provider, without the provider prefix.' })
  userId!: string;

  @Field(() => Boolean)
  isSocial!: boolean;
}

@ObjectType({ description: 'When the account was made and used.', simpleResolvers: true })
export class ExportedActivity {
  @Field(() => GraphQLISODateTime, { nullable: true })
  createdAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastLogin!: Date | null;

  @Field(() => String, { nullable: true, description: 'The IP address of the last sign-in, as Auth0 recorded it.' })
  lastIp!: string | null;

  @Field(() => Int)
  loginsCount!: number;
}

@ObjectType({ description: 'Something Auth0 keeps about the account that the export leaves out, and why.', simpleResolvers: true })
export class LeftOutData {
  @Field(() => String, { description: 'The Auth0 field, e.g. "app_metadata".' })
  field!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType({
  description: 'Everything Auth0 holds about the caller that is theirs to take away ("download my data"). The shape is versioned by formatVersion.',
  simpleResolvers: true,
})
export class AccountExport {
  @Field(() => Int, { description: 'Bumped on any change that is not an added field.' })
  formatVersion!: number;

  @Field(() => GraphQLISODateTime)
  exportedAt!: Date;

  @Field(() => ID, { description: 'Auth0 user_id.' })
  userId!: string;

  @Field(() => ExportedProfile)
  profile!: ExportedProfile;

  @Field(() => GraphQLJSONObject, { description: 'user_metadata exactly as stored (every key, including ones the app does not show).' })
  userMetadata!: Record<string, unknown>;

  @Field(() => [ExportedIdentity])
  identities!: ExportedIdentity[];

  @Field(() => ExportedActivity)
  activity!: ExportedActivity;

  @Field(() => [LeftOutData], { description: 'What is left out, and why (the same list for every user).' })
  leftOut!: LeftOutData[];
}
