import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  auditCsv,
  FairnessInputError,
  parseProtectedColumn,
  parseValueLabels,
} from '../../../chains/eval/fairness/index.ts';

const root = await mkdtemp(path.join(tmpdir(), 'csv-audit-groups-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function table(name: string, lines: readonly string[]): Promise<string> {
  const file = path.join(root, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** `count` rows of `age,approved` at the given ages (cycled), the first `approved` of them approved. */
function ageRows(count: number, approved: number, ages: readonly number[]): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${ages[index % ages.length]},${index < approved ? 'yes' : 'no'}`,
  );
}

// 10 customers aged 19–25 (25 included), 4 approved; 20 aged 26–70, 12 approved.
// Young 4/10 = 0.4, older 12/20 = 0.6 → DI = 0.4 / 0.6 = 0.6667, SPD = 0.4 − 0.6 = −0.2.
const AGES = ['age,approved', ...ageRows(10, 4, [19, 22, 25]), ...ageRows(20, 12, [26, 40, 70])];

describe('auditCsv with a numeric group', () => {
  it('splits age>25 into "age > 25" (privileged) and "age <= 25" with the hand-computed DI and SPD', async () => {
    const file = await table('ages.csv', AGES);
    const report = await auditCsv(file, {
      protected: [parseProtectedColumn('age>25')],
      favourable: { column: 'approved', values: ['yes'] },
    });
    const attribute = report.sections[0]?.attributes[0];
    expect(attribute?.comparisons).toHaveLength(1);
    const [young] = attribute?.comparisons ?? [];
    expect(young?.unprivileged).toMatchObject({ group: 'age <= 25', size: 10, favourable: 4 });
    expect(young?.privileged).toMatchObject({ group: 'age > 25', size: 20, favourable: 12 });
    expect(young?.disparateImpact.value).toBeCloseTo(2 / 3, 12);
    expect(young?.statisticalParityDifference.value).toBeCloseTo(-0.2, 12);
    expect(young?.fourFifths).toBe(true);
  });

  it('gives the same figures with the other operators drawing the same line (>=26, <=25 privileged inverted)', async () => {
    const file = await table('ages-2.csv', AGES);
    const favourable = { column: 'approved', values: ['yes'] };
    const atLeast = await auditCsv(file, { protected: [parseProtectedColumn('age >= 26')], favourable });
    const [same] = atLeast.sections[0]?.attributes[0]?.comparisons ?? [];
    expect([same?.unprivileged.group, same?.privileged.group]).toEqual(['age < 26', 'age >= 26']);
    expect(same?.disparateImpact.value).toBeCloseTo(2 / 3, 12);
    // The young as the reference group: older 0.6 / young 0.4 = 1.5, SPD +0.2.
    const inverted = await auditCsv(file, { protected: [parseProtectedColumn('age<=25')], favourable });
    const [older] = inverted.sections[0]?.attributes[0]?.comparisons ?? [];
    expect([older?.unprivileged.group, older?.privileged.group]).toEqual(['age > 25', 'age <= 25']);
    expect(older?.disparateImpact.value).toBeCloseTo(1.5, 12);
    expect(older?.statisticalParityDifference.value).toBeCloseTo(0.2, 12);
  });

  it('names the line of a value that is not a number, and a threshold no row passes', async () => {
    const favourable = { column: 'approved', values: ['yes'] };
    const bad = await table('bad-age.csv', ['age,approved', '30,yes', 'thirty,no']);
    await expect(auditCsv(bad, { protected: [parseProtectedColumn('age>25')], favourable })).rejects.toThrow(
      'bad-age.csv line 3: column "age" must hold a number for a numeric group, got "thirty"',
    );
    const file = await table('ages-3.csv', AGES);
    await expect(
      auditCsv(file, { protected: [parseProtectedColumn('age>=200')], favourable }),
    ).rejects.toThrow('ages-3.csv: no row is in the group age >= 200 (groups found: age < 200)');
  });

  it('reads the flag forms and refuses malformed ones', () => {
    expect(parseProtectedColumn('age<=25')).toEqual({
      column: 'age',
      threshold: { operator: '<=', value: 25 },
    });
    expect(parseProtectedColumn('sex=A91,A93')).toEqual({ column: 'sex', privileged: ['A91', 'A93'] });
    expect(() => parseProtectedColumn('age>=twenty')).toThrow(
      '--protected "age>=twenty": expected a number after >=, got "twenty"',
    );
    expect(() => parseProtectedColumn('age')).toThrow('--protected must look like');
    expect(parseValueLabels(['credit=1:good,2:bad'])).toEqual({ credit: { '1': 'good', '2': 'bad' } });
    expect(() => parseValueLabels(['credit=1'])).toThrow('--labels credit: "1" must look like CODE:label');
  });
});

// German-credit style: `;`-separated, coded sex/status, credit 1 = good, 2 = bad, a quoted field with a comma.
// Female (A92): 8 rows, 5 good → 0.625. Male (A91: 4 rows, 3 good; A93: 8 rows, 7 good) → 10/12 = 0.8333.
// DI = 0.625 / 0.8333 = 0.75; SPD = 0.625 − 0.8333 = −0.2083.
function creditRows(status: string, count: number, good: number): string[] {
  return Array.from({ length: count }, (_, index) => `${status};"radio, TV";${index < good ? 1 : 2}`);
}
const CREDIT = [
  'personal_status;purpose;credit',
  ...creditRows('A91', 4, 3),
  ...creditRows('A92', 8, 5),
  ...creditRows('A93', 8, 7),
];
const LABELS = parseValueLabels([
  'personal_status=A91:male divorced,A92:female,A93:male single',
  'credit=1:good,2:bad',
]);

describe('auditCsv on a ;-separated file with coded values', () => {
  it('detects the delimiter, shows labels, and gives the hand-computed DI 0.75 and SPD −0.2083', async () => {
    const file = await table('credit.csv', CREDIT);
    const report = await auditCsv(file, {
      protected: [parseProtectedColumn('personal_status=A91,A93')],
      favourable: { column: 'credit', values: ['good'] },
      labels: LABELS,
    });
    const [female] = report.sections[0]?.attributes[0]?.comparisons ?? [];
    expect(female?.unprivileged).toMatchObject({ group: 'female', size: 8, favourable: 5 });
    expect(female?.privileged).toMatchObject({
      group: 'male divorced or male single',
      size: 12,
      favourable: 10,
    });
    expect(female?.disparateImpact.value).toBeCloseTo(0.75, 12);
    expect(female?.statisticalParityDifference.value).toBeCloseTo(0.625 - 10 / 12, 12);
    expect(report.favourable).toBe('credit is good');
  });

  it('reads the same file with the delimiter given, and fails clearly with the wrong one', async () => {
    const file = await table('credit-2.csv', CREDIT);
    const options = {
      protected: [parseProtectedColumn('personal_status=A91,A93')],
      favourable: { column: 'credit', values: ['1'] },
    };
    const given = await auditCsv(file, { ...options, delimiter: ';' });
    expect(given.sections[0]?.attributes[0]?.comparisons[0]?.disparateImpact.value).toBeCloseTo(0.75, 12);
    await expect(auditCsv(file, { ...options, delimiter: ',' })).rejects.toThrow(
      'credit-2.csv: not readable as CSV with comma-separated fields',
    );
  });

  it('names every unknown --favourable and --protected value with the values found', async () => {
    const file = await table('credit-3.csv', CREDIT);
    const error = await auditCsv(file, {
      protected: [parseProtectedColumn('personal_status=A91,A99')],
      favourable: { column: 'credit', values: ['good'] },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FairnessInputError);
    expect((error as Error).message).toBe(
      'credit-3.csv: --favourable credit: no row has "good" (values found: 1, 2); ' +
        '--protected personal_status: no row has "A99" (values found: A91, A92, A93)',
    );
  });
});
