// Metrics of features that are only partly wired yet: the step-up challenge (counted from the
// GraphQL answer's error code, whichever resolver asks for a recent sign-in) and mails sent or
// given up on (the mailer's onResult). A real Apollo server and a real SMTP server.
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createMailer } from '../../src/mail/mailer';
import { renderMail } from '../../src/mail/template';
import type { GraphQLContext } from '../../src/graphql/context';
import { graphqlTelemetry } from '../../src/telemetry/graphql-telemetry';
import { Metrics } from '../../src/telemetry/metrics';
import { useRunning } from 'test-support/hooks';
import { startMailCatcher } from 'test-support/mail-catcher';

async function valueOf(metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  const sample = metric?.values.find((value) => Object.entries(labels).every(([key, expected]) => value.labels[key] === expected));
  return sample?.value ?? 0;
}

describe('GraphQL outcome metrics', () => {
  const typeDefs = 'type Query { me: String, changeEmail: String }';
  const resolvers = {
    Query: {
      me: () => 'ok',
      changeEmail: () => {
        throw new GraphQLError('A more recent sign-in is required', { extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', http: { status: 401 } } });
      },
    },
  };

  it('counts operations by known name and outcome, others as other, and step-up challenges', async () => {
    const metrics = new Metrics();
    const apollo = new ApolloServer<GraphQLContext>({ typeDefs, resolvers, plugins: [graphqlTelemetry(metrics, false).plugin] });
    await apollo.start();
    const context = {} as GraphQLContext;
    await apollo.executeOperation({ query: 'query Me { me }' }, { contextValue: context });
    await apollo.executeOperation({ query: 'query Me { me }' }, { contextValue: context });
    await apollo.executeOperation({ query: 'query AnyNameAtAll { me }' }, { contextValue: context });
    await apollo.executeOperation({ query: 'query RequestEmailChange { noSuchField }' }, { contextValue: context });
    await apollo.executeOperation({ query: 'query RequestEmailChange { changeEmail }' }, { contextValue: context });
    await apollo.stop();
    expect(await valueOf(metrics, 'profile_api_graphql_operations_total', { operation: 'Me', code: 'OK' })).toBe(2);
    expect(await valueOf(metrics, 'profile_api_graphql_operations_total', { operation: 'other', code: 'OK' })).toBe(1);
    expect(await valueOf(metrics, 'profile_api_graphql_operations_total', { operation: 'RequestEmailChange', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(await valueOf(metrics, 'profile_api_graphql_operations_total', { operation: 'RequestEmailChange', code: 'INSUFFICIENT_USER_AUTHENTICATION' })).toBe(1);
    expect(await valueOf(metrics, 'profile_api_step_up_challenges_total')).toBe(1);
  });
});

describe('mail metrics', () => {
  const catcher = useRunning(startMailCatcher);

  it('counts a mail sent, and one given up on after its retries, once each', async () => {
    const metrics = new Metrics();
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', attempts: 2, backoffMs: 10, onResult: metrics.mailResult });
    const mail = renderMail({ to: 'ada@example.com', subject: 'Hello', paragraphs: ['Hi'], footer: [] });
    await mailer.send(mail);
    catcher.refuse({ code: 451, times: 2 });
    await expect(mailer.send(mail)).rejects.toMatchObject({ name: 'MailNotSentError' });
    mailer.close();
    expect(await valueOf(metrics, 'profile_api_mails_total', { result: 'sent' })).toBe(1);
    expect(await valueOf(metrics, 'profile_api_mails_total', { result: 'failed' })).toBe(1);
  });
});
