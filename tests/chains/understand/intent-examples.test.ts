import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../../../chains/chain-error.ts';
import {
  intentFingerprint,
  loadBanking77Examples,
  loadProjectExamples,
  loadUnderstandingConfig,
  splitForValidation,
} from '../../../chains/understand/index.ts';
import { ADVISOR_INTENTS } from '../../../knowledge/intents/index.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'intent-examples-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const target = path.join(folder, name);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
  return target;
}

describe('intent examples', () => {
  it('reads Banking77 categories as the project ids (lower-cased, "?" dropped), CRLF included', async () => {
    const banking = await file(
      'b77.csv',
      'text,category\r\nWhere is my card?,card_arrival\r\n"Refund, please",Refund_not_showing_up\r\n',
    );
    expect(await loadBanking77Examples(banking)).toEqual([
      { text: 'Where is my card?', intent: 'card_arrival', source: banking },
      { text: 'Refund, please', intent: 'refund_not_showing_up', source: banking },
    ]);
  });

  it('names the file, line and field of an unknown intent', async () => {
    const directory = path.join(folder, 'bad-intent');
    await file('bad-intent/x.csv', 'text,intent\nhello,small_talk\nwhat,weather_forecast\n');
    const error = await loadProjectExamples(directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChainError);
    expect((error as ChainError).message).toBe(
      `${path.join(directory, 'x.csv')}:3 intent: "weather_forecast" is not an intent of the taxonomy (knowledge/intents/taxonomy.ts)`,
    );
  });

  it('names an empty text and a wrong header', async () => {
    await file('empty-text/x.csv', 'text,intent\n  ,small_talk\n');
    await expect(loadProjectExamples(path.join(folder, 'empty-text'))).rejects.toThrow(
      /x\.csv:2 text: must not be empty/,
    );
    await file('header/x.csv', 'question,label\nhi,small_talk\n');
    await expect(loadProjectExamples(path.join(folder, 'header'))).rejects.toThrow(
      /expected a header "text,intent".*found "question,label"/,
    );
  });

  it("the project's own examples are valid and cover every advisor intent with at least 40 (400 out of scope)", async () => {
    const examples = await loadProjectExamples(loadUnderstandingConfig({}).examplesDirectory);
    const counts = new Map<string, number>();
    for (const example of examples) counts.set(example.intent, (counts.get(example.intent) ?? 0) + 1);
    expect(counts.get('out_of_scope') ?? 0).toBeGreaterThanOrEqual(400);
    for (const { id: intent } of ADVISOR_INTENTS) {
      expect(counts.get(intent) ?? 0, intent).toBeGreaterThanOrEqual(40);
    }
  });
});

describe('splitForValidation', () => {
  const examples = ['a', 'b'].flatMap((intent) =>
    Array.from({ length: 20 }, (_, index) => ({ text: `${intent} ${index}`, intent, source: 'x' })),
  );

  it('holds out the same stratified share of every intent, disjoint from training, the same for a seed', () => {
    const first = splitForValidation(examples, { fraction: 0.1, seed: 3 });
    expect(first.validation.filter((example) => example.intent === 'a')).toHaveLength(2);
    expect(first.validation.filter((example) => example.intent === 'b')).toHaveLength(2);
    expect(first.training).toHaveLength(36);
    const held = new Set(first.validation.map((example) => example.text));
    expect(first.training.some((example) => held.has(example.text))).toBe(false);
    expect(splitForValidation(examples, { fraction: 0.1, seed: 3 })).toEqual(first);
    expect(splitForValidation(examples, { fraction: 0.1, seed: 4 }).validation).not.toEqual(first.validation);
  });

  it("keeps every other intent's rows where they were when one intent gains examples", () => {
    const before = splitForValidation(examples, { fraction: 0.1, seed: 3 });
    const extra = Array.from({ length: 7 }, (_, index) => ({ text: `c ${index}`, intent: 'c', source: 'x' }));
    const moreOfB = Array.from({ length: 5 }, (_, index) => ({
      text: `b extra ${index}`,
      intent: 'b',
      source: 'x',
    }));
    const after = splitForValidation([...extra, ...examples, ...moreOfB], { fraction: 0.1, seed: 3 });
    const heldOf = (split: typeof before, intent: string) =>
      split.validation.filter((example) => example.intent === intent).map((example) => example.text);
    expect(heldOf(after, 'a')).toEqual(heldOf(before, 'a'));
    expect(heldOf(after, 'c')).toHaveLength(1);
  });

  it('holds out a larger share of an intent given its own fraction', () => {
    const split = splitForValidation(examples, { fraction: 0.1, fractionByIntent: { b: 0.25 }, seed: 3 });
    expect(split.validation.filter((example) => example.intent === 'a')).toHaveLength(2);
    expect(split.validation.filter((example) => example.intent === 'b')).toHaveLength(5);
    expect(split.training).toHaveLength(33);
  });

  it('rejects a fraction outside (0, 1), naming the intent', () => {
    expect(() => splitForValidation(examples, { fraction: 1, seed: 1 })).toThrow(/between 0 and 1, got 1/);
    expect(() =>
      splitForValidation(examples, { fraction: 0.1, fractionByIntent: { b: 0 }, seed: 1 }),
    ).toThrow(/fraction for b must be between 0 and 1, got 0/);
  });
});

describe('intentFingerprint', () => {
  it('changes when an examples file changes, and not otherwise', async () => {
    const banking77File = await file('fp/b77.csv', 'text,category\nwhere is my card,card_arrival\n');
    const examplesDirectory = path.join(folder, 'fp', 'examples');
    await file('fp/examples/a.csv', 'text,intent\nhi,small_talk\n');
    const config = { banking77File, examplesDirectory };
    const before = await intentFingerprint(config);
    expect(await intentFingerprint(config)).toBe(before);
    await file('fp/examples/a.csv', 'text,intent\nhello,small_talk\n');
    expect(await intentFingerprint(config)).not.toBe(before);
  });
});
