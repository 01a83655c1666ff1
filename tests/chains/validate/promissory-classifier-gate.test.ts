import { describe, expect, it } from 'vitest';
import { findPromissoryLanguage, type PromissoryModel } from '../../../chains/validate/index.ts';
import { isClassifiable, reportsOnlyThePast } from '../../../chains/validate/promissory-classifier-gate.ts';
import { widenedThreshold } from '../../../chains/validate/promissory-model.ts';

/** A stand-in classifier that calls every sentence it is shown a promise: what is left is the gate's doing. */
const shown: string[] = [];
const rejectsEverything: PromissoryModel = {
  id: 'classifier:always',
  threshold: 0.5,
  probability(sentence) {
    shown.push(sentence);
    return 0.99;
  },
};
const detectors = (text: string) =>
  findPromissoryLanguage(text, rejectsEverything).map((issue) => issue.detectedBy);

describe('which sentences the promissory classifier may reject', () => {
  it.each([
    ["I'm sure you'll find the app easier once you've set it up.", 'no investment outcome'],
    ['Keep your PIN safe and never share it with anyone.', '"share" as a verb is not shares'],
    ['This fund had a loss of 9% in its worst year.', 'plain history'],
    ["The fund's value will rise and fall with the markets.", 'two-sided'],
    ["The fund's yield is currently 4.2%, but this can change.", 'hedged'],
    ['Our fixed-rate deposit pays a guaranteed 3% until maturity.', 'a genuinely guaranteed product'],
    ['Emerging market shares tend to be more volatile than developed market shares.', 'a tendency'],
    ['If markets fall, your investment will fall too.', 'a fall stated, not denied'],
    ["You won't lose your bonus if you make one withdrawal a year.", 'a perk, not money'],
    ['Your portfolio gained 8% last year, mostly from US shares.', 'plain history about your portfolio'],
    ['Your portfolio is down 4% this year so far.', 'where a balance stands now'],
    ['Returns from index funds will never beat the index, because of fees.', 'a gain denied'],
    ['This tracker pays no dividends; they are reinvested.', 'a payout denied'],
    ['If interest rates fall, this bond fund will gain in value.', 'a condition on the world'],
    ['When you retire, your pension will be paid into your current account.', 'a condition on the world'],
    [
      'Investing 200 a month at 6% a year, you will have about 33,000 after ten years.',
      'worked out from a stated rate',
    ],
    ['The trust has raised its dividend every year since 2004.', 'a record over a stated span'],
    ['Bank shares have risen this year.', 'plain history, irregular participle'],
  ])('leaves "%s" alone (%s)', (sentence) => {
    expect(isClassifiable(sentence)).toBe(false);
  });

  it.each([
    'This fund will double your money.',
    'With this plan you retire early, simple as that.',
    'We have never had a losing year and we never will.',
    'Everyone who invested last year made money, and you will too.',
    'Your investment is insured against losses and earns 7% a year.',
    'If you start today, your savings will double in five years.',
    'This portfolio will keep growing at 8% a year until you stop work.',
  ])('lets the classifier judge "%s"', (sentence) => {
    expect(isClassifiable(sentence)).toBe(true);
  });

  it('reads only past-tense, certainty-free clauses as history', () => {
    expect(reportsOnlyThePast('The index returned 8% last year.')).toBe(true);
    expect(reportsOnlyThePast('The index returned 8% last year and will do so again.')).toBe(false);
    expect(reportsOnlyThePast('The index returns 8% a year.')).toBe(false);
    expect(reportsOnlyThePast('It has paid a dividend every year for the past decade.')).toBe(true);
    expect(reportsOnlyThePast('It has paid a dividend every year since 2001 and always will.')).toBe(false);
  });
});

describe('what the classifier is shown inside the check', () => {
  it('never scores the fragment a blanked denial leaves behind', () => {
    shown.length = 0;
    expect(detectors('Nothing is certain in investing, including returns on this fund.')).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('still scores the clause after a denial that the sentence then contradicts', () => {
    shown.length = 0;
    expect(detectors('Nothing is certain, but this portfolio pays you a tidy income.')).toEqual([
      'classifier',
    ]);
    expect(shown).toEqual(['this portfolio pays you a tidy income.']);
  });

  it('does not count Markdown headings as sentences', () => {
    shown.length = 0;
    expect(detectors('## Your investment horizon\n\nShort horizons suit cash.')).toEqual([]);
    expect(shown).toEqual([]);
  });
});

describe('patterns and denials the whole sentence makes', () => {
  it('passes a universal denied inside the match ("not every year")', () => {
    expect(
      findPromissoryLanguage('The fund has had positive returns in most years, but not every year.'),
    ).toEqual([]);
    expect(findPromissoryLanguage('The fund has had positive returns every year.')).not.toEqual([]);
  });

  it('passes "… is not something we can offer"', () => {
    expect(
      findPromissoryLanguage("A guarantee that a fund can't lose is not something we or anyone can offer."),
    ).toEqual([]);
    expect(findPromissoryLanguage("This fund can't lose.")).not.toEqual([]);
  });
});

describe('facts about guaranteed products and denied generalisations', () => {
  it.each([
    'The one-year fixed bond pays a guaranteed 4.1% if you leave the money untouched.',
    "The savings rate is fixed, so it won't change during the term.",
    "It's not true that property prices always go up.",
    "Don't assume this fund will always beat inflation.",
    "You won't lose your interest if you withdraw early from the easy-access account.",
  ])('passes "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).toEqual([]);
  });

  it.each([
    'This fund pays a guaranteed 4.1% every year, whatever the markets do.',
    'Property prices always go up.',
    "You won't lose your capital in this fund.",
  ])('still rejects "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).not.toEqual([]);
  });

  it('does not let the classifier judge a two-sided "up and down"', () => {
    expect(isClassifiable('The value of your investment will go up and down.')).toBe(false);
  });
});

describe('paraphrased promises the structural check reads without the classifier', () => {
  it.each([
    'Within a year your money will have grown by a quarter.',
    'Invest with us and your capital stays intact while it grows.',
    "There's nothing to worry about; the fund only heads upwards.",
    'Expect a smooth 10% a year from this portfolio.',
    "You'll be sitting on a fortune by the time you retire.",
  ])('rejects "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence).map((issue) => issue.detectedBy)).toEqual(['structure']);
  });
});

describe('widenedThreshold', () => {
  it('raises the threshold to the lowest out-of-fold promissory score above it, ignoring rule-caught ones', () => {
    const scored = [
      { probability: 0.3, injection: false, byRule: false },
      { probability: 0.95, injection: true, byRule: true },
      { probability: 0.7, injection: true, byRule: false },
      { probability: 0.9, injection: true, byRule: false },
      { probability: 0.2, injection: true, byRule: false },
    ];
    expect(widenedThreshold(scored, 0.35)).toBe(0.7);
    expect(widenedThreshold(scored, 0.96)).toBe(0.96);
  });
});
