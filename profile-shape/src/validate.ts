import { DOMAIN_LABEL_MAX_LENGTH, EMAIL_LOCAL_MAX_LENGTH, emailProblem, type EmailRule } from './email';
import type { FieldSpec } from './shape';
import { codePointLength, textProblem, type TextRule } from './text';

/** Every rule a field value can break; also the `extensions.rule` of the API's BAD_USER_INPUT. */
export type FieldRule = 'required' | 'tooLong' | TextRule | EmailRule;

/** A value that passes, normalized (null = cleared), or the rule it breaks and what to tell the user. */
export type FieldCheck = { ok: true; value: string | null } | { ok: false; rule: FieldRule; message: string };

// Unicode White_Space, which unlike String#trim leaves a BOM in place to be refused.
const OUTER_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** Trims white space (and lower-cases an email); "" clears an optional field. */
function normalize(spec: FieldSpec, value: string | null): string | null {
  const trimmed = value?.replace(OUTER_SPACE, '') ?? '';
  if (trimmed === '') return null;
  return spec.format === 'email' ? trimmed.toLowerCase() : trimmed;
}

/** The first rule `value` breaks for the field described by `spec`, or null. */
export function fieldProblem(spec: FieldSpec, value: string | null): FieldRule | null {
  const normalized = normalize(spec, value);
  if (normalized === null) return spec.required ? 'required' : null;
  if (codePointLength(normalized) > spec.maxLength) return 'tooLong';
  const text = textProblem(normalized);
  if (text) return text;
  return spec.format === 'email' ? emailProblem(normalized) : null;
}

/** The sentence shown for a broken rule: it names the field by its label and states the rule. */
export function ruleMessage(spec: FieldSpec, rule: FieldRule): string {
  const { label } = spec;
  switch (rule) {
    case 'required':
      return `${label} cannot be empty.`;
    case 'tooLong':
      return `${label} can be at most ${spec.maxLength} characters.`;
    case 'controlCharacters':
      return `${label} cannot contain tabs, line breaks or other control characters.`;
    case 'invalidUnicode':
      return `${label} contains a broken character (a lone UTF-16 surrogate).`;
    case 'directionCharacters':
      return `${label} cannot contain characters that change the text direction (such as U+202E).`;
    case 'invisibleCharacters':
      return `${label} cannot contain invisible characters (such as a zero-width space).`;
    case 'onlyInvisible':
      return `${label} must contain at least one visible character.`;
    case 'emailNotAscii':
      return `${label} can only use ASCII letters, digits and symbols (letters from other alphabets can pass for Latin ones; write an international domain in its xn-- form).`;
    case 'emailShape':
      return `${label} must be an address like name@example.com.`;
    case 'emailDomain':
      return `${label} must end in a domain name such as example.com: no IP address, a top-level domain that is not a number, parts of at most ${DOMAIN_LABEL_MAX_LENGTH} characters.`;
    case 'emailLocalTooLong':
      return `${label}: the part before the @ can be at most ${EMAIL_LOCAL_MAX_LENGTH} characters.`;
  }
}

/** Runs the rules and returns the normalized value, or the broken rule and its message. */
export function checkField(spec: FieldSpec, value: string | null): FieldCheck {
  const rule = fieldProblem(spec, value);
  return rule ? { ok: false, rule, message: ruleMessage(spec, rule) } : { ok: true, value: normalize(spec, value) };
}
