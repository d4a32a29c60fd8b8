/**
 * The ONE profile shape, shared by the API and the app: which fields exist, where Auth0 keeps
 * them, how they are labelled and limited, and which legacy user_metadata keys (aliases) hold
 * the same value in older records. Adding a field is one entry here.
 */
export interface FieldSpec {
  /** Shown above the form control and in error messages. */
  readonly label: string;
  /** `user_metadata`: a key of Auth0's user_metadata; `root`: an Auth0 root attribute. */
  readonly storage: 'user_metadata' | 'root';
  /** Most characters (Unicode code points) after trimming. */
  readonly maxLength: number;
  /** The form control's `autocomplete` hint. */
  readonly autocomplete: string;
  /** The GraphQL field's description. */
  readonly description: string;
  /**
   * Older user_metadata keys for the same value, most trusted first. Read only when the
   * canonical key is empty; deleted by every write of the field. Never for root attributes.
   */
  readonly aliases: readonly string[];
  /** `email`: one ASCII address, lower-cased (see email.ts); `text` (the default): one line of visible text. */
  readonly format?: 'text' | 'email';
  /** A required field cannot be cleared; an optional one is cleared by null or "". */
  readonly required?: boolean;
  /** Shown under the form control. */
  readonly hint?: string;
}

export const PROFILE_SHAPE = {
  firstName: {
    label: 'First name',
    storage: 'user_metadata',
    maxLength: 150,
    autocomplete: 'given-name',
    description: 'Given name, stored in user_metadata.firstName.',
    aliases: ['firstNAme', 'first_name'],
  },
  lastName: {
    label: 'Last name',
    storage: 'user_metadata',
    maxLength: 150,
    autocomplete: 'family-name',
    description: 'Family name, stored in user_metadata.lastName.',
    aliases: ['lastname', 'last_name'],
  },
  email: {
    label: 'Email',
    storage: 'root',
    maxLength: 254,
    autocomplete: 'email',
    description: 'New email (database users only); a verification mail is sent.',
    aliases: [],
    format: 'email',
    required: true,
  },
} as const satisfies Record<string, FieldSpec>;

export type ProfileFieldKey = keyof typeof PROFILE_SHAPE;
export type MetadataFieldKey = {
  [K in ProfileFieldKey]: (typeof PROFILE_SHAPE)[K]['storage'] extends 'user_metadata' ? K : never;
}[ProfileFieldKey];

export const PROFILE_FIELD_KEYS = Object.keys(PROFILE_SHAPE) as ProfileFieldKey[];
export const METADATA_FIELD_KEYS = PROFILE_FIELD_KEYS.filter(
  (key): key is MetadataFieldKey => PROFILE_SHAPE[key].storage === 'user_metadata',
);
