import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PendingEmailChange } from './email-change/email-change.type';
import { LastKnownReason } from './last-known';
import { declareProfileMetadataFields } from './profile-metadata.fields';

registerEnumType(LastKnownReason, {
  name: 'LastKnownReason',
  description: 'Why the identity service could not be read.',
  valuesConfig: {
    RATE_LIMITED: { description: 'Auth0 answered 429 (rate limit reached).' },
    UPSTREAM_ERROR: { description: 'Auth0 answered 5xx.' },
    TIMEOUT: { description: 'Auth0 did not answer in time.' },
    UNREACHABLE: { description: 'Auth0 could not be reached (connection refused or reset).' },
  },
});

@ObjectType({ description: 'Marks a profile answered from the last successful read because Auth0 could not be read now.', simpleResolvers: true })
export class LastKnownProfile {
  @Field(() => GraphQLISODateTime, { description: 'When Auth0 returned this profile.' })
  asOf!: Date;

  @Field(() => Int, { description: 'Seconds between asOf and this answer.' })
  ageSeconds!: number;

  @Field(() => LastKnownReason)
  reason!: LastKnownReason;
}

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

  @Field(() => Boolean, { description: 'Whether this user may change their email (database users; requestEmailChange).' })
  canChangeEmail!: boolean;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => LastKnownProfile, {
    nullable: true,
    description: 'null when the profile was read now (or from the short cache); set when Auth0 failed and this is the last profile it returned. updateProfile never answers one.',
  })
  lastKnown!: LastKnownProfile | null;

  @Field(() => PendingEmailChange, { nullable: true, description: 'The email change waiting for the link mailed to the new address; null when none or expired.' })
  pendingEmailChange!: PendingEmailChange | null;
}

declareProfileMetadataFields(Profile);
