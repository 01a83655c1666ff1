import { describe, expect, it } from 'vitest';
import { parseIntentsMetadata } from '../../../chains/retrieve/retriever.ts';

describe('parseIntentsMetadata (contract 1: Chroma metadata `intents` = "|id1|id2|")', () => {
  it('reads the ids between the bars, and nothing from a missing or non-text value', () => {
    expect(parseIntentsMetadata('|card_arrival|card_delivery_estimate|')).toEqual([
      'card_arrival',
      'card_delivery_estimate',
    ]);
    expect(parseIntentsMetadata('|financial_education|')).toEqual(['financial_education']);
    expect(parseIntentsMetadata(undefined)).toEqual([]);
    expect(parseIntentsMetadata(42)).toEqual([]);
  });
});
