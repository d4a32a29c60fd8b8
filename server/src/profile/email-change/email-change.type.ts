import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';

export enum EmailChangeMode {
  VERIFY_FIRST = 'verify-first',
  IMMEDIATE = 'immediate',
}

registerEnumType(EmailChangeMode, {
  name: 'EmailChangeMode',
  description: 'How requestEmailChange works on this server (EMAIL_CHANGE_MODE).',
  valuesConfig: {
    VERIFY_FIRST: { description: 'A link goes to the new address; nothing changes until it is followed (confirmEmailChange).' },
    IMMEDIATE: { description: "Auth0's own behaviour: the address switches at once, unverified, and Auth0 mails a verification link." },
  },
});

@ObjectType({ description: 'An email change waiting for the link mailed to the new address.', simpleResolvers: true })
export class PendingEmailChange {
  @Field(() => String, { description: 'The new address (lower-cased).' })
  email!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the link stops working. In IMMEDIATE mode: when the address was switched.' })
  expiresAt!: Date;
}
