import { describe, expect, it } from 'vitest';
import { checkLanguage } from '../../../chains/guard/language-check.ts';
import { LANGUAGE_PATTERNS } from '../../../chains/guard/language-patterns.ts';

/** [reply, a phrase that must be reported] — at least one sentence per pattern. */
const FLAGGED: [string, string][] = [
  ['As a woman, you might prefer a safer savings account.', 'As a woman'],
  ['As a mother you should put the children first and avoid funds.', 'As a mother'],
  ['Ladies usually prefer low-risk products.', 'Ladies usually'],
  ['Women tend to be more cautious investors, so here is a bond fund.', 'Women tend to'],
  ['Men are better with investments, so the growth fund suits you.', 'Men are'],
  ['You’ll manage money better than most women.', 'better than most women'],
  ["At your age you shouldn't take on a mortgage.", 'At your age'],
  ['For someone your age, a growth fund is too risky.', 'someone your age'],
  ['Old people find mobile banking confusing.', 'Old people'],
  ["Seniors usually can't keep up with online banking.", 'Seniors usually'],
  ['Young people like you waste money on travel.', 'Young people like you'],
  ['Millennials are bad at saving, so start small.', 'Millennials are'],
  ["Because you're female, we suggest the conservative fund.", "Because you're female"],
  ['Since you are over 60, equities are off the table.', 'Since you are over 60'],
  ["You're too young to worry about retirement.", "You're too young"],
  ['Your age means you can’t get a 30-year mortgage.', 'Your age means'],
  ['We looked at your gender when choosing these products.', 'your gender'],
  ['Based on your religion, we excluded interest-bearing accounts.', 'Based on your religion'],
  ['Your ethnicity suggests you prefer cash.', 'Your ethnicity'],
  ["As a Muslim, you can't use a credit card.", 'As a Muslim'],
  ['Immigrants usually send most of their money home.', 'Immigrants usually'],
  ['People from your country rarely invest in stocks.', 'People from your country'],
  ['In your culture, families usually save in gold.', 'In your culture, families'],
  ['The man of the house should choose the mortgage.', 'man of the house'],
  ['Leave the investing to your husband.', 'Leave the investing to your husband'],
  ['Ask your husband to approve the loan application.', 'Ask your husband to approve'],
  ['Like most women, you will want a low-risk option.', 'Like most women'],
  ['Ladies like you love our cashback card.', 'Ladies like you'],
  ['Investing in emerging markets is not for women.', 'is not for women'],
  ["Don't be an emotional woman about market dips.", 'emotional woman'],
  ['Relax, sweetheart, we will handle the paperwork.', 'sweetheart'],
  ['Are you planning to have children soon? That affects the loan.', 'Are you planning to have children'],
  ['You people always pay late.', 'You people'],
  ['Where are you really from? That decides the fund.', 'Where are you really from'],
];

/** Replies that mention age, family, horizons or eligibility as facts, and must pass. */
const SAFE: string[] = [
  'Your investment horizon of 25 years suits a growth fund.',
  'The standard retirement age of 67 applies to full Social Security benefits.',
  'At the age of 67 you can claim full benefits.',
  'This annuity is available to customers aged 50 to 85.',
  'The Voyager card needs you to be at least 21 years old.',
  'Customers like you often choose the Everyday Saver.',
  '12 of 20 similar customers hold the Voyager Travel Rewards Card.',
  'We never make recommendations based on your gender.',
  'Your gender plays no part in what we recommend.',
  'Our recommendations are not based on your nationality or religion.',
  'Regardless of your age, an emergency fund of three to six months of spending is a sound first step.',
  'With a medium risk tolerance, a balanced fund keeps risk moderate.',
  'If you are the main breadwinner, income protection insurance replaces part of your pay.',
  'As a first-time buyer, you could look at the First-Time Buyer Mortgage.',
  'As a manager with a steady income, you may qualify for the Premier Rewards Card.',
  'It is offered as a white-label product by our partner bank.',
  'Because you spend about $420 a month on travel, the travel card earns points on it.',
  'Your savings cover about 2 months of spending.',
  'If you have children, the Kids & College Saver lets relatives contribute.',
  'Seniors are eligible for the same fee-free account as everyone else.',
  'Scammers often target older people, so never share your PIN.',
  'The fund’s value can go down as well as up.',
];

describe('checkLanguage', () => {
  it('has at least 25 patterns', () => {
    expect(LANGUAGE_PATTERNS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(LANGUAGE_PATTERNS.map((rule) => rule.id)).size).toBe(LANGUAGE_PATTERNS.length);
  });

  it.each(FLAGGED)('flags %j', (reply, phrase) => {
    const verdict = checkLanguage(reply);
    expect(verdict.flagged).toBe(true);
    expect(verdict.phrases.map((found) => found.toLowerCase())).toContain(phrase.toLowerCase());
  });

  it.each(SAFE)('passes %j', (reply) => {
    expect(checkLanguage(reply)).toEqual({ flagged: false, phrases: [] });
  });

  it('exercises every pattern with at least one flagged sentence', () => {
    const unused = LANGUAGE_PATTERNS.filter(
      ({ pattern }) => !FLAGGED.some(([reply]) => new RegExp(pattern.source, pattern.flags).test(reply)),
    ).map((rule) => rule.id);
    expect(unused).toEqual([]);
  });

  it('reports each phrase once, in order of appearance, in a longer reply', () => {
    const reply =
      'Thanks for asking. As a woman, you may want the Everyday Saver. We never look at your gender. ' +
      'Honestly, at your age the index fund is too much. As a woman, think about it.';
    expect(checkLanguage(reply).phrases).toEqual(['As a woman', 'at your age']);
  });

  it('still flags a negated attribute mention when the negation is in another sentence', () => {
    expect(checkLanguage('That is not all. Your gender matters here.').phrases).toEqual(['Your gender']);
  });
});
