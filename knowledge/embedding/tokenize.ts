// Common English function words (NLTK's list, contractions written without the apostrophe):
// they carry no topic, and dropping them keeps the LSA vocabulary for words that do.
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against ain all am an and any are aren arent as at be because been ' +
    'before being below between both but by can couldn couldnt did didn didnt do does doesn doesnt ' +
    'doing don dont down during each few for from further had hadn hadnt has hasn hasnt have haven ' +
    'havent having he her here hers herself him himself his how i if in into is isn isnt it its ' +
    'itself just ll me mightn mightnt more most mustn mustnt my myself needn neednt no nor not now of ' +
    'off on once only or other our ours ourselves out over own re same shan shant she shes should ' +
    'shouldn shouldnt shouldve so some such than that thatll the their theirs them themselves then ' +
    'there these they this those through to too under until up ve very was wasn wasnt we were weren ' +
    'werent what when where which while who whom why will with won wont wouldn wouldnt you youd youll ' +
    'youre youve your yours yourself yourselves also would could may might must shall us im ive hes ' +
    'theyre theyve weve lets'
  ).split(' '),
);

// A word is a run of letters, combining marks and digits, optionally joined by apostrophes (don't, O'Neil).
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHES = /['’]/g;
const POSSESSIVE = /['’]s$/;
const ONLY_DIGITS = /^\p{N}+$/u;
const HAS_VOWEL = /[aeiouy]/;
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Splits text into lowercase, stop-word-free, lightly stemmed words followed by the bigrams ("a_b")
 * of adjacent kept words, in text order: the term list the LSA embedder counts.
 * @example tokenize('Saving for retirement') // ['sav', 'retirement', 'sav_retirement']
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of rawWords(text)) {
    const word = keptWord(match[0]);
    if (word !== undefined) terms.push(word);
  }
  const wordCount = terms.length;
  for (let index = 1; index < wordCount; index++) terms.push(`${terms[index - 1]}_${terms[index]}`);
  return terms;
}

// NFKC folds ligatures and full-width forms; skipped for plain ASCII, which is most of the corpus.
function rawWords(text: string): IterableIterator<RegExpMatchArray> {
  return (NON_ASCII.test(text) ? text.normalize('NFKC') : text).toLowerCase().matchAll(WORD);
}

// The term a raw lowercase word contributes, or undefined when it is dropped.
function keptWord(raw: string): string | undefined {
  const word =
    raw.includes("'") || raw.includes('’') ? raw.replace(POSSESSIVE, '').replace(APOSTROPHES, '') : raw;
  if (word.length < 2 || STOP_WORDS.has(word) || ONLY_DIGITS.test(word)) return undefined;
  const stemmed = stem(word);
  return stemmed.length >= 2 ? stemmed : undefined;
}

/**
 * A deliberately small suffix stripper (plural -s, -ing, -ed, then a final silent -e) so that
 * save / saves / saved / saving all become "sav". Not Porter: predictable beats clever here.
 */
export function stem(word: string): string {
  let result = word;
  if (result.length > 4 && result.endsWith('ies')) result = `${result.slice(0, -3)}y`;
  else if (result.length > 4 && result.endsWith('sses')) result = result.slice(0, -2);
  else if (
    result.length > 3 &&
    result.endsWith('s') &&
    !result.endsWith('ss') &&
    !result.endsWith('us') &&
    !result.endsWith('is')
  ) {
    result = result.slice(0, -1);
  }

  if (result.endsWith('ing') && isStem(result.slice(0, -3))) {
    result = undouble(result.slice(0, -3));
  } else if (result.length > 4 && result.endsWith('ied')) {
    result = `${result.slice(0, -3)}y`;
  } else if (result.endsWith('ed') && !result.endsWith('eed') && isStem(result.slice(0, -2))) {
    result = undouble(result.slice(0, -2));
  }

  if (result.length > 2 && result.endsWith('e') && !result.endsWith('ee')) result = result.slice(0, -1);
  return result;
}

// A suffix is only removed when what is left still looks like a word (thing, bed and red stay whole).
function isStem(candidate: string): boolean {
  return candidate.length >= 2 && HAS_VOWEL.test(candidate);
}

// planned → plann → plan, running → runn → run; l, s and z stay doubled (billed → bill, passed → pass).
function undouble(candidate: string): string {
  const last = candidate.charAt(candidate.length - 1);
  if (candidate.length > 2 && last === candidate.charAt(candidate.length - 2) && !'lsz'.includes(last)) {
    return HAS_VOWEL.test(last) ? candidate : candidate.slice(0, -1);
  }
  return candidate;
}

