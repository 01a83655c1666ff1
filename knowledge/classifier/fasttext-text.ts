/**
 * The text a fastText model sees: lower-cased, Unicode-normalised, punctuation split off as its own
 * token, one line. Training and prediction must use the same form or the model sees different words.
 */
export function fastTextText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/([\p{P}\p{S}])/gu, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}
