import { parse } from 'graphql';
import { DOCUMENT_STORE_MAX_BYTES, DocumentStore, documentBytes } from './document-store';

describe('the parsed-document store', () => {
  it('counts the source text a document keeps, comments included', () => {
    const plain = parse('{ __typename }');
    const commented = parse(`{ __typename } # ${'x'.repeat(30_000)}`);
    expect(documentBytes(commented) - documentBytes(plain)).toBeGreaterThanOrEqual(60_000);
    expect(documentBytes(plain)).toBe(2 * '{ __typename }'.length + 3 * JSON.stringify(plain).length);
  });

  it('keeps documents up to its byte bound, dropping the least recently used', async () => {
    const store = new DocumentStore();
    const big = (i: number) => parse(`{ __typename } # ${i} ${'x'.repeat(100_000)}`);
    const perDocument = documentBytes(big(0));
    const fits = Math.floor(DOCUMENT_STORE_MAX_BYTES / perDocument);
    for (let i = 0; i <= fits; i++) await store.set(`q${i}`, big(i));
    await expect(store.get('q0')).resolves.toBeUndefined();
    await expect(store.get(`q${fits}`)).resolves.toBeDefined();
    await expect(store.delete(`q${fits}`)).resolves.toBe(true);
    await expect(store.get(`q${fits}`)).resolves.toBeUndefined();
  });
});
