import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../bot/audit/group-commit.ts';

describe('GroupCommit', () => {
  it('writes items submitted in one event-loop turn as one batch, in order, and resolves each with its result', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit((items: readonly number[]) => {
      batches.push([...items]);
      return items.map((item) => item * 10);
    });
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => commits.submit(item)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    await commits.submit(6);
    expect(batches).toEqual([[1, 2, 3, 4, 5], [6]]);
  });

  it('a failed batch rejects every item in it with the wrapped error, and the next batch still commits', async () => {
    let fail = true;
    const commits = new GroupCommit(
      (items: readonly string[]) => {
        if (fail) throw new Error('disk full');
        return items.map((item) => item.toUpperCase());
      },
      (error) => new Error(`wrapped: ${(error as Error).message}`),
    );
    const outcomes = await Promise.allSettled([commits.submit('a'), commits.submit('b')]);
    expect(
      outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok')),
    ).toEqual(['Error: wrapped: disk full', 'Error: wrapped: disk full']);
    fail = false;
    await expect(commits.submit('c')).resolves.toBe('C');
  });

  it('flush() commits pending items at once, before the scheduled turn', () => {
    const written: string[] = [];
    const commits = new GroupCommit((items: readonly string[]) => {
      written.push(...items);
      return [...items];
    });
    void commits.submit('x');
    void commits.submit('y');
    expect(commits.size).toBe(2);
    commits.flush();
    expect(written).toEqual(['x', 'y']);
    expect(commits.size).toBe(0);
  });
});
