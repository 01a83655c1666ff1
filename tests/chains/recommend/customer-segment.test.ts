import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSegment } from '../../../chains/recommend/index.ts';
import { type Customer, GENDERS } from '../../../knowledge/schemas.ts';
import { customerArbitrary, makeCustomer } from './recommendation-fixtures.ts';

describe('customerSegment', () => {
  it('bands horizon (≤5, ≤15, more), risk tolerance and income (<40k, <90k, more)', () => {
    const key = (investment_horizon_years: number, income: number) =>
      customerSegment(makeCustomer({ investment_horizon_years, income, risk_tolerance: 'high' }));
    expect(key(5, 39_999)).toBe('horizon:short|risk:high|income:lower');
    expect(key(6, 40_000)).toBe('horizon:medium|risk:high|income:middle');
    expect(key(15, 89_999)).toBe('horizon:medium|risk:high|income:middle');
    expect(key(16, 90_000)).toBe('horizon:long|risk:high|income:upper');
  });

  it('never depends on gender or age', () => {
    fc.assert(
      fc.property(
        customerArbitrary,
        fc.constantFrom(...GENDERS),
        fc.integer({ min: 18, max: 100 }),
        (customer, gender, age) => {
          const changed: Customer = { ...customer, gender, age };
          expect(customerSegment(changed)).toBe(customerSegment(customer));
        },
      ),
    );
  });
});
