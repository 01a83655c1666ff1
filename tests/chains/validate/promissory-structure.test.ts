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
    ['Put in €500 a month and you will have half a million by retirement.', 'will have half a million'],
    ['Historically this fund has always gone up, so it will keep going up.', 'will keep going up'],
    ['The fund is immune to recessions and keeps delivering profits.', 'immune to'],
    ['Your deposit in our crypto vault is safe and will earn 20% a year.', 'will earn'],
    ["I'm confident the fund will deliver double-digit growth again next year.", "i'm confident"],
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
    // legal and contractual guarantees, and certainty about something other than the outcome
    'The state pension is guaranteed by law, though the amount and the age can change.',
    'The guaranteed element of your with-profits policy is stated in your annual statement.',
    'The capital guarantee only applies if you hold the product until the end of the term.',
    "I'm confident this portfolio matches the risk level you chose.",
    'Your savings will earn interest at the variable rate shown on your statement.',
    "Your pension will never be touched by your employer's creditors, because it is held in trust.",
    'Cash is safe from market falls, but not from inflation.',
  ])('passes "%s"', (sentence) => {
    expect(cues(sentence)).toEqual([]);
  });

  it('reads a sentence that names deposit protection as that protection, not a promise', () => {
    expect(
      findPromissoryLanguage('Your money is safe with us: deposits are protected by the FSCS up to £85,000.'),
    ).toEqual([]);
    expect(findPromissoryLanguage('Your money is safe with us and grows 9% a year.')).not.toEqual([]);
  });

  it('keeps a comparison with a guaranteed product a promise', () => {
    expect(findPromissoryLanguage('This fund is as safe as a bank deposit but pays much more.')).not.toEqual(
      [],
    );
    expect(
      findPromissoryLanguage('You will earn more than in a savings account, that is a certainty.'),
    ).not.toEqual([]);
    expect(findPromissoryLanguage('Our bonds pay 10% and are as safe as a government bond.')).not.toEqual([]);
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

describe('findPromissoryLanguage: a guaranteed product named as the benchmark, not the subject', () => {
  it.each([
    // the deposit, state pension or savings account is what the promise is measured against
    'Our equity fund will definitely outperform a savings account over any ten years.',
    'This plan will certainly pay more than the state pension, whatever happens.',
    'The portfolio is guaranteed to deliver returns superior to a bank deposit.',
    // a deposit that is not a bank deposit, a product only styled as a guaranteed one
    'The fund will certainly cover your home deposit by next spring.',
    'With our deposit-like bond fund, your returns are guaranteed.',
    // outcome verbs beyond "rise": reaching a figure, getting more back, a fall denied in other words
    'Silver is going to hit $60 an ounce before the year is out.',
    'You will certainly get more back than you paid in.',
    'Rest assured the units will not sink below what you paid for them.',
    'Clients who invest with us never finish a quarter in the red.',
    'You can be sure of a healthy profit on this trade.',
    'A losing year is virtually impossible with this allocation.',
    'The returns this fund has made will carry on for years to come.',
    'Your portfolio is fully insured against market losses.',
    // a condition that is only the customer's buying does not soften a forecast; life outcomes
    'If you join the plan now, your grandchildren will be millionaires.',
    "You'll definitely be debt-free by 45 if you switch your savings to us.",
    "Open the account and your family's future is taken care of, no matter what.",
    'Trust me, the pound is going to climb against the dollar.',
    'Nothing can stop this fund from tripling.',
    'Bank shares are heading for new record highs this spring.',
  ])('rejects "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).not.toEqual([]);
  });

  it.each([
    // contract terms, wishes, denials and choices the customer makes: cautions and facts
    'The insurer guarantees your premiums will stay fixed for the whole policy term.',
    'Some accounts guarantee the interest rate for a year; investment funds guarantee nothing.',
    "I'd like to tell you this fund never falls, but it does.",
    "I don't want you to think the bond can't drop in value; it can.",
    'No planner can guarantee that prices will recover by a certain date.',
    'Only invest if you are willing to take the risk of losing some of your money.',
    'Understanding how exchange rates work means no surprises when you get home.',
    'You cannot count on the fund paying out the same income every year.',
    'Rest assured, your adviser will go through your retirement plan with you.',
    'If you invest 150 a month at 4% a year, you will have about 22,000 after ten years.',
  ])('passes "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).toEqual([]);
  });
});

describe('findPromissoryLanguage: certainty that a credit application succeeds', () => {
  it.each([
    'Your personal loan will definitely be approved.',
    'Consider the overdraft as good as approved.',
    'We guarantee acceptance for every card applicant.',
    'For a customer with your salary the credit check is only a formality.',
  ])('rejects "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).not.toEqual([]);
  });

  it.each([
    'Approval is not guaranteed and depends on our credit checks.',
    'Applying does not mean your mortgage will be approved.',
    'If approved, the money will be in your account within two working days.',
    'Your contactless payment will be accepted wherever you see the symbol.',
  ])('passes "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).toEqual([]);
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
