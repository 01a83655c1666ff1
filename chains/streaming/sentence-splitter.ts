/**
 * Words whose trailing "." never ends a sentence (compared in lower case, inner dots kept: "e.g", "u.s").
 * English, German and Spanish, the languages replies are written in.
 */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'approx',
  'incl',
  'excl',
  'esp',
  'est',
  'min',
  'max',
  'no',
  'nos',
  'nr',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'fig',
  'cf',
  'ca',
  'p.a',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'z.b',
  'bzw',
  'usw',
  'd.h',
  'ggf',
  'inkl',
  'evtl',
  'p.ej',
  'sr',
  'sra',
  'ud',
  'uds',
]);
/** Characters that close a sentence together with its terminator: quotes, brackets, Markdown emphasis. */
const CLOSERS = new Set(['"', "'", '’', '”', ')', ']', '*', '_', '»']);
const TERMINATORS = new Set(['.', '!', '?', '…']);
const WHITESPACE = /\s/;

/**
 * Cuts streamed text into sentences as it arrives, so each can be validated before it is shown. A sentence ends
 * at ".", "!" or "?" followed by white space, or at a line break (each Markdown line — a heading, a list item — is
 * one unit); the "." of "e.g.", "$1,015.80", "3.5%" and of a numbered-list marker ("2. Open the app") does not end
 * one. Each sentence keeps the white space after it, so the sentences always add up to the text.
 * @example
 * const splitter = new SentenceSplitter();
 * splitter.push('Rates, e.g. 3.5%, vary. Ask'); // ['Rates, e.g. 3.5%, vary. ']
 * splitter.finish(); // 'Ask'
 */
export class SentenceSplitter {
  private buffer = '';
  /** Where scanning resumes: everything before it is known not to end a sentence. */
  private scanned = 0;

  /** Adds streamed text; returns the sentences it completed, in order. */
  push(chunk: string): string[] {
    this.buffer += chunk;
    const sentences: string[] = [];
    for (;;) {
      const next = this.nextBoundary();
      if (next === null) break;
      sentences.push(this.buffer.slice(0, next));
      this.buffer = this.buffer.slice(next);
      this.scanned = 0;
    }
    return sentences;
  }

  /** The text after the last complete sentence (the stream ended); the splitter is empty afterwards. */
  finish(): string {
    const rest = this.buffer;
    this.buffer = '';
    this.scanned = 0;
    return rest;
  }

  /** Where the next sentence starts, once the white space after the current one is complete; null while unsure. */
  private nextBoundary(): number | null {
    const text = this.buffer;
    let index = this.scanned;
    while (index < text.length) {
      const character = text[index] ?? '';
      let end: number | null = null;
      if (character === '\n') {
        if (text.slice(0, index).trim().length > 0) end = index;
      } else if (TERMINATORS.has(character)) {
        let after = index + 1;
        while (after < text.length && (TERMINATORS.has(text[after] ?? '') || CLOSERS.has(text[after] ?? '')))
          after++;
        // The terminator is the last thing received: what follows decides, so wait for it.
        if (after === text.length) return null;
        if (WHITESPACE.test(text[after] ?? '') && !this.isInnerDot(index, text)) end = after;
        else {
          index = after;
          continue;
        }
      }
      if (end !== null) {
        let start = end;
        while (start < text.length && WHITESPACE.test(text[start] ?? '')) start++;
        // Trailing white space belongs to the sentence; only a visible character shows it is complete.
        if (start === text.length) return null;
        return start;
      }
      index++;
      this.scanned = index;
    }
    return null;
  }

  /** A "." that belongs to an abbreviation, an initial or a numbered-list marker rather than ending a sentence. */
  private isInnerDot(index: number, text: string): boolean {
    if (text[index] !== '.') return false;
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    const word = /[\p{L}\p{N}.]*$/u.exec(text.slice(lineStart, index))?.[0] ?? '';
    if (word.length === 0) return false;
    const lower = word.toLowerCase();
    if (ABBREVIATIONS.has(lower)) return true;
    // A single letter ("J. Smith") is an initial.
    if (/^\p{L}$/u.test(word)) return true;
    // "1." or "12." alone at the start of a line (after Markdown indentation) is a list marker.
    return /^\d{1,3}$/.test(word) && text.slice(lineStart, index - word.length).trim().length === 0;
  }
}

/** Splits a whole text into the sentences a stream of it would produce (for releasing an already checked text). */
export function sentencesOf(text: string): string[] {
  const splitter = new SentenceSplitter();
  const sentences = splitter.push(text);
  const rest = splitter.finish();
  return rest.length > 0 ? [...sentences, rest] : sentences;
}