/** Per-document counts of tokenize()'s terms over a corpus; term ids are provisional, in first-seen order. */
export interface CorpusTermCounts {
  /** How many documents contain each term, by term id. */
  documentFrequency: number[];
  /** Document d's distinct terms are termIds[documentOffsets[d]] up to documentOffsets[d + 1]. */
  documentOffsets: number[];
  termIds: number[];
  /** How often each of those terms occurs in its document. */
  termCounts: number[];
  /** The term as tokenize() spells it: a word, or "first_second" for a bigram. */
  termText(termId: number): string;
}

/**
 * Counts tokenize()'s terms (words, then adjacent pairs) over a whole corpus in one pass. Lives here so the
 * bigram rule has one home. Pairs are keyed by their two word ids, never built as "a_b" strings: hashing ~1M
 * such strings per corpus was the slowest step of an LSA fit.
 */
export function countCorpusTerms(corpus: readonly string[]): CorpusTermCounts {
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  // Raw lowercase word → word id, -1 when dropped: a corpus repeats its words, so each is stemmed once.
  const rawWordIds = new Map<string, number>();
  const wordTerm: number[] = [];
  const pairTerms = new PairTable();
  // Term id → its (first) word and second word, -1 for a single word.
  const firstWord: number[] = [];
  const secondWord: number[] = [];
  const documentFrequency: number[] = [];
  const inDocument: number[] = [];
  const counts = { documentOffsets: [0], termIds: [] as number[], termCounts: [] as number[] };
  const newTerm = (first: number, second: number): number => {
    firstWord.push(first);
    secondWord.push(second);
    documentFrequency.push(0);
    return inDocument.push(0) - 1;
  };
  const see = (term: number): void => {
    if (inDocument[term] === 0) {
      counts.termIds.push(term);
      documentFrequency[term] = (documentFrequency[term] as number) + 1;
    }
    inDocument[term] = (inDocument[term] as number) + 1;
  };
  for (const text of corpus) {
    const start = counts.termIds.length;
    let previous = -1;
    for (const match of rawWords(text)) {
      let word = rawWordIds.get(match[0]);
      if (word === undefined) {
        const kept = keptWord(match[0]);
        word = kept === undefined ? -1 : (wordIds.get(kept) ?? -1);
        if (kept !== undefined && word < 0) {
          word = words.push(kept) - 1;
          wordIds.set(kept, word);
          wordTerm.push(newTerm(word, -1));
        }
        rawWordIds.set(match[0], word);
      }
      if (word < 0) continue;
      see(wordTerm[word] as number);
      if (previous >= 0) {
        let pair = pairTerms.get(previous, word);
        if (pair < 0) pair = pairTerms.add(previous, word, newTerm(previous, word));
        see(pair);
      }
      previous = word;
    }
    for (let entry = start; entry < counts.termIds.length; entry++) {
      const term = counts.termIds[entry] as number;
      counts.termCounts.push(inDocument[term] as number);
      inDocument[term] = 0;
    }
    counts.documentOffsets.push(counts.termIds.length);
  }
  const termText = (termId: number): string => {
    const first = words[firstWord[termId] ?? -1] ?? '';
    const second = secondWord[termId] ?? -1;
    return second < 0 ? first : `${first}_${words[second]}`;
  };
  return { documentFrequency, ...counts, termText };
}

// Open-addressing (linear probing) map from a pair of word ids to a term id, kept at most half full:
// about twice as fast as nested Maps for the ~1M pairs of a 12k-document corpus.
class PairTable {
  private firsts = new Int32Array(1 << 16).fill(-1);
  private seconds = new Int32Array(1 << 16);
  private terms = new Int32Array(1 << 16);
  private size = 0;

  /** The term id of the pair, or -1. */
  get(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    for (let slot = pairHash(first, second) & mask; this.firsts[slot] !== -1; slot = (slot + 1) & mask) {
      if (this.firsts[slot] === first && this.seconds[slot] === second) return this.terms[slot] as number;
    }
    return -1;
  }

  /** Stores a pair known to be absent; returns its term id. */
  add(first: number, second: number, term: number): number {
    const mask = this.firsts.length - 1;
    let slot = pairHash(first, second) & mask;
    while (this.firsts[slot] !== -1) slot = (slot + 1) & mask;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.terms[slot] = term;
    this.size++;
    if (this.size * 2 > this.firsts.length) this.grow();
    return term;
  }

  private grow(): void {
    const { firsts, seconds, terms } = this;
    this.firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.seconds = new Int32Array(firsts.length * 2);
    this.terms = new Int32Array(firsts.length * 2);
    this.size = 0;
    firsts.forEach((first, slot) => {
      if (first >= 0) this.add(first, seconds[slot] as number, terms[slot] as number);
    });
  }
}

// murmur3's 32-bit finaliser over both ids, so consecutive ids spread across the table.
function pairHash(first: number, second: number): number {
  let hash = Math.imul(first, 0x9e3779b1) ^ second;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
