import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articlePassageDocument,
  intentsFromMetadata,
  intentsMetadata,
} from '../../knowledge/article-passage-document.ts';
import { INTENTS } from '../../knowledge/intents/taxonomy.ts';

describe('article passage documents', () => {
  it('store a chunk with its article, section, position and intents as "|id|id|"', () => {
    const document = articlePassageDocument({
      id: 'cards#2',
      articleId: 'cards',
      title: 'Cards',
      section: 'Activating your card',
      text: 'Cards — Activating your card\n\nTo activate your card, open the app.',
      position: 2,
      intents: ['activate_my_card', 'card_arrival'],
    });
    expect(document).toEqual({
      id: 'cards#2',
      text: 'Cards — Activating your card\n\nTo activate your card, open the app.',
      metadata: {
        article_id: 'cards',
        title: 'Cards',
        section: 'Activating your card',
        position: 2,
        intents: '|activate_my_card|card_arrival|',
      },
    });
    expect(String(document.metadata.intents).includes('|card_arrival|')).toBe(true);
    expect(String(document.metadata.intents).includes('|card|')).toBe(false);
  });

  it('store no intents as an empty string and read a missing or non-string value as none', () => {
    expect(intentsMetadata([])).toBe('');
    expect(intentsFromMetadata('')).toEqual([]);
    expect(intentsFromMetadata(undefined)).toEqual([]);
    expect(intentsFromMetadata(3)).toEqual([]);
  });

  it('read back exactly the intents they stored, for any subset of the taxonomy', () => {
    const ids = INTENTS.map((intent) => intent.id);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 8 }), (intents) => {
        expect(intentsFromMetadata(intentsMetadata(intents))).toEqual(intents);
      }),
    );
  });
});
