/**
 * Attackers disguise instructions from word filters: leetspeak ("1gn0r3 y0ur rul35") and letters spaced out
 * ("I g n o r e  y o u r  r u l e s"). The screen matches the undisguised text as well; the text kept and shown
 * is always the original.
 */

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
// A word mixing letters with leet digits; plain numbers and amounts ("$500", "25,000") have no letters and stay.
const LEET_WORD = /[\p{L}0-9@$]*\p{L}[\p{L}0-9@$]*/gu;
const LEET_OR_SHORT_NUMBER = /[\p{L}0-9@$]*\p{L}[\p{L}0-9@$]*|(?<![\d.,])\d{1,3}(?![\d.,])/gu;
const HAS_LEET = /[013457@$]/;
// Three or more single letters each followed by one space: one spaced-out word ("d e i n e").
const SPACED_WORD = /(?<![\p{L}\p{N}])(?:\p{L} ){2,}\p{L}(?![\p{L}\p{N}])/gu;

/** Whether the text may hide a word: a letter-and-digit mix, or a run of single spaced letters. */
export function mayBeDisguised(text: string): boolean {
  return /\p{L}[0-9@$]|[0-9@$]\p{L}/u.test(text) || /(?<!\S)\p{L} \p{L} \p{L}(?!\S)/u.test(text);
}

/**
 * The text with leet digits read as letters and spaced-out words closed up.
 * @example undisguised('1gn0r3  y o u r  rul35') // 'ignore  your  rules'
 */
export function undisguised(text: string): string {
  const unspaced = text.replace(SPACED_WORD, (word) => word.replaceAll(' ', ''));
  const leetWords = (unspaced.match(LEET_WORD) ?? []).filter((word) => HAS_LEET.test(word)).length;
  // In a sentence written in leetspeak, short numbers are words too ("4ct 45 1f" is "act as if").
  const word = leetWords >= 3 ? LEET_OR_SHORT_NUMBER : LEET_WORD;
  return unspaced.replace(word, (found) =>
    HAS_LEET.test(found) ? found.replace(/[013457@$]/g, (character) => LEET[character] ?? character) : found,
  );
}
