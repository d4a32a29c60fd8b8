import type { ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { Permission } from '../auth/permissions';
import type { GraphQLContext } from './context';

/** An answer as it went out: status, Apollo's content type and the body. */
export interface CachedResponse {
  status: number;
  contentType: string;
  body: string;
}

interface Entry extends CachedResponse {
  /** The updated_at (ms) of the profile the answer was built from. */
  version: number;
}

/** The caller's user id when the token grants read:profile; only such callers are answered from here. */
function readerOf(context: GraphQLContext): string | undefined {
  const caller = context.caller;
  return caller?.scopes.has(Permission.readProfile) ? caller.userId : undefined;
}

/** What a request adds to the user id in the key: Accept, operation name, variables, document. */
export type RequestKey = readonly [accept: string | null, operationName: string | null, variables: unknown, query: string];

/** Longest a key and its answer may be (counted as UTF-16, 2 bytes a character); bigger ones are not kept. */
const MAX_ENTRY_BYTES = 16 * 1024;
const ENTRY_OVERHEAD_BYTES = 64;

/** An entry's size in bytes, at most: its key, its body and content type, and the entry itself. */
function entryBytes(entry: Entry, key: string): number {
  return (key.length + entry.body.length + entry.contentType.length) * 2 + ENTRY_OVERHEAD_BYTES;
}

/** The key of one user's answer: a structure through JSON.stringify, so no two (user, request) pairs share one. */
function keyOf(userId: string, request: RequestKey): string {
  return JSON.stringify([userId, ...request]);
}

/**
 * Per-user answers to a warm `me`, keyed by (user, Accept, operation name, variables, document),
 * each carrying the version of the profile it was built from. An entry is used only while the
 * coherent profile cache (in process, or Redis shared by every replica) still holds that same
 * version as fresh, so an update through any replica retires it at once; the token is verified
 * and read:profile checked (lookup) on every request before. Only complete answers to a query
 * with no error, built from one profile that was not a last-known one, are kept.
 */
export class MeResponseCache {
  private readonly entries: LRUCache<string, Entry>;

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

  /**
   * The request's part of the key; null for what this cache never answers (batches, extensions,
   * no query). `variables` must be bounded in depth already (http/variables-limit).
   */
  requestKey(body: unknown, accept: string | undefined): RequestKey | null {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const { query, variables, operationName, extensions } = body as Record<string, unknown>;
    if (typeof query !== 'string' || extensions !== undefined) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
    return [accept ?? null, operationName ?? null, variables ?? null, query];
  }

  async lookup(requestKey: RequestKey, context: GraphQLContext): Promise<CachedResponse | undefined> {
    const userId = readerOf(context);
    if (userId === undefined) return undefined;
    const entry = this.entries.get(keyOf(userId, requestKey));
    if (!entry) return undefined;
    const version = await context.profiles.cachedVersion(userId);
    return version === entry.version ? entry : undefined;
  }

  store(requestKey: RequestKey, context: GraphQLContext, response: CachedResponse): void {
    const userId = readerOf(context);
    const version = context.answeredVersion;
    if (userId === undefined || typeof version !== 'number' || response.status !== 200) return;
    this.entries.set(keyOf(userId, requestKey), { ...response, version });
  }

  /** Drops every answer kept for the user (their account is deleted). */
  forget(userId: string): void {
    // Every key of the user starts with the JSON of their id as the array's first item.
    const prefix = `${JSON.stringify([userId]).slice(0, -1)},`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Marks answers with errors, or to anything but a query, as unfit to keep. */
  plugin(): ApolloServerPlugin<GraphQLContext> {
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, response, operation }) {
            const failed = response.body.kind !== 'single' || response.body.singleResult.errors !== undefined;
            if (failed || operation?.operation !== 'query') contextValue.answeredVersion = null;
          },
        };
      },
    };
  }
}
