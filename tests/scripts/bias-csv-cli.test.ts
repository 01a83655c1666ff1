import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = await mkdtemp(path.join(tmpdir(), 'bias-cli-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs `npm run bias -- ARGS` as npm does (plain node with tsx), returning exit code and output. */
async function bias(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/bias.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Tab-separated; under 26: 1 of 4 approved (0.25); 26 and over: 3 of 4 (0.75) → DI 0.333, SPD −0.500.
const TABLE = ['age\tapproved', '19\t1', '22\t0', '25\t0', '24\t0', '26\t1', '50\t1', '61\t1', '33\t0'];

describe('npm run bias -- --csv', () => {
  it('audits a numeric group in a tab-separated file with labelled outcomes', async () => {
    const file = path.join(root, 'ages.tsv');
    await writeFile(file, `${TABLE.join('\n')}\n`);
    const result = await bias([
      '--csv',
      file,
      '--protected',
      'age>=26',
      '--favourable',
      'approved=yes',
      '--labels',
      'approved=1:yes,0:no',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Favourable: approved is yes.');
    expect(result.stdout).toMatch(/age < 26 vs age >= 26 +n 4\/4 +rate 25\.0%\/75\.0% +DI 0\.333/);
    expect(result.stdout).toContain('SPD -0.500');
  });

  it('exits 2 naming the values found when --favourable names a value the column lacks', async () => {
    const file = path.join(root, 'ages-2.tsv');
    await writeFile(file, `${TABLE.join('\n')}\n`);
    const result = await bias(['--csv', file, '--protected', 'age>=26', '--favourable', 'approved=good']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'ages-2.tsv: --favourable approved: no row has "good" (values found: 0, 1)',
    );
  });

  it('exits 2 for an unknown delimiter', async () => {
    const result = await bias([
      '--csv',
      'x.csv',
      '--protected',
      'age>1',
      '--favourable',
      'a=1',
      '--delimiter',
      '|',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--delimiter must be , ; or tab, got "|"');
  });
});
