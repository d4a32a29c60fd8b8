import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * The schema has no subscriptions; graphql-js would only notice at execution and answer with an
 * internal error. As a validation error it is what it is: the client's mistake, HTTP 400.
 */
export const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('This API has no subscriptions', { nodes: [node] }));
    }
  },
});
