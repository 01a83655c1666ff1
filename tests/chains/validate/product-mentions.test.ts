import { describe, expect, it } from 'vitest';
import { findProductMentions } from '../../../chains/validate/product-mentions.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/product-catalog.ts';
import type { Product } from '../../../knowledge/schemas.ts';
import { FIXTURE_CATALOG } from './validation-fixture.ts';

function renamed(baseId: string, id: string, name: string): Product {
  const base = FIXTURE_CATALOG.find((product) => product.id === baseId);
  if (base === undefined) throw new Error(`the fixture catalogue has no ${baseId}`);
  return { ...base, id, name };
}

const EXTRA_PRODUCTS = [
  renamed('CC-01', 'CC-02', 'Voyager Travel Rewards Card'),
  renamed('SAV-02', 'SAV-05', 'Kids & College Saver'),
];
const WIDER_CATALOG = [...FIXTURE_CATALOG, ...EXTRA_PRODUCTS];

function mentioned(text: string, catalog = FIXTURE_CATALOG): Array<[string, string | null]> {
  return findProductMentions(text, catalog).map((mention) => [mention.text, mention.productId]);
}

describe('findProductMentions', () => {
  it('finds every real catalogue product by its name, and by nothing else', () => {
    for (const product of PRODUCT_CATALOG) {
      expect(mentioned(`I'd suggest the ${product.name} for you.`, PRODUCT_CATALOG)).toEqual([
        [product.name, product.id],
      ]);
    }
  });

  it('finds every real catalogue product by its id, in any case', () => {
    for (const product of PRODUCT_CATALOG) {
      expect(mentioned(`See ${product.id.toLowerCase()} for details.`, PRODUCT_CATALOG)).toEqual([
        [product.id.toLowerCase(), product.id],
      ]);
    }
  });

  it('matches distinctive names in any case, generic names only when written as a name', () => {
    expect(mentioned('the us total market index fund')).toEqual([['us total market index fund', 'FND-03']]);
    expect(mentioned('A Personal Loan from us')).toEqual([['Personal Loan', 'LN-02']]);
    expect(mentioned('a personal loan from anyone')).toEqual([]);
    expect(mentioned('Personal loans vary')).toEqual([]);
  });

  it('leaves generic lower-case product words alone', () => {
    expect(mentioned('Open a savings account, an index fund or use your credit card.')).toEqual([]);
    expect(
      mentioned('A Roth IRA, a Health Savings Account and a Certificate of Deposit are common.'),
    ).toEqual([]);
  });

  it('flags invented capitalised names, without the words that open the sentence', () => {
    expect(mentioned('The Platinum Growth Account is new.')).toEqual([['Platinum Growth Account', null]]);
    expect(mentioned('Consider our Golden Years Retirement Plan.')).toEqual([
      ['Golden Years Retirement Plan', null],
    ]);
    expect(mentioned('Try "Northwind Rewards Card" today')).toEqual([['Northwind Rewards Card', null]]);
    expect(mentioned('Our id MTG-99 is new')).toEqual([['MTG-99', null]]);
  });

  it('reads a shortened catalogue name as that product when only one fits', () => {
    expect(mentioned('The Voyager Card earns points.', WIDER_CATALOG)).toEqual([['Voyager Card', 'CC-02']]);
  });

  it('does not count a catalogue name twice when a noun follows it', () => {
    expect(mentioned('The Everyday Saver Account is simple.')).toEqual([['Everyday Saver', 'SAV-01']]);
  });

  it('allows "&" and "and", and a hyphen or a space, in a name', () => {
    expect(mentioned('The Kids and College Saver helps.', WIDER_CATALOG)).toEqual([
      ['Kids and College Saver', 'SAV-05'],
    ]);
    expect(mentioned('The High Yield Online Savings account')).toEqual([
      ['High Yield Online Savings', 'SAV-02'],
    ]);
  });
});
