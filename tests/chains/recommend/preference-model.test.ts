import { describe, expect, it } from 'vitest';
import { PreferenceModel, SEGMENT_PRIOR } from '../../../chains/recommend/index.ts';

const SEGMENT = 'horizon:long|risk:medium|income:middle';
const OTHER_SEGMENT = 'horizon:short|risk:low|income:lower';

describe('PreferenceModel: known answers', () => {
  it('shrinks a segment mean toward 0 by n / (n + 5): three acceptances of +0.5 give 1.5 / 8', () => {
    expect(SEGMENT_PRIOR).toBe(5);
    const model = new PreferenceModel();
    for (const customerId of ['C-1', 'C-2', 'C-3']) model.record(customerId, SEGMENT, 'SAV-01', 0.5);
    // mean 0.5 × 3 / (3 + 5) = 0.1875 for a peer who said nothing; nothing for another segment.
    expect(Object.fromEntries(model.adjustmentsFor('C-4', SEGMENT))).toEqual({ 'SAV-01': 0.1875 });
    expect(model.adjustmentsFor('C-5', OTHER_SEGMENT).size).toBe(0);
    expect(model.adjustmentsFor('C-5', null).size).toBe(0);
  });

  it("lets a customer's own word on a product beat their segment's", () => {
    const model = new PreferenceModel();
    for (const customerId of ['C-1', 'C-2', 'C-3', 'C-4']) model.record(customerId, SEGMENT, 'FND-01', -0.5);
    expect(model.adjustmentsFor('C-9', SEGMENT).get('FND-01')).toBeCloseTo(-2 / 9, 12);
    model.record('C-5', SEGMENT, 'FND-01', 0.2);
    expect(model.adjustmentsFor('C-5', SEGMENT).get('FND-01')).toBe(0.2);
    // C-5's 👍 is pooled too: (−2 + 0.2) / (5 + 5) = −0.18 for everyone else in the segment.
    expect(model.adjustmentsFor('C-9', SEGMENT).get('FND-01')).toBeCloseTo(-0.18, 12);
  });

  it('caps own adjustments at ±1 and pools the capped value', () => {
    const model = new PreferenceModel();
    for (let time = 0; time < 3; time++) model.record('C-1', SEGMENT, 'CC-01', 0.5);
    expect(model.ownAdjustments('C-1').get('CC-01')).toBe(1);
    expect(model.segmentAdjustments(SEGMENT).get('CC-01')).toBeCloseTo(1 / 6, 12);
  });

  it('pools feedback given before the segment was known once it is', () => {
    const model = new PreferenceModel();
    model.record('C-1', null, 'SAV-01', 0.5);
    expect(model.segmentAdjustments(SEGMENT).size).toBe(0);
    model.record('C-1', SEGMENT, 'SAV-02', -0.5);
    expect(Object.fromEntries(model.segmentAdjustments(SEGMENT))).toEqual({
      'SAV-01': 0.5 / 6,
      'SAV-02': -0.5 / 6,
    });
  });

  it('counts showings per product and in all', () => {
    const model = new PreferenceModel();
    expect(model.exposure()).toEqual({ shown: new Map(), total: 0 });
    model.recordShown(['SAV-01', 'FND-01']);
    model.recordShown(['SAV-01']);
    expect(model.exposure()).toEqual({
      shown: new Map([
        ['SAV-01', 2],
        ['FND-01', 1],
      ]),
      total: 3,
    });
  });

  it('rejects a negative prior and a non-finite delta', () => {
    expect(() => new PreferenceModel({ segmentPrior: -1 })).toThrow(
      /segmentPrior must be a number ≥ 0, got -1/,
    );
    expect(() => new PreferenceModel().record('C-1', SEGMENT, 'SAV-01', Number.NaN)).toThrow(RangeError);
  });
});
