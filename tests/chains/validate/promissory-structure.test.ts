import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPromissoryLanguage } from '../../../chains/validate/index.ts';
import { findStructuralPromises } from '../../../chains/validate/promissory-structure.ts';

const cues = (text: string) => findStructuralPromises(text).map((promise) => promise.cue);

describe('findStructuralPromises: certainty about an investment outcome', () => {
  it.each([
    ['Rest easy, this fund keeps making money.', 'rest easy'],
    ['The commodity fund cannot help but go up this year.', 'cannot help but'],
    ['Stop worrying about crashes, this fund is crash-proof.', 'crash-proof'],
    ['Every investor in this scheme has doubled their money, and you will too.', 'and you will too'],
    ['This fund pays 9% and your principal is never touched by losses.', 'never touched by'],
  ])('reads "%s" as a promise (cue "%s")', (sentence, cue) => {
    expect(cues(sentence)).toEqual([cue]);
  });

  it.each([
    // negated, hedged, reported, two-sided, or a guarantee the product really has
    'We cannot be certain the fund will grow.',
    'Your money could grow in this fund, but it could also fall.',
    'Anyone promising you a sure win is probably trying to scam you.',
    'It would be wrong to say this fund cannot fall.',
    'Some years the fund will fall, and some years it will rise.',
    'Your fixed-rate savings bond is guaranteed to pay 4% for three years.',
    'Deposits up to the limit are guaranteed by the national deposit insurance scheme.',
    // certainty about something that is not an investment outcome
    'Your card will definitely arrive by Friday.',
    'Be sure to review your portfolio once a year.',
  ])('passes "%s"', (sentence) => {
    expect(cues(sentence)).toEqual([]);
  });

  it('keeps a comparison with a guaranteed product a promise', () => {
    expect(findPromissoryLanguage('This fund is as safe as a bank deposit but pays much more.')).not.toEqual(
      [],
    );
    expect(
      findPromissoryLanguage('You will earn more than in a savings account, that is a certainty.'),
    ).not.toEqual([]);
  });

  it('reports the clause, not the whole reply, through the validator', () => {
    expect(
      findPromissoryLanguage(
        'Fees are listed below. Rest easy, this fund keeps making money. Ask if unsure.',
      ),
    ).toEqual([
      {
        reason: 'promissory_language',
        phrase: 'Rest easy, this fund keeps making money.',
        detectedBy: 'structure',
      },
    ]);
  });
});

describe('findPromissoryLanguage: sentences do not change each other’s verdict (property)', () => {
  const promissory = [
    'You literally cannot lose with the dividend fund.',
    'Your returns on this fund are locked in.',
    'This portfolio will beat the market every single year.',
    'There is zero chance this investment falls in value.',
  ];
  const compliant = [
    'Investments can fall as well as rise.',
    'We cannot promise any return on this fund.',
    'Your card will arrive within five working days.',
    'A fixed-term deposit pays a guaranteed rate for its term.',
  ];
  it('a promise is found wherever it sits among compliant sentences, and compliant ones stay clean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...compliant), { maxLength: 4 }),
        fc.constantFrom(...promissory),
        fc.nat(4),
        (around, promise, position) => {
          expect(findPromissoryLanguage(around.join(' '))).toEqual([]);
          const reply = [...around.slice(0, position), promise, ...around.slice(position)].join(' ');
          expect(findPromissoryLanguage(reply)).toHaveLength(1);
        },
      ),
    );
  });
});
