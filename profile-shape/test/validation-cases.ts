import type { FieldRule, ProfileFieldKey } from '../src';

/**
 * The one table of validation cases, run against the API's validation (server tests) and the
 * form's validators (client tests): both must give the same verdict on every row.
 * `accepts` holds the value as stored (trimmed; null = cleared).
 */
export interface ValidationCase {
  readonly name: string;
  readonly field: ProfileFieldKey;
  readonly input: string;
  readonly expected: { readonly accepts: string | null } | { readonly rule: FieldRule };
}

export const VALIDATION_CASES: readonly ValidationCase[] = [
  { name: 'an ordinary name, trimmed', field: 'firstName', input: '  Ada ', expected: { accepts: 'Ada' } },
  { name: 'an empty name clears it', field: 'lastName', input: '   ', expected: { accepts: null } },
  { name: 'non-ASCII letters, a ligature and an emoji', field: 'firstName', input: 'Zoë 李 ﬀ 😀', expected: { accepts: 'Zoë 李 ﬀ 😀' } },
  { name: '150 emoji (150 code points, 300 UTF-16 units)', field: 'lastName', input: '😀'.repeat(150), expected: { accepts: '😀'.repeat(150) } },
  { name: '151 characters', field: 'firstName', input: 'a'.repeat(151), expected: { rule: 'tooLong' } },
  { name: 'a ZWJ emoji sequence', field: 'firstName', input: 'Ada 👩‍💻', expected: { accepts: 'Ada 👩‍💻' } },
  { name: 'a Persian name with ZWNJ', field: 'lastName', input: 'علی‌رضا', expected: { accepts: 'علی‌رضا' } },
  { name: 'a Hebrew name (right-to-left letters, no controls)', field: 'firstName', input: 'עדה', expected: { accepts: 'עדה' } },
  { name: 'a trailing line break is trimmed', field: 'lastName', input: 'Lovelace\r\n', expected: { accepts: 'Lovelace' } },
  { name: 'a tab', field: 'firstName', input: 'Ada\tLovelace', expected: { rule: 'controlCharacters' } },
  { name: 'an escape sequence', field: 'lastName', input: '\u001b[31mAda', expected: { rule: 'controlCharacters' } },
  { name: 'a C1 control (NEL)', field: 'firstName', input: 'Ada\u0085Lovelace', expected: { rule: 'controlCharacters' } },
  { name: 'LINE SEPARATOR U+2028', field: 'lastName', input: 'Ada\u2028Lovelace', expected: { rule: 'controlCharacters' } },
  { name: 'PARAGRAPH SEPARATOR U+2029', field: 'firstName', input: 'Ada\u2029Lovelace', expected: { rule: 'controlCharacters' } },
  { name: 'a lone high surrogate', field: 'lastName', input: 'Ada\uD800', expected: { rule: 'invalidUnicode' } },
  { name: 'a lone low surrogate', field: 'firstName', input: '\uDC00Ada', expected: { rule: 'invalidUnicode' } },
  { name: 'RIGHT-TO-LEFT OVERRIDE U+202E', field: 'lastName', input: 'Ada\u202Eecalevol', expected: { rule: 'directionCharacters' } },
  { name: 'LEFT-TO-RIGHT EMBEDDING U+202A', field: 'firstName', input: '\u202AAda', expected: { rule: 'directionCharacters' } },
  { name: 'a bidi isolate U+2067', field: 'firstName', input: 'Ada\u2067x\u2069', expected: { rule: 'directionCharacters' } },
  { name: 'RIGHT-TO-LEFT MARK', field: 'lastName', input: 'Ada\u200F', expected: { rule: 'directionCharacters' } },
  { name: 'ARABIC LETTER MARK', field: 'lastName', input: '\u061CAda', expected: { rule: 'directionCharacters' } },
  { name: 'a zero-width space', field: 'firstName', input: 'A\u200Bda', expected: { rule: 'invisibleCharacters' } },
  { name: 'a ZWJ between Latin letters', field: 'firstName', input: 'A\u200Dda', expected: { rule: 'invisibleCharacters' } },
  { name: 'a ZWNJ at the end', field: 'lastName', input: 'Ada\u200C', expected: { rule: 'invisibleCharacters' } },
  { name: 'a word joiner U+2060', field: 'lastName', input: 'Ada\u2060', expected: { rule: 'invisibleCharacters' } },
  { name: 'a byte order mark', field: 'firstName', input: '\uFEFFAda', expected: { rule: 'invisibleCharacters' } },
  { name: 'a name made only of zero-width characters', field: 'firstName', input: '\u200B\u200C\u200D', expected: { rule: 'invisibleCharacters' } },
  { name: 'a name made only of a Hangul filler', field: 'lastName', input: '\u3164', expected: { rule: 'invisibleCharacters' } },
  { name: 'a name made only of combining marks and a braille blank', field: 'lastName', input: '\u0301\u2800', expected: { rule: 'onlyInvisible' } },
  { name: 'SOFT HYPHEN U+00AD', field: 'firstName', input: 'Ada\u00ADm', expected: { rule: 'invisibleCharacters' } },
  { name: 'MONGOLIAN FREE VARIATION SELECTOR ONE U+180B', field: 'lastName', input: 'Ada\u180B', expected: { rule: 'invisibleCharacters' } },
  { name: 'VS16 after a letter', field: 'firstName', input: 'A\uFE0Fda', expected: { rule: 'invisibleCharacters' } },
  { name: 'VS16 after an emoji (emoji presentation)', field: 'firstName', input: 'Ada \u2764\uFE0F', expected: { accepts: 'Ada \u2764\uFE0F' } },
  { name: 'VARIATION SELECTOR-17 U+E0100', field: 'lastName', input: 'Ada\u{E0100}', expected: { rule: 'invisibleCharacters' } },
  { name: 'TAG characters (hidden text)', field: 'firstName', input: 'Ada\u{E0068}\u{E0069}\u{E007F}', expected: { rule: 'invisibleCharacters' } },
  ...['\u206A', '\u206B', '\u206C', '\u206D', '\u206E', '\u206F'].map((char) => ({
    name: `deprecated format character U+${char.codePointAt(0)!.toString(16).toUpperCase()}`,
    field: 'lastName' as const,
    input: `Ada${char}`,
    expected: { rule: 'invisibleCharacters' as const },
  })),
  { name: 'KHMER VOWEL INHERENT AQ U+17B4', field: 'firstName', input: 'Ada\u17B4', expected: { rule: 'invisibleCharacters' } },
  ...['\uFFF9', '\uFFFA', '\uFFFB'].map((char) => ({
    name: `interlinear annotation U+${char.codePointAt(0)!.toString(16).toUpperCase()}`,
    field: 'firstName' as const,
    input: `A${char}da`,
    expected: { rule: 'invisibleCharacters' as const },
  })),
  { name: 'SHORTHAND FORMAT LETTER OVERLAP U+1BCA0', field: 'lastName', input: 'Ada\u{1BCA0}', expected: { rule: 'invisibleCharacters' } },
  { name: 'a ZWJ between combining marks on Latin letters', field: 'firstName', input: 'Ade\u0301\u200D\u0301', expected: { rule: 'invisibleCharacters' } },
  { name: 'a Devanagari conjunct with ZWJ after a virama (a mark)', field: 'lastName', input: '\u0915\u094D\u200D\u0937', expected: { accepts: '\u0915\u094D\u200D\u0937' } },
  { name: 'the noncharacter U+FFFE', field: 'firstName', input: 'Ada\uFFFE', expected: { rule: 'invalidUnicode' } },
  { name: 'the noncharacter U+FFFF', field: 'lastName', input: 'Ada\uFFFF', expected: { rule: 'invalidUnicode' } },
  { name: 'an ordinary email, lower-cased', field: 'email', input: ' Ada.King@Example.COM ', expected: { accepts: 'ada.king@example.com' } },
  { name: 'a plus address on a multi-label domain', field: 'email', input: 'ada+new@mail.example.co.uk', expected: { accepts: 'ada+new@mail.example.co.uk' } },
  { name: 'an international domain in its xn-- form', field: 'email', input: 'ada@xn--bcher-kva.example', expected: { accepts: 'ada@xn--bcher-kva.example' } },
  { name: 'an empty email', field: 'email', input: '  ', expected: { rule: 'required' } },
  { name: 'a Cyrillic а in the local part', field: 'email', input: '\u0430da@example.com', expected: { rule: 'emailNotAscii' } },
  { name: 'a Cyrillic о in the domain', field: 'email', input: 'ada@exam\u043Eple.com', expected: { rule: 'emailNotAscii' } },
  { name: 'an international domain in Unicode', field: 'email', input: 'ada@bücher.example', expected: { rule: 'emailNotAscii' } },
  { name: 'a zero-width space in an email', field: 'email', input: 'ada\u200B@example.com', expected: { rule: 'invisibleCharacters' } },
  { name: 'a RIGHT-TO-LEFT OVERRIDE in an email', field: 'email', input: 'ada@\u202Emoc.elpmaxe', expected: { rule: 'directionCharacters' } },
  { name: 'a space inside an email', field: 'email', input: 'a b@example.com', expected: { rule: 'emailShape' } },
  { name: 'two @', field: 'email', input: 'x@y@example.com', expected: { rule: 'emailShape' } },
  { name: 'no dot in the domain', field: 'email', input: 'ada@localhost', expected: { rule: 'emailShape' } },
  { name: 'two dots in a row', field: 'email', input: 'ada..king@example.com', expected: { rule: 'emailShape' } },
  { name: 'a domain label ending in a hyphen', field: 'email', input: 'ada@example-.com', expected: { rule: 'emailShape' } },
  { name: 'a 65-character local part', field: 'email', input: `${'a'.repeat(65)}@example.com`, expected: { rule: 'emailLocalTooLong' } },
  { name: 'a 64-character local part', field: 'email', input: `${'a'.repeat(64)}@example.com`, expected: { accepts: `${'a'.repeat(64)}@example.com` } },
  { name: 'an email over 254 characters', field: 'email', input: `${'a'.repeat(60)}@${'b'.repeat(190)}.example.com`, expected: { rule: 'tooLong' } },
  { name: 'an IP-address domain', field: 'email', input: 'ada@127.0.0.1', expected: { rule: 'emailDomain' } },
  { name: 'a numeric top-level domain', field: 'email', input: 'ada@example.123', expected: { rule: 'emailDomain' } },
  { name: 'a 64-character domain label', field: 'email', input: `ada@${'b'.repeat(64)}.example`, expected: { rule: 'emailDomain' } },
  { name: 'a 63-character domain label', field: 'email', input: `ada@${'b'.repeat(63)}.example`, expected: { accepts: `ada@${'b'.repeat(63)}.example` } },
  { name: 'a newline in an email', field: 'email', input: 'ada@example.com\nBcc: x@example.com', expected: { rule: 'controlCharacters' } },
];
