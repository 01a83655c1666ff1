import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audienceVoice } from '../../../chains/compose/audience-voice.ts';
import { rankProducts } from '../../../chains/recommend/rank-products.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/product-catalog.ts';
import { inputArbitrary, makeCustomer, makeInput, makeProduct } from './recommendation-fixtures.ts';

const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i;
/** The figures in reasons, with the customer id (a name, not a figure) taken out. */
const figuresOf = (texts: readonly string[], customerId: string) =>
  texts.flatMap((text) => text.replaceAll(customerId, '').match(/\d[\d,.]*/g) ?? []);

describe('audienceVoice', () => {
  it('speaks to the customer as "you" and to an advisor about the customer by id', () => {
    const customer = audienceVoice('customer', 'C-000042');
    const advisor = audienceVoice('advisor', 'C-000042');
    expect(`${customer.Subject} ${customer.verb('have', 'has')} a mortgage`).toBe('You have a mortgage');
    expect(`${advisor.Subject} ${advisor.verb('have', 'has')} a mortgage`).toBe('C-000042 has a mortgage');
    expect(`${advisor.Possessive} debt is 10% of ${advisor.pronounPossessive} income`).toBe(
      "C-000042's debt is 10% of their income",
    );
    expect(advisor.profile).toBe("C-000042's profile");
  });
});

describe('rankProducts reasons by audience', () => {
  // Horizon 1 with savings: the "savings and a horizon" reason behind income products.
  const saver = makeCustomer({
    customer_id: 'C-000042',
    savings_balance: 1_015_800,
    investment_horizon_years: 1,
    debt_balance: 0,
  });
  const catalog = [
    makeProduct({ id: 'INC-01', tags: ['income'] }),
    makeProduct({ id: 'SAV-01', tags: ['emergency_fund'] }),
  ];
  const spending = { monthlySpendByCategory: {}, avgMonthlySpend: 0, savingsRatio: 0.02, spendTrend: 0 };

  it('a customer reads "You have …"; their advisor reads "C-000042 has …" with the same figures', () => {
    const forCustomer = rankProducts(makeInput({ customer: saver, spending }), catalog).flatMap(
      (item) => item.reasons,
    );
    const forAdvisor = rankProducts(
      makeInput({ customer: saver, spending, audience: 'advisor' }),
      catalog,
    ).flatMap((item) => item.reasons);
    expect(forCustomer).toContain('You have $1,015,800 in savings and a 1-year horizon');
    expect(forCustomer).toContain('You keep about 2% of your income after spending');
    expect(forAdvisor).toContain('C-000042 has $1,015,800 in savings and a 1-year horizon');
    expect(forAdvisor).toContain('C-000042 keeps about 2% of their income after spending');
    expect(forAdvisor.join(' ')).not.toMatch(SECOND_PERSON);
    expect(figuresOf(forAdvisor, 'C-000042')).toEqual(figuresOf(forCustomer, 'C-000042'));
  });

  it('no advisor reason over the real catalogue addresses the reader as "you", and the figures match the customer’s', () => {
    fc.assert(
      fc.property(inputArbitrary(PRODUCT_CATALOG), (input) => {
        const forCustomer = rankProducts(input, PRODUCT_CATALOG).flatMap((item) => item.reasons);
        const forAdvisor = rankProducts({ ...input, audience: 'advisor' }, PRODUCT_CATALOG).flatMap(
          (item) => item.reasons,
        );
        for (const reason of forAdvisor) expect(reason).not.toMatch(SECOND_PERSON);
        expect(forCustomer.join(' ')).not.toContain(input.customer.customer_id);
        // The same figures, in whatever order each voice's sentence puts them (seed 957563618 found a 20-year
        // horizon named at another place in the advisor's sentence).
        expect(figuresOf(forAdvisor, input.customer.customer_id).sort()).toEqual(
          figuresOf(forCustomer, input.customer.customer_id).sort(),
        );
      }),
      { numRuns: 200 },
    );
  });
});
