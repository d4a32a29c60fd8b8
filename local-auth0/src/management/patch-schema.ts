import { invalidBody } from '../http/errors';

type Kind = 'string' | 'boolean' | 'object';
interface FieldRule { kind: Kind; nullable?: boolean; min?: number; max?: number; check?: (value: string) => string | null }

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[0-9]{1,15}$/;

function emailProblem(value: string): string | null {
  const local = value.split('@')[0] ?? '';
  if (!EMAIL_SHAPE.test(value) || local.length > 64) return `Object didn't pass validation for format email: ${value}`;
  return null;
}

const phoneProblem = (value: string) => (PHONE.test(value) ? null : `String does not match pattern ^\\+[0-9]{1,15}$: ${value}`);

/** The settable fields of PATCH /api/v2/users/{id}; anything else is refused. */
const FIELDS: Record<string, FieldRule> = {
  app_metadata: { kind: 'object', nullable: true },
  user_metadata: { kind: 'object', nullable: true },
  blocked: { kind: 'boolean' },
  email: { kind: 'string', min: 1, max: 254, check: emailProblem },
  email_verified: { kind: 'boolean' },
  verify_email: { kind: 'boolean' },
  given_name: { kind: 'string', nullable: true, min: 1, max: 150 },
  family_name: { kind: 'string', nullable: true, min: 1, max: 150 },
  name: { kind: 'string', nullable: true, min: 1, max: 150 },
  nickname: { kind: 'string', nullable: true, min: 1, max: 300 },
  username: { kind: 'string', nullable: true, min: 1, max: 128 },
  picture: { kind: 'string', nullable: true, min: 1, max: 2048 },
  password: { kind: 'string', min: 1, max: 72 },
  phone_number: { kind: 'string', nullable: true, check: phoneProblem },
  phone_verified: { kind: 'boolean' },
  verify_phone_number: { kind: 'boolean' },
  connection: { kind: 'string', min: 1 },
  client_id: { kind: 'string', min: 1 },
};

export type UserPatch = Partial<Record<string, unknown>>;

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function badMetadataKey(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('.') || key.includes('$')) return key;
    const nested = badMetadataKey(inner);
    if (nested) return nested;
  }
  return null;
}

function fieldProblem(rule: FieldRule, value: unknown): string | null {
  if (value === null) return rule.nullable ? null : `Expected type ${rule.kind} but found type null`;
  if (typeOf(value) !== rule.kind) return `Expected type ${rule.kind} but found type ${typeOf(value)}`;
  if (rule.kind === 'object') {
    const key = badMetadataKey(value);
    return key === null ? null : `Invalid key name "${key}": metadata keys may not contain "." or "$"`;
  }
  if (typeof value !== 'string') return null;
  if (rule.min !== undefined && value.length < rule.min) return `String is too short (${value.length} chars), minimum ${rule.min}`;
  if (rule.max !== undefined && value.length > rule.max) return `String is too long (${value.length} chars), maximum ${rule.max}`;
  return rule.check?.(value) ?? null;
}

/** Validates a PATCH body with Auth0's JSON-schema style messages; throws a 400 `invalid_body`. */
export function validatePatch(body: unknown): UserPatch {
  if (typeOf(body) !== 'object') throw invalidBody(`'Expected type object but found type ${typeOf(body)}'.`);
  const patch = body as Record<string, unknown>;
  const unknown = Object.keys(patch).filter((key) => !(key in FIELDS));
  if (unknown.length) throw invalidBody(`'Additional properties not allowed: ${unknown.join(',')}'.`);
  if (Object.keys(patch).length === 0) throw invalidBody(`'Too few properties defined (0), minimum 1'.`);
  for (const [name, value] of Object.entries(patch)) {
    const problem = fieldProblem(FIELDS[name]!, value);
    if (problem) throw invalidBody(`'${problem}' on property ${name}.`);
  }
  return patch;
}
