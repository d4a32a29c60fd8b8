import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccountResolver } from '../account/account.resolver';
import { EmailChangeResolver } from '../profile/email-change/email-change.resolver';
import { ProfileResolver } from '../profile/profile.resolver';
import { authChecker } from './auth-checker';

let schema: GraphQLSchema | undefined;

/** The code-first schema, built once per process. */
export function getSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({ resolvers: [ProfileResolver, EmailChangeResolver, AccountResolver], validate: false, authChecker });
  return schema;
}

const HEADER = `# -----------------------------------------------------------------
# Generated from the server's type-graphql classes by \`npm run schema -w server\`.
# Do not edit: change the code and regenerate.
# -----------------------------------------------------------------

`;

/** The committed top-level schema.graphql, as the current code would write it. */
export function renderSchemaFile(): string {
  return HEADER + printSchema(lexicographicSortSchema(getSchema())) + '\n';
}
