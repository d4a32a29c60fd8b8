import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloLink } from '@apollo/client/core';
import { provideApollo } from 'apollo-angular';
import { Observable, of } from 'rxjs';
import { AccountApi } from '../app/account/account.api';
import { createApolloCache } from '../app/graphql/apollo-cache';
import type { ProfileFieldsFragment } from '../app/graphql/generated';
import { ProfileApi } from '../app/profile/profile.api';
import { ProfilePage } from '../app/profile/profile.page';
import { Session } from '../app/shell/session';
import { standInAuth } from './stand-in-auth';

export type Answer = Observable<ApolloLink.Result>;
/** Scripted answers by operation name; each gets the operation's variables. */
export type Answers = Record<string, (variables: Record<string, unknown>) => Answer>;

/** Stands in for the Auth0-backed session: pages only ever ask it to sign in again. */
export const signInRequests: string[] = [];
const session: Pick<Session, 'signIn'> = { signIn: (returnTo = '/') => void signInRequests.push(returnTo) };

export interface PageOptions {
  providers?: (Provider | EnvironmentProviders)[];
  auth?: ReturnType<typeof standInAuth>;
}

/**
 * The test bed of a page: a real Apollo client and cache, only the network hop scripted. `me`
 * answers the Me query (a profile, or a function for failures); operations without an answer
 * fail the test. Returns the stand-in auth.
 */
export function configurePage(me: ProfileFieldsFragment | (() => Answer), answers: Answers = {}, options: PageOptions = {}) {
  const answerMe = typeof me === 'function' ? me : () => of({ data: { me } });
  const link = new ApolloLink((operation) => {
    if (operation.operationName === 'Me') return answerMe();
    const answer = answers[operation.operationName ?? ''];
    if (!answer) throw new Error(`no scripted answer for ${operation.operationName}`);
    return answer(operation.variables);
  });
  const auth = options.auth ?? standInAuth();
  TestBed.configureTestingModule({
    providers: [
      provideApollo(() => ({ link, cache: createApolloCache() })),
      ProfileApi,
      AccountApi,
      { provide: Session, useValue: session },
      auth.provider,
      ...(options.providers ?? []),
    ],
  });
  return auth;
}

/** The profile page, rendered and settled (see configurePage). */
export async function renderPage(me: ProfileFieldsFragment | (() => Answer), answers: Answers = {}, options: PageOptions = {}) {
  const auth = configurePage(me, answers, options);
  const fixture = TestBed.createComponent(ProfilePage);
  await fixture.whenStable();
  return { fixture, auth };
}

export function el<T extends HTMLElement>(fixture: ComponentFixture<unknown>, selector: string): T {
  const found = (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

export const text = (fixture: ComponentFixture<unknown>, selector: string) => el(fixture, selector).textContent?.trim();

export async function type(fixture: ComponentFixture<unknown>, id: string, value: string) {
  const input = el<HTMLInputElement>(fixture, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await fixture.whenStable();
}

/** Apollo finishes a mutation in a promise Angular does not track: let it run, then render. */
export async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await fixture.whenStable();
}
