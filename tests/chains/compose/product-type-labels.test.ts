import { describe, expect, it } from 'vitest';
import { ChainError } from '../../../chains/chain-error.ts';
import { productTypeLabel } from '../../../chains/compose/product-type-labels.ts';
import { PRODUCT_TYPES } from '../../../knowledge/schemas.ts';

describe('productTypeLabel: one table of product-type names per reply language', () => {
  it('names a fund in English, German and Spanish; a regional tag takes its language', () => {
    expect(productTypeLabel('fund')).toBe('investment fund');
    expect(productTypeLabel('fund', 'de')).toBe('Investmentfonds');
    expect(productTypeLabel('credit_card', 'de-AT')).toBe('Kreditkarte');
    expect(productTypeLabel('savings', 'es_MX')).toBe('cuenta de ahorro');
  });

  it('gives English for a language without texts, and spaces for an unknown type rather than hiding it', () => {
    expect(productTypeLabel('mortgage', 'fr')).toBe('mortgage');
    expect(productTypeLabel('green_bond', 'de')).toBe('green bond');
  });

  it('has a label for every catalogue type in every language, none of them the raw type id', () => {
    for (const language of ['en', 'de', 'es']) {
      const labels = PRODUCT_TYPES.map((type) => productTypeLabel(type, language));
      for (const label of labels) expect(label).not.toMatch(/_/);
      expect(new Set(labels).size).toBe(PRODUCT_TYPES.length);
    }
  });

  it('rejects a malformed language tag, naming it', () => {
    expect(() => productTypeLabel('fund', 'not a tag')).toThrow(ChainError);
    expect(() => productTypeLabel('fund', 'not a tag')).toThrow(/"not a tag" is not a language tag/);
  });
});
