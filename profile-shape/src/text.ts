/**
 * Rules for one line of text, counted in Unicode code points: what the API stores and the app
 * shows must look like what the user typed, so characters that are invisible or that reorder
 * the text around them are refused rather than stored.
 */
export type TextRule = 'controlCharacters' | 'invalidUnicode' | 'directionCharacters' | 'invisibleCharacters' | 'onlyInvisible';

// Category Cc (C0, DEL, C1) plus the line and paragraph separators: a name is one line.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// A lone UTF-16 surrogate is not text: Auth0 would store it as U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;
// ALM, LRM, RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Zero-width space, word joiner and invisible operators, BOM, Mongolian vowel separator,
// the Hangul fillers that render as nothing, and the combining grapheme joiner.
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u180E\u115F\u1160\u3164\uFFA0]|\u034F/u;
// Noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) are not text to interchange.
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
// Everything Unicode says renders as nothing (soft hyphen, Mongolian variation selectors, TAG
// characters, variation selectors, U+206A–U+206F, U+17B4, U+1BCA0…) and the interlinear
// annotation characters U+FFF9–U+FFFB. Joiners and emoji variation selectors are judged apart.
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/u;
const VS15_VS16 = /^[\uFE0E\uFE0F]$/u;
const EMOJI_BASE = /^\p{Emoji}$/u;
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
// Scripts whose words never need a joiner: a joiner between their letters only hides something.
const NO_JOINER_SCRIPTS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;
const EMOJI_BEFORE_ZWJ = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const BLANK_LOOKING = /[\u115F\u1160\u2800\u3164\uFFA0]/u;

const MARK = /^\p{M}$/u;

/** The character a run of combining marks sits on: the first non-mark before index `i`. */
function baseBefore(codePoints: readonly string[], i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && MARK.test(codePoints[j]!)) j--;
  return codePoints[j];
}

/**
 * ZWNJ and ZWJ are real spelling in Persian, Indic and other scripts (between two of their
 * letters, marks judged by the letter they sit on) and build emoji sequences (👩‍💻); anywhere
 * else they only hide something.
 */
function joinerFits(codePoints: readonly string[], i: number): boolean {
  const joiner = codePoints[i]!;
  const before = codePoints[i - 1];
  const after = codePoints[i + 1];
  if (before === undefined || after === undefined) return false;
  if (joiner === ZWJ && EMOJI_BEFORE_ZWJ.test(before) && EMOJI.test(after)) return true;
  const base = baseBefore(codePoints, i);
  if (base === undefined || !LETTER_OR_MARK.test(base) || !LETTER_OR_MARK.test(after)) return false;
  return !NO_JOINER_SCRIPTS.test(base) && (MARK.test(after) || !NO_JOINER_SCRIPTS.test(after));
}

/** A default-ignorable character where it does not belong: a joiner outside words that need it, a variation selector after anything but an emoji. */
function hasStrayIgnorable(codePoints: readonly string[]): boolean {
  return codePoints.some((char, i) => {
    if (char === ZWNJ || char === ZWJ) return !joinerFits(codePoints, i);
    if (VS15_VS16.test(char)) return !EMOJI_BASE.test(codePoints[i - 1] ?? '');
    return IGNORABLE.test(char);
  });
}

function hasVisibleCharacter(codePoints: readonly string[]): boolean {
  return codePoints.some((char) => VISIBLE.test(char) && !BLANK_LOOKING.test(char));
}

/** The first text rule a trimmed, non-empty value breaks, or null. */
export function textProblem(value: string): TextRule | null {
  if (CONTROL.test(value)) return 'controlCharacters';
  if (LONE_SURROGATE.test(value) || NONCHARACTER.test(value)) return 'invalidUnicode';
  if (DIRECTION.test(value)) return 'directionCharacters';
  const codePoints = [...value];
  if (INVISIBLE.test(value) || hasStrayIgnorable(codePoints)) return 'invisibleCharacters';
  if (!hasVisibleCharacter(codePoints)) return 'onlyInvisible';
  return null;
}

/** Length in Unicode code points (what a person counts), not UTF-16 units. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
