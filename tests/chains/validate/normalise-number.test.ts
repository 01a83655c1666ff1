import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameFigure, readNumber } from '../../../chains/validate/normalise-number.ts';
import { findNumberMentions } from '../../../chains/validate/number-mentions.ts';

describe('readNumber: known answers', () => {
  it.each([
    ['$1,200', 1200, 100],
    ['$1.2k', 1200, 100],
    ['1,200 dollars', 1200, 100],
    ['$42,000', 42_000, 1000],
    ['42000.00', 42_000, 0.01],
    ['$41,873.55', 41_873.55, 0.01],
    ['4.5%', 4.5, 0.1],
    ['4.50%', 4.5, 0.01],
    ['4.5 percent', 4.5, 0.1],
    ['4.5 per cent', 4.5, 0.1],
    ['$2.5m', 2_500_000, 100_000],
    ['3 million', 3_000_000, 1_000_000],
    ['USD 250', 250, 10],
    ['$0', 0, 1],
    ['15', 15, 1],
    ['2,055', 2055, 1],
    ['100', 100, 10],
    ['$.5', 0.5, 0.1],
  ])('%s is %d, written to the nearest %d', (text, value, step) => {
    const reading = readNumber(text);
    expect(reading?.value).toBeCloseTo(value, 9);
    expect(reading?.step).toBeCloseTo(step, 12);
  });

  it.each(['', 'abc', '1,20', '$', '4.5.6', '12-Month', 'SAV-01'])('%s is not a number', (text) => {
    expect(readNumber(text)).toBeNull();
  });
});

describe('isSameFigure: known answers', () => {
  it.each([
    ['$42,000', 42_000.0, true],
    ['$42,000', 41_873.55, true],
    ['$42,000', 41_400, false],
    ['$40,000', 41_873.55, false],
    ['4.5%', 4.5, true],
    ['4.50%', 4.5, true],
    ['4.5%', 4.1, false],
    ['2.8%', 2.75, true],
    ['4%', 4.1, true],
    ['4.0%', 4.1, false],
    ['$18,450.75', 18_450.75, true],
    ['$18,450.00', 18_450.75, false],
    ['$18.5k', 18_450.75, true],
    ['$1.2k', 1234, true],
    ['$1.2k', 1300, false],
  ])('%s quotes %d: %s', (text, source, expected) => {
    const reading = readNumber(text);
    expect(reading).not.toBeNull();
    if (reading !== null) expect(isSameFigure(reading, source)).toBe(expected);
  });
});

describe('findNumberMentions', () => {
  it('finds money, percentages and plain numbers with their kinds', () => {
    const mentions = findNumberMentions('Save $1,200 at 4.5% for 15 years, or 1.2k dollars at 4 percent.');
    expect(mentions.map((mention) => [mention.text, mention.kind, mention.reading.value])).toEqual([
      ['$1,200', 'money', 1200],
      ['4.5%', 'percent', 4.5],
      ['15', 'plain', 15],
      ['1.2k dollars', 'money', 1200],
      ['4 percent', 'percent', 4],
    ]);
  });

  it('reads both ends of a range and skips ordinals and words with digits', () => {
    const mentions = findNumberMentions('Cards arrive in 5-7 days; the 1st payment is due; 3x points.');
    expect(mentions.map((mention) => mention.reading.value)).toEqual([5, 7]);
  });
});

describe('readNumber: properties', () => {
  it('never throws, and any reading is finite with a positive step', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const reading = readNumber(text);
        return reading === null || (Number.isFinite(reading.value) && reading.step > 0);
      }),
    );
  });

  it('reads back any whole amount written with thousands separators and a currency sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (amount) => {
        const reading = readNumber(`$${amount.toLocaleString('en-US')}`);
        return reading !== null && reading.value === amount && isSameFigure(reading, amount);
      }),
    );
  });

  it('reads back any amount written to the cent, and treats it as exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (cents) => {
        const value = cents / 100;
        const text = value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const reading = readNumber(`$${text}`);
        return (
          reading !== null &&
          Math.abs(reading.value - value) < 1e-9 &&
          reading.step === 0.01 &&
          isSameFigure(reading, value) &&
          !isSameFigure(reading, value + 0.02)
        );
      }),
    );
  });

  it('matches a source figure rounded to the nearest unit, thousand or tenth, in every notation', () => {
    fc.assert(
      fc.property(fc.double({ min: 1000, max: 1e7, noNaN: true }), (source) => {
        const unit = readNumber(`$${Math.round(source).toLocaleString('en-US')}`);
        const thousands = readNumber(`$${(source / 1000).toFixed(1)}k`);
        const words = readNumber(`${Math.round(source).toLocaleString('en-US')} dollars`);
        return [unit, thousands, words].every((reading) => reading !== null && isSameFigure(reading, source));
      }),
    );
  });

  it('matches a percentage to any number of decimals it was rounded to, and not a different one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 3 }),
        (hundredths, decimals) => {
          const rate = hundredths / 100;
          const reading = readNumber(`${rate.toFixed(decimals)}%`);
          const reworded = readNumber(`${rate.toFixed(decimals)} percent`);
          return (
            reading !== null &&
            reworded !== null &&
            isSameFigure(reading, rate) &&
            isSameFigure(reworded, rate) &&
            !isSameFigure(reading, rate + reading.step * 1.01)
          );
        },
      ),
    );
  });
});
