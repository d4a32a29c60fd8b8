const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first user-perceived character, upper-cased: a whole emoji or accented letter, never half a surrogate pair. */
export function initial(text: string): string {
  const first = graphemes.segment(text.trim())[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment.toUpperCase();
}
