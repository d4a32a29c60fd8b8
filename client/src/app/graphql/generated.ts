import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** Everything Auth0 holds about the caller that is theirs to take away ("download my data"). The shape is versioned by formatVersion. */
export type AccountExport = {
  __typename?: 'AccountExport';
  activity: ExportedActivity;
  exportedAt: Scalars['DateTimeISO']['output'];
  /** Bumped on any change that is not an added field. */
  formatVersion: Scalars['Int']['output'];
  identities: Array<ExportedIdentity>;
  /** What is left out, and why (the same list for every user). */
  leftOut: Array<LeftOutData>;
  profile: ExportedProfile;
  /** Auth0 user_id. */
  userId: Scalars['ID']['output'];
  /** user_metadata exactly as stored (every key, including ones the app does not show). */
  userMetadata: Scalars['JSONObject']['output'];
};

/** How requestEmailChange works on this server (EMAIL_CHANGE_MODE). */
export type EmailChangeMode =
  /** Auth0's own behaviour: the address switches at once, unverified, and Auth0 mails a verification link. */
  | 'IMMEDIATE'
  /** A link goes to the new address; nothing changes until it is followed (confirmEmailChange). */
  | 'VERIFY_FIRST';

/** When the account was made and used. */
export type ExportedActivity = {
  __typename?: 'ExportedActivity';
  createdAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The IP address of the last sign-in, as Auth0 recorded it. */
  lastIp: Maybe<Scalars['String']['output']>;
  lastLogin: Maybe<Scalars['DateTimeISO']['output']>;
  loginsCount: Scalars['Int']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** A sign-in identity linked to the account. Provider tokens are never exported. */
export type ExportedIdentity = {
  __typename?: 'ExportedIdentity';
  connection: Scalars['String']['output'];
  isSocial: Scalars['Boolean']['output'];
  /** e.g. "auth0" for a database connection, "google-oauth2". */
  provider: Scalars['String']['output'];
  /** The id at the provider, without the provider prefix. */
  userId: Scalars['String']['output'];
};

/** The attributes Auth0 keeps at the root of the user record. */
export type ExportedProfile = {
  __typename?: 'ExportedProfile';
  email: Scalars['String']['output'];
  emailVerified: Scalars['Boolean']['output'];
  familyName: Maybe<Scalars['String']['output']>;
  givenName: Maybe<Scalars['String']['output']>;
  name: Maybe<Scalars['String']['output']>;
  nickname: Maybe<Scalars['String']['output']>;
  phoneNumber: Maybe<Scalars['String']['output']>;
  phoneVerified: Maybe<Scalars['Boolean']['output']>;
  picture: Maybe<Scalars['String']['output']>;
  username: Maybe<Scalars['String']['output']>;
};

/** Marks a profile answered from the last successful read because Auth0 could not be read now. */
export type LastKnownProfile = {
  __typename?: 'LastKnownProfile';
  /** Seconds between asOf and this answer. */
  ageSeconds: Scalars['Int']['output'];
  /** When Auth0 returned this profile. */
  asOf: Scalars['DateTimeISO']['output'];
  reason: LastKnownReason;
};

/** Why the identity service could not be read. */
export type LastKnownReason =
  /** Auth0 answered 429 (rate limit reached). */
  | 'RATE_LIMITED'
  /** Auth0 did not answer in time. */
  | 'TIMEOUT'
  /** Auth0 could not be reached (connection refused or reset). */
  | 'UNREACHABLE'
  /** Auth0 answered 5xx. */
  | 'UPSTREAM_ERROR';

/** Something Auth0 keeps about the account that the export leaves out, and why. */
export type LeftOutData = {
  __typename?: 'LeftOutData';
  /** The Auth0 field, e.g. "app_metadata". */
  field: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Drop the pending email change, if any. */
  cancelEmailChange: Profile;
  /** Follow the mailed link: the email switches to the proven address (verified) and the old address is told. */
  confirmEmailChange: Profile;
  /** Deletes the caller's account at Auth0 and every copy this API keeps; mails the address a notice. Needs a recent sign-in (INSUFFICIENT_USER_AUTHENTICATION otherwise) and `confirm` equal to the account's email address (spaces around and letter case ignored; BAD_USER_INPUT, field confirm, otherwise). */
  deleteMyAccount: Scalars['Boolean']['output'];
  /** Start an email change (database users; needs a recent sign-in): a single-use link goes to the new address. A new request replaces the pending one. */
  requestEmailChange: PendingEmailChange;
  /** Asks Auth0 to mail a password reset link to the caller's current, verified address (database users only; at most one a minute). No recent sign-in needed: the mail goes to the address on file. */
  sendPasswordResetEmail: Scalars['Boolean']['output'];
  /** Change the caller's own profile. Only the fields given are changed. */
  updateProfile: Profile;
};


export type MutationConfirmEmailChangeArgs = {
  token: Scalars['String']['input'];
};


export type MutationDeleteMyAccountArgs = {
  confirm: Scalars['String']['input'];
};


export type MutationRequestEmailChangeArgs = {
  email: Scalars['String']['input'];
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

/** An email change waiting for the link mailed to the new address. */
export type PendingEmailChange = {
  __typename?: 'PendingEmailChange';
  /** The new address (lower-cased). */
  email: Scalars['String']['output'];
  /** When the link stops working. In IMMEDIATE mode: when the address was switched. */
  expiresAt: Scalars['DateTimeISO']['output'];
};

/** The signed-in user's own profile. */
export type Profile = {
  __typename?: 'Profile';
  /** Whether this user may change their email (database users; requestEmailChange). */
  canChangeEmail: Scalars['Boolean']['output'];
  /** The primary identity's connection. */
  connection: Scalars['String']['output'];
  email: Scalars['String']['output'];
  /** How requestEmailChange works here. */
  emailChangeMode: EmailChangeMode;
  emailVerified: Scalars['Boolean']['output'];
  /** Given name, stored in user_metadata.firstName. */
  firstName: Maybe<Scalars['String']['output']>;
  /** Auth0 user_id. */
  id: Scalars['ID']['output'];
  /** null when the profile was read now (or from the short cache); set when Auth0 failed and this is the last profile it returned. updateProfile never answers one. */
  lastKnown: Maybe<LastKnownProfile>;
  /** Family name, stored in user_metadata.lastName. */
  lastName: Maybe<Scalars['String']['output']>;
  /** The email change waiting for the link mailed to the new address; null when none or expired. */
  pendingEmailChange: Maybe<PendingEmailChange>;
  picture: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The caller's own profile. */
  me: Profile;
  /** Everything Auth0 holds about the caller that is theirs (the data download); what is left out is listed in it, with the reason. */
  myData: AccountExport;
};

/** Changes to the caller's own profile. Omitted fields stay as they are. */
export type UpdateProfileInput = {
  /** Given name, stored in user_metadata.firstName. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Family name, stored in user_metadata.lastName. */
  lastName?: InputMaybe<Scalars['String']['input']>;
};

export type MyDataQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDataQuery = { __typename?: 'Query', myData: { __typename?: 'AccountExport', formatVersion: number, exportedAt: string, userId: string, userMetadata: Record<string, unknown>, profile: { __typename?: 'ExportedProfile', email: string, emailVerified: boolean, username: string | null, phoneNumber: string | null, phoneVerified: boolean | null, name: string | null, nickname: string | null, givenName: string | null, familyName: string | null, picture: string | null }, identities: Array<{ __typename?: 'ExportedIdentity', provider: string, connection: string, userId: string, isSocial: boolean }>, activity: { __typename?: 'ExportedActivity', createdAt: string | null, updatedAt: string, lastLogin: string | null, lastIp: string | null, loginsCount: number }, leftOut: Array<{ __typename?: 'LeftOutData', field: string, reason: string }> } };

export type SendPasswordResetEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type SendPasswordResetEmailMutation = { __typename?: 'Mutation', sendPasswordResetEmail: boolean };

export type DeleteMyAccountMutationVariables = Exact<{
  confirm: Scalars['String']['input'];
}>;


export type DeleteMyAccountMutation = { __typename?: 'Mutation', deleteMyAccount: boolean };

export type RequestEmailChangeMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type RequestEmailChangeMutation = { __typename?: 'Mutation', requestEmailChange: { __typename?: 'PendingEmailChange', email: string, expiresAt: string } };

export type ConfirmEmailChangeMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type ConfirmEmailChangeMutation = { __typename?: 'Mutation', confirmEmailChange: { __typename?: 'Profile', id: string, email: string, emailVerified: boolean, firstName: string | null, lastName: string | null, picture: string | null, connection: string, canChangeEmail: boolean, emailChangeMode: EmailChangeMode, updatedAt: string, lastKnown: { __typename?: 'LastKnownProfile', asOf: string, ageSeconds: number, reason: LastKnownReason } | null, pendingEmailChange: { __typename?: 'PendingEmailChange', email: string, expiresAt: string } | null } };

export type CancelEmailChangeMutationVariables = Exact<{ [key: string]: never; }>;


export type CancelEmailChangeMutation = { __typename?: 'Mutation', cancelEmailChange: { __typename?: 'Profile', id: string, email: string, emailVerified: boolean, firstName: string | null, lastName: string | null, picture: string | null, connection: string, canChangeEmail: boolean, emailChangeMode: EmailChangeMode, updatedAt: string, lastKnown: { __typename?: 'LastKnownProfile', asOf: string, ageSeconds: number, reason: LastKnownReason } | null, pendingEmailChange: { __typename?: 'PendingEmailChange', email: string, expiresAt: string } | null } };

export type ProfileFieldsFragment = { __typename?: 'Profile', id: string, email: string, emailVerified: boolean, firstName: string | null, lastName: string | null, picture: string | null, connection: string, canChangeEmail: boolean, emailChangeMode: EmailChangeMode, updatedAt: string, lastKnown: { __typename?: 'LastKnownProfile', asOf: string, ageSeconds: number, reason: LastKnownReason } | null, pendingEmailChange: { __typename?: 'PendingEmailChange', email: string, expiresAt: string } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'Profile', id: string, email: string, emailVerified: boolean, firstName: string | null, lastName: string | null, picture: string | null, connection: string, canChangeEmail: boolean, emailChangeMode: EmailChangeMode, updatedAt: string, lastKnown: { __typename?: 'LastKnownProfile', asOf: string, ageSeconds: number, reason: LastKnownReason } | null, pendingEmailChange: { __typename?: 'PendingEmailChange', email: string, expiresAt: string } | null } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { __typename?: 'Mutation', updateProfile: { __typename?: 'Profile', id: string, email: string, emailVerified: boolean, firstName: string | null, lastName: string | null, picture: string | null, connection: string, canChangeEmail: boolean, emailChangeMode: EmailChangeMode, updatedAt: string, lastKnown: { __typename?: 'LastKnownProfile', asOf: string, ageSeconds: number, reason: LastKnownReason } | null, pendingEmailChange: { __typename?: 'PendingEmailChange', email: string, expiresAt: string } | null } };

export const ProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"picture"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"canChangeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"emailChangeMode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastKnown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmailChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ProfileFieldsFragment, unknown>;
export const MyDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatVersion"}},{"kind":"Field","name":{"kind":"Name","value":"exportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneVerified"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"picture"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userMetadata"}},{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"isSocial"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastLogin"}},{"kind":"Field","name":{"kind":"Name","value":"lastIp"}},{"kind":"Field","name":{"kind":"Name","value":"loginsCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leftOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<MyDataQuery, MyDataQueryVariables>;
export const SendPasswordResetEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendPasswordResetEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendPasswordResetEmail"}}]}}]} as unknown as DocumentNode<SendPasswordResetEmailMutation, SendPasswordResetEmailMutationVariables>;
export const DeleteMyAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMyAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMyAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"confirm"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}}}]}]}}]} as unknown as DocumentNode<DeleteMyAccountMutation, DeleteMyAccountMutationVariables>;
export const RequestEmailChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestEmailChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEmailChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RequestEmailChangeMutation, RequestEmailChangeMutationVariables>;
export const ConfirmEmailChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmEmailChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmEmailChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"picture"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"canChangeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"emailChangeMode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastKnown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmailChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ConfirmEmailChangeMutation, ConfirmEmailChangeMutationVariables>;
export const CancelEmailChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelEmailChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelEmailChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"picture"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"canChangeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"emailChangeMode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastKnown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmailChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<CancelEmailChangeMutation, CancelEmailChangeMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"picture"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"canChangeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"emailChangeMode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastKnown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmailChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"picture"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"canChangeEmail"}},{"kind":"Field","name":{"kind":"Name","value":"emailChangeMode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastKnown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmailChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;