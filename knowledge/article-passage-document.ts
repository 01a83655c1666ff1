import type { ArticleChunk } from './knowledge-articles.ts';
import type { StoreDocument } from './store/knowledge-store.ts';

/** Metadata key of a passage's intents in the article collection. */
export const PASSAGE_INTENTS_KEY = 'intents';

/**
 * Chroma metadata holds scalars only, so a passage's intents are one string with a bar around every id
 * (`"|card_arrival|card_delivery_estimate|"`): "does this passage answer X" is then `includes('|X|')`.
 */
export function intentsMetadata(intents: readonly string[]): string {
  return intents.length === 0 ? '' : `|${intents.join('|')}|`;
}

/** The intent ids stored by `intentsMetadata`; none for a missing or non-string value (a store ingested before intents). */
export function intentsFromMetadata(value: unknown): string[] {
  return typeof value === 'string' ? value.split('|').filter((intent) => intent.length > 0) : [];
}

/** How an article passage is stored in the article collection: its text, and where it came from and what it answers. */
export function articlePassageDocument(chunk: ArticleChunk): StoreDocument {
  return {
    id: chunk.id,
    text: chunk.text,
    metadata: {
      article_id: chunk.articleId,
      title: chunk.title,
      section: chunk.section,
      position: chunk.position,
      [PASSAGE_INTENTS_KEY]: intentsMetadata(chunk.intents),
    },
  };
}
