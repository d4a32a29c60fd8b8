import { METADATA_FIELD_KEYS, PROFILE_SHAPE, type MetadataFieldKey } from 'profile-shape';

/** A user_metadata field of the shape with its declared legacy keys, most trusted first. */
export interface MetadataField {
  key: MetadataFieldKey;
  aliases: readonly string[];
}

export const METADATA_FIELDS: readonly MetadataField[] = METADATA_FIELD_KEYS.map((key) => ({ key, aliases: PROFILE_SHAPE[key].aliases }));

/** Every declared alias, mapped to the canonical key it stands for. */
export const ALIAS_OF: ReadonlyMap<string, MetadataFieldKey> = new Map(
  METADATA_FIELDS.flatMap((field) => field.aliases.map((alias) => [alias, field.key] as const)),
);

export const CANONICAL_KEYS: ReadonlySet<string> = new Set(METADATA_FIELD_KEYS);
