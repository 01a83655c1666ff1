import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FairnessReport,
  gapChange,
  isReversal,
  populationFairnessReport,
  renderFairnessReport,
} from '../../../chains/eval/fairness/index.ts';
import { generateDataset } from '../../../knowledge/generate/index.ts';
import { type Dataset, loadDataset } from '../../../knowledge/preprocess/index.ts';

const root = await mkdtemp(path.join(tmpdir(), 'data-vs-model-test-'));
let biased: Dataset;
let report: FairnessReport;

beforeAll(async () => {
  const dir = path.join(root, 'biased');
  await generateDataset({ customers: 1500, seed: 5, outDir: dir, injectBias: 'gender' });
  biased = await loadDataset(dir);
  report = populationFairnessReport(biased, { source: 'the generated data' });
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Fund adoption DI Female vs Male counted straight from the tables, independently of the report code. */
function fundAdoptionDi(dataset: Dataset): number {
  const funds = new Set(
    dataset.products.filter((product) => product.type === 'fund').map((product) => product.id),
  );
  const holders = new Set(
    dataset.adoptions
      .filter((adoption) => funds.has(adoption.product_id))
      .map((adoption) => adoption.customer_id),
  );
  const rate = (gender: string) => {
    const group = dataset.customers.filter((customer) => customer.gender === gender);
    return group.filter((customer) => holders.has(customer.customer_id)).length / group.length;
  };
  return rate('Female') / rate('Male');
}

describe('data bias vs model bias on a --inject-bias gender dataset', () => {
  it("shows the injected gap in the data's fund adoption and the recommender narrowing it", () => {
    const row = report.dataVersusModel?.rows.find(
      (candidate) =>
        candidate.outcome === 'fund' &&
        candidate.attribute === 'gender' &&
        candidate.unprivileged === 'Female',
    );
    expect(row?.data.disparateImpact).toBeCloseTo(fundAdoptionDi(biased), 12);
    expect(row?.data.verdict).toBe('outside_band');
    expect(row?.data.disparateImpact).toBeLessThan(0.7);
    expect(row?.model.verdict).toBe('within_band');
    expect(row?.change).toBe('narrows');
  });

  it('says it in the text report, data DI → model DI with the direction', () => {
    const text = renderFairnessReport(report, { detail: 'overall' }).join('\n');
    expect(text).toMatch(/gender Female vs Male, fund: data DI 0\.\d{3} → model DI \d\.\d{3}: narrows/);
    expect(text).toContain('Age, conditional on investment horizon');
  });
});

describe('isReversal', () => {
  it('is true only when the two DIs favour different groups, each clearly', () => {
    expect(isReversal(0.5, 1.5)).toBe(true);
    expect(isReversal(44.1, 0.073)).toBe(true);
    expect(isReversal(0.5, 0.9)).toBe(false);
    expect(isReversal(0.5, 1.01)).toBe(false);
    // 1.027 is too close to parity to say the model favours the other group.
    expect(isReversal(0.873, 1.027)).toBe(false);
    expect(isReversal(null, 1.5)).toBe(false);
  });
});

describe('gapChange (hand-computed)', () => {
  const within = 'within_band' as const;
  it('compares |ln DI|, so 0.5 → 2 is about the same distance from parity and 0.5 → 0.9 narrows', () => {
    expect(
      gapChange({ disparateImpact: 0.5, verdict: within }, { disparateImpact: 2, verdict: within }),
    ).toBe('about the same');
    expect(
      gapChange({ disparateImpact: 0.5, verdict: within }, { disparateImpact: 0.9, verdict: within }),
    ).toBe('narrows');
    expect(
      gapChange({ disparateImpact: 0.9, verdict: within }, { disparateImpact: 1.3, verdict: within }),
    ).toBe('widens');
    expect(
      gapChange({ disparateImpact: 0.5, verdict: 'untestable' }, { disparateImpact: 1, verdict: within }),
    ).toBe('untestable');
  });
});
