import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditCsv, FairnessInputError } from '../../../chains/eval/fairness/index.ts';

const root = await mkdtemp(path.join(tmpdir(), 'csv-audit-test-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function table(name: string, lines: readonly string[]): Promise<string> {
  const file = path.join(root, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** `count` rows of `gender,race,approved,repaid`, the first `approved` of them approved. */
function rows(count: number, approved: number, gender: string, race = 'White'): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${gender},${race},${index < approved ? 'yes' : 'no'},yes`,
  );
}

const GENDER = {
  protected: [{ column: 'gender', privileged: ['Male'] }],
  favourable: { column: 'approved', values: ['yes'] },
};

describe('auditCsv', () => {
  it('measures each value against the privileged one (10 Male with 6 approved, 10 Female with 3 → DI 0.5)', async () => {
    // Female 3/10 = 0.3 vs Male 6/10 = 0.6: DI 0.5, SPD −0.3, flagged; every repaid label is true, so
    // EOD is the same difference of rates among the labelled: 0.3 − 0.6 = −0.3.
    const file = await table('loans.csv', [
      'gender,race,approved,repaid',
      ...rows(10, 6, 'Male'),
      ...rows(10, 3, 'Female'),
    ]);
    const report = await auditCsv(file, { ...GENDER, label: { column: 'repaid', values: ['yes'] } });
    const [female] = report.sections[0]?.attributes[0]?.comparisons ?? [];
    expect(female?.unprivileged).toMatchObject({ group: 'Female', size: 10, favourable: 3 });
    expect(female?.privileged).toMatchObject({ group: 'Male', size: 10, favourable: 6 });
    expect(female?.disparateImpact).toEqual({ value: 0.5 });
    expect(female?.statisticalParityDifference.value).toBeCloseTo(-0.3, 12);
    expect(female?.equalOpportunityDifference?.value).toBeCloseTo(-0.3, 12);
    expect(female?.fourFifths).toBe(true);
    expect(report.conditioning).toBeNull();
    expect(report.favourable).toBe('approved is yes');
    expect(report.title).toBe('table loans.csv');
  });

  it('merges several privileged values into one reference group and audits several columns', async () => {
    // race: White 6/10 and Asian 4/10 together are 10/20 = 0.5; Black 2/10 = 0.2 → DI 0.4.
    const file = await table('multi.csv', [
      'gender,race,approved,repaid',
      ...rows(10, 6, 'Male', 'White'),
      ...rows(10, 4, 'Female', 'Asian'),
      ...rows(10, 2, 'Female', 'Black'),
    ]);
    const report = await auditCsv(file, {
      protected: [
        { column: 'gender', privileged: ['Male'] },
        { column: 'race', privileged: ['White', 'Asian'] },
      ],
      favourable: { column: 'approved', values: ['yes'] },
    });
    const [gender, race] = report.sections[0]?.attributes ?? [];
    // Female 6/20 = 0.3 vs Male 0.6 → 0.5.
    expect(gender?.comparisons[0]?.disparateImpact).toEqual({ value: 0.5 });
    expect(race?.comparisons.map((item) => [item.unprivileged.group, item.privileged.group])).toEqual([
      ['Black', 'White or Asian'],
    ]);
    expect(race?.comparisons[0]?.disparateImpact.value).toBeCloseTo(0.4, 12);
    expect(race?.comparisons[0]?.equalOpportunityDifference).toBeNull();
  });

  it('names the missing column and lists the columns there are', async () => {
    const file = await table('no-gender.csv', ['sex,approved', 'Male,yes']);
    const error = await auditCsv(file, GENDER).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FairnessInputError);
    expect((error as FairnessInputError).message).toBe(
      'no-gender.csv has no column "gender" (its columns: sex, approved)',
    );
    expect((error as FairnessInputError).location).toEqual({ file: 'no-gender.csv', column: 'gender' });
  });

  it('names the line and column of an empty value, counting lines inside quoted fields', async () => {
    // Line 1 header, line 2 Male, lines 3–4 one quoted record spanning two lines, line 5 the empty gender.
    const file = await table('empty.csv', [
      'gender,note,approved',
      'Male,ok,yes',
      'Female,"two',
      'lines",no',
      ',blank,yes',
    ]);
    await expect(auditCsv(file, GENDER)).rejects.toThrow('empty.csv line 5: column "gender" is empty');
  });

  it('fails clearly when no row has the privileged value, or there are no rows', async () => {
    const typo = await table('typo.csv', ['gender,approved', 'Female,yes', 'Men,no']);
    await expect(auditCsv(typo, GENDER)).rejects.toThrow(
      'typo.csv: --protected gender: no row has "Male" (values found: Female, Men)',
    );
    await expect(auditCsv(path.join(root, 'absent.csv'), GENDER)).rejects.toThrow(
      /absent\.csv does not exist$/,
    );
    const headerOnly = await table('header.csv', ['gender,approved']);
    await expect(auditCsv(headerOnly, GENDER)).rejects.toThrow('header.csv has a header but no data rows');
  });
});
