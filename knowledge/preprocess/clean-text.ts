/**
 * Normalises customer-authored text before it is scored, screened or embedded: one canonical form
 * (so look-alike characters cannot hide words from the injection filter), no markup, no links and
 * no account or card numbers.
 */

/** C0/C1 controls, format characters (zero-width, bidi overrides, soft hyphen) and lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const HTML_TAG = /<\/?[a-z][^<>]*>/gi;
// Trailing punctuation stays outside the link so the sentence still ends. Only matches of 8+
// characters are replaced, so "[link]" never makes the text longer.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]]/gi;
const MIN_URL_LENGTH = 8;
const WHITESPACE = /\s+/g;
// Digit groups of 3+ joined by single spaces or dashes: card numbers "4111 1111 1111 1111",
// account numbers "12345678"; dates like 2024-01-15 (groups of 2) stay readable.
const DIGIT_RUN = /(?<!\d)\d{3,}(?:[ -]\d{3,})*(?!\d)/g;
const MIN_MASKED_DIGITS = 8;
/** The pipeline is repeated until it stops changing the text, so cleaning is idempotent. */
const MAX_PASSES = 4;

function cleanOnce(text: string): string {
  const visible = text.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
  let unmarked = visible.replace(SCRIPT_OR_STYLE, ' ').replace(HTML_COMMENT, ' ');
  // Removing one tag can join the pieces of another ("<<b>i>"), so strip to a fixed point.
  for (let previous = ''; previous !== unmarked; ) {
    previous = unmarked;
    unmarked = unmarked.replace(HTML_TAG, ' ');
  }
  return unmarked
    .replace(URL, (url) => (url.length >= MIN_URL_LENGTH ? '[link]' : url))
    .replace(WHITESPACE, ' ')
    .replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= MIN_MASKED_DIGITS ? '[number]' : run))
    .trim();
}

/**
 * Canonical, safe-to-embed form of free text: NFKC, no control or zero-width characters, no HTML,
 * URLs as "[link]", long digit runs as "[number]", single spaces. Idempotent; never longer than the
 * NFKC form of its input.
 * @example cleanText('See <b>https://x.io</b>  card 4111 1111 1111 1111') // 'See [link] card [number]'
 */
export function cleanText(text: string): string {
  let cleaned = cleanOnce(text);
  // Text that a pass leaves alone is already a fixed point (the common case: no second pass).
  if (cleaned === text) return cleaned;
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const again = cleanOnce(cleaned);
    if (again === cleaned) break;
    cleaned = again;
  }
  return cleaned;
}
