import { PROFILE_SHAPE, type MetadataFieldKey } from './shape';

/** Where a field's stored value was found: the canonical key or one of its declared aliases. */
export interface StoredValue {
  readonly key: string;
  readonly value: string;
}

/** A string with something besides white space; anything else counts as no value. */
export function hasStoredValue(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The keys a field may be stored under in user_metadata: canonical first, then its aliases in order. */
export function storedKeysOf(key: MetadataFieldKey): readonly string[] {
  return [key, ...PROFILE_SHAPE[key].aliases];
}

/**
 * The canonical key's value, or, only when it is absent or empty, the first declared alias that
 * has one. Undeclared keys are never looked at.
 */
export function findStoredValue(metadata: Record<string, unknown>, key: MetadataFieldKey): StoredValue | null {
  for (const stored of storedKeysOf(key)) {
    const value = Object.hasOwn(metadata, stored) ? metadata[stored] : undefined;
    if (hasStoredValue(value)) return { key: stored, value };
  }
  return null;
}
