import { tokenize } from '../../knowledge/embedding/tokenize.ts';

/** A document the lexical index can score. */
export interface LexicalDocument {
  id: string;
  text: string;
}

/**
 * TF-IDF cosine over a small, fixed set of passages (the knowledge articles): the sparse half of hybrid
 * retrieval. Exact word matches ("dispute", "exchange rate") are what dense LSA vectors blur, so the two
 * are fused. Uses the project's tokenizer (stems, bigrams) so both halves see the same terms.
 */
export class LexicalIndex {
  private readonly idf = new Map<string, number>();
  /** term → the documents using it, with the term's normalised weight there: a query visits only its terms. */
  private readonly postings = new Map<string, { index: number; weight: number }[]>();

  constructor(private readonly documents: readonly LexicalDocument[]) {
    const counts = documents.map((document) => termCounts(tokenize(document.text)));
    const documentFrequency = new Map<string, number>();
    for (const terms of counts) {
      for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    for (const [term, frequency] of documentFrequency) {
      this.idf.set(term, Math.log((1 + documents.length) / (1 + frequency)) + 1);
    }
    counts.forEach((terms, index) => {
      for (const [term, weight] of this.weigh(terms)) {
        const list = this.postings.get(term) ?? [];
        list.push({ index, weight });
        this.postings.set(term, list);
      }
    });
  }

  /** Cosine similarity (0–1) of the query to every document, by document id. */
  score(query: string): Map<string, number> {
    // Words the passages never use still count in the query's length: a question that is mostly about
    // something else ("tell me a joke") must not score high on its one shared word.
    const queryVector = this.weigh(termCounts(tokenize(query)), this.unseenIdf);
    const dots = new Array<number>(this.documents.length).fill(0);
    for (const [term, queryWeight] of queryVector) {
      for (const { index, weight } of this.postings.get(term) ?? []) {
        dots[index] = (dots[index] ?? 0) + queryWeight * weight;
      }
    }
    return new Map(this.documents.map((document, index) => [document.id, dots[index] ?? 0]));
  }

  private get unseenIdf(): number {
    return Math.log(1 + this.documents.length) + 1;
  }

  private weigh(counts: Map<string, number>, unseenIdf?: number): Map<string, number> {
    const weighted = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const idf = this.idf.get(term) ?? unseenIdf;
      if (idf === undefined) continue;
      const weight = (1 + Math.log(count)) * idf;
      weighted.set(term, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm);
    if (length > 0) for (const [term, weight] of weighted) weighted.set(term, weight / length);
    return weighted;
  }
}

function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
