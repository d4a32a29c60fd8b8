import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Bytes of parsed documents kept at most (Apollo's own store allows 30 MiB, sized by JSON without the source). */
export const DOCUMENT_STORE_MAX_BYTES = 8 * 1024 * 1024;

/**
 * What a parsed document really holds: its source text (kept whole by `loc.source`, two bytes a
 * character at worst) and its syntax tree (objects take about three times their JSON). Apollo's
 * default sizes only the JSON, which leaves out the source: a `{ __typename }` with a 30 kB
 * comment counted as 400 bytes.
 */
export function documentBytes(document: DocumentNode): number {
  return 2 * (document.loc?.source.body.length ?? 0) + 3 * JSON.stringify(document).length;
}

/** Apollo's `documentStore` (a KeyValueCache of parsed, validated documents), bounded in real bytes. */
export class DocumentStore {
  private readonly documents = new LRUCache<string, DocumentNode>({
    maxSize: DOCUMENT_STORE_MAX_BYTES,
    sizeCalculation: (document) => Math.max(1, documentBytes(document)),
  });

  get(key: string): Promise<DocumentNode | undefined> {
    return Promise.resolve(this.documents.get(key));
  }

  set(key: string, document: DocumentNode): Promise<void> {
    this.documents.set(key, document);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.documents.delete(key));
  }
}
