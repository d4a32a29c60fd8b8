import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Permission } from '../auth/permissions';
import type { ProfileService, ProfileView } from '../profile/profile.service';
import type { GraphQLContext } from './context';

/** An answer as it went out, replayable by the HTTP layer: status, content type and body. */
export interface ReplayableResponse {
  status: number;
  contentType: string;
  body: string;
}

/** An answer as Apollo gave it. */
export interface ExecutedResponse {
  status: number;
  headers: ReadonlyMap<string, string>;
  body: string;
}

/** The cache's side of one POST it may answer (http/graphql-handler calls it). */
export interface CacheableRequest<TContext> {
  /** The kept answer for this context's caller, if it may be replayed now; called once the context (token) is built. */
  replay(context: TContext): Promise<ReplayableResponse | undefined>;
  /** Offers the answer Apollo gave to this request; kept only if it may be replayed later. */
  keep(context: TContext, response: ExecutedResponse): void;
}

/** Answers kept per caller. */
export interface ResponseCache<TContext> {
  /** Null for a request this cache never answers. */
  forRequest(body: unknown, accept: string | undefined): CacheableRequest<TContext> | null;
}

interface Entry extends ReplayableResponse {
  /** The updated_at (ms) of the profile the answer was built from. */
  version: number;
}

/** What a request adds to the user id in the key: Accept, operation name, variables, document. */
type RequestKey = readonly [accept: string | null, operationName: string | null, variables: unknown, query: string];

/**
 * What one execution answered: the version of the profile(s) `me` returned (null: two versions,
 * or a last-known one), and whether the whole answer is fit to keep (a query of `me` alone, no error).
 */
interface Answer {
  version: number | null | undefined;
  fit: boolean;
}

/** Longest a key and its answer may be (counted as UTF-16, 2 bytes a character); bigger ones are not kept. */
const MAX_ENTRY_BYTES = 16 * 1024;
const ENTRY_OVERHEAD_BYTES = 64;
const ROOT_FIELDS_KEPT = new Set(['me', '__typename']);

/** An entry's size in bytes, at most: its key, its body and content type, and the entry itself. */
function entryBytes(entry: Entry, key: string): number {
  return (key.length + entry.body.length + entry.contentType.length) * 2 + ENTRY_OVERHEAD_BYTES;
}

/** The key of one user's answer: a structure through JSON.stringify, so no two (user, request) pairs share one. */
function keyOf(userId: string, request: RequestKey): string {
  return JSON.stringify([userId, ...request]);
}

/** The caller's user id when the token grants read:profile; only such callers are answered from here. */
function readerOf(context: GraphQLContext): string | undefined {
  const caller = context.caller;
  return caller?.scopes.has(Permission.readProfile) ? caller.userId : undefined;
}

/** The request's part of the key; null for what this cache never answers (batches, extensions, no query). */
function requestKeyOf(body: unknown, accept: string | undefined): RequestKey | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || extensions !== undefined) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return [accept ?? null, operationName ?? null, variables ?? null, query];
}

/** A query whose root selects `me` (and `__typename`) only: nothing else in it is versioned by the profile. */
function selectsMeAlone(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && ROOT_FIELDS_KEPT.has(selection.name.value));
}

/**
 * Per-user answers to a warm `me`, and all of their bookkeeping. An answer is kept with the
 * version of the profile it was built from, and replayed only while the coherent profile cache
 * (in process, or Redis shared by every replica) still holds that same version as fresh, so an
 * update through any replica retires it at once. The token is verified and read:profile checked
 * before every lookup. Only complete answers to a query of `me` alone, with no error, built from
 * one profile that was not a last-known one, are kept. `variables` must be bounded in depth
 * before a request reaches this cache (http/variables-bounds): the key walks them.
 */
export class MeResponseCache implements ResponseCache<GraphQLContext> {
  private readonly entries: LRUCache<string, Entry>;
  /**
   * The answer being built per executing request (a miss), keyed by the request's own watching
   * `profiles`: Apollo runs the operation on a shallow copy of the context, which shares it.
   */
  private readonly answers = new WeakMap<object, Answer>();

  constructor(options: { maxEntries: number; maxBytes: number }) {
    this.entries = new LRUCache({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      maxEntrySize: Math.min(MAX_ENTRY_BYTES, options.maxBytes),
      sizeCalculation: entryBytes,
    });
  }

  /** Bytes held (keys and answers), at most `maxBytes`. */
  get sizeBytes(): number {
    return this.entries.calculatedSize;
  }

  forRequest(body: unknown, accept: string | undefined): CacheableRequest<GraphQLContext> | null {
    const request = requestKeyOf(body, accept);
    return request && { replay: (context) => this.replay(request, context), keep: (context, response) => this.keep(request, context, response) };
  }

  /** Drops every answer kept for the user (their account is deleted). */
  forget(userId: string): void {
    // Every key of the user starts with the JSON of their id as the array's first item.
    const prefix = `${JSON.stringify([userId]).slice(0, -1)},`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Marks answers with errors, or to anything but a query of `me` alone, as unfit to keep. */
  plugin(): ApolloServerPlugin<GraphQLContext> {
    const answers = this.answers;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, response, operation }) {
            const answer = answers.get(contextValue.profiles);
            if (!answer) return;
            const failed = response.body.kind !== 'single' || response.body.singleResult.errors !== undefined;
            answer.fit = !failed && selectsMeAlone(operation);
          },
        };
      },
    };
  }

  /** The kept answer if it may be replayed now; else the context is watched so its answer can be kept. */
  private async replay(request: RequestKey, context: GraphQLContext): Promise<ReplayableResponse | undefined> {
    const userId = readerOf(context);
    if (userId === undefined) return undefined;
    const entry = this.entries.get(keyOf(userId, request));
    if (entry && (await context.profiles.cachedVersion(userId)) === entry.version) return entry;
    this.watch(context);
    return undefined;
  }

  private keep(request: RequestKey, context: GraphQLContext, { status, headers, body }: ExecutedResponse): void {
    const userId = readerOf(context);
    const answer = this.answers.get(context.profiles);
    if (userId === undefined || !answer?.fit || typeof answer.version !== 'number' || status !== 200) return;
    // Only answers whose one header is the content type can be replayed as they went out.
    const contentType = headers.get('content-type');
    if (contentType === undefined || headers.size !== 1) return;
    this.entries.set(keyOf(userId, request), { status, contentType, body, version: answer.version });
  }

  /** Records, for this request only, the version of every profile `me` answers. */
  private watch(context: GraphQLContext): void {
    const answer: Answer = { version: undefined, fit: false };
    const profiles = context.profiles;
    const me = async (userId: string): Promise<ProfileView> => {
      const view = await profiles.me(userId);
      const version = view.lastKnown ? null : view.updatedAt.getTime();
      answer.version = answer.version === undefined || answer.version === version ? version : null;
      return view;
    };
    context.profiles = Object.create(profiles, { me: { value: me } }) as ProfileService;
    this.answers.set(context.profiles, answer);
  }
}
