import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkForeignPii,
  checkPromissoryLanguage,
  type ValidationContext,
  validateReply,
} from '../../../chains/validate/index.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/index.ts';
import {
  ARTICLES_DIR,
  type ArticleChunk,
  chunkArticle,
  loadArticles,
} from '../../../knowledge/knowledge-articles.ts';

/** What a reply built from one passage says: the passage without its "Title — Section" line. */
function passageBody(chunk: ArticleChunk): string {
  return chunk.text.slice(chunk.text.indexOf('\n\n') + 2);
}

/** The context of a knowledge answer with no customer and no recommendation: only the passage is grounding. */
function knowledgeContext(groundingTexts: readonly string[]): ValidationContext {
  return {
    customer: null,
    customerFigures: [],
    catalog: PRODUCT_CATALOG,
    recommendedProductIds: [],
    groundingTexts,
    systemPrompt: '',
    userMessage: '',
    untrustedTexts: [],
    otherPeopleNames: [],
  };
}

// The chain answers everyday and education questions by quoting passages; a passage the validator rejects
// makes every such answer fall back to "I can't answer that reliably" (issue 11: "never goes down").
describe('every shipped article passage passes the reply validator', () => {
  let chunks: ArticleChunk[] = [];
  beforeAll(async () => {
    chunks = (await loadArticles(ARTICLES_DIR)).flatMap((article) => chunkArticle(article));
  });

  it('covers every passage of every article', () => {
    expect(chunks.length).toBe(231);
  });

  it('promises no outcome (the promissory and guarantee check)', () => {
    const promissory = chunks.flatMap((chunk) =>
      checkPromissoryLanguage(passageBody(chunk), knowledgeContext([])).map((issue) => ({
        passage: chunk.id,
        issue,
      })),
    );
    expect(promissory).toEqual([]);
  });

  it('carries no personal data, even with nothing to ground it (the PII check)', () => {
    const personal = chunks.flatMap((chunk) =>
      checkForeignPii(passageBody(chunk), knowledgeContext([])).map((issue) => ({
        passage: chunk.id,
        issue,
      })),
    );
    expect(personal).toEqual([]);
  });

  it('passes every check, heading included, when grounded in its own passage as the chain grounds it', () => {
    const rejected = chunks.flatMap((chunk) => {
      const verdict = validateReply(chunk.text, knowledgeContext([chunk.text]));
      return verdict.ok ? [] : [{ passage: chunk.id, issues: verdict.issues }];
    });
    expect(rejected).toEqual([]);
  });

  it('would have caught the sentence issue 11 found in the inflation article', () => {
    const sentence =
      'Money kept in cash can lose purchasing power even though the number in your account never goes down.';
    expect(checkPromissoryLanguage(sentence, knowledgeContext([]))).toEqual([
      { reason: 'promissory_language', phrase: 'never goes down', detectedBy: 'patterns' },
    ]);
  });
});
