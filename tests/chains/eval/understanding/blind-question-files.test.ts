import { describe, expect, it } from 'vitest';
import { readQuestionFile } from '../../../../chains/eval/understanding/index.ts';
import {
  loadBanking77Examples,
  loadProjectExamples,
  loadUnderstandingConfig,
} from '../../../../chains/understand/index.ts';
import { intentText } from '../../../../chains/understand/intent-text.ts';
import { fastTextText } from '../../../../knowledge/classifier/index.ts';

// The blind question sets measure how the intent model generalises; a blind text that is also a training
// text (as the model sees it: customer ids replaced, case and punctuation spacing normalised) measures
// memory instead, so adding training examples must never copy one.
const BLIND_FILES = [
  'blind-questions.csv',
  'blind-questions-2.csv',
  'blind-questions-3.csv',
  'blind-questions-4.csv',
];

async function trainingTexts(): Promise<Set<string>> {
  const config = loadUnderstandingConfig({});
  const examples = [
    ...(await loadBanking77Examples(config.banking77File)),
    ...(await loadProjectExamples(config.examplesDirectory)),
  ];
  return new Set(examples.map((example) => fastTextText(intentText(example.text))));
}

describe('blind question files', () => {
  it('blind-questions-2.csv labels every row with a taxonomy intent, mostly hard out-of-scope negatives', async () => {
    const questions = await readQuestionFile('tests/fixtures/understanding/blind-questions-2.csv');
    const counts = new Map<string | null, number>();
    for (const question of questions) {
      counts.set(question.expectedIntent, (counts.get(question.expectedIntent) ?? 0) + 1);
    }
    expect(counts.get(null)).toBeUndefined();
    expect(counts.get('out_of_scope')).toBe(32);
    expect(counts.get('small_talk')).toBe(16);
    expect(counts.get('financial_education')).toBe(16);
    expect(questions).toHaveLength(68);
  });

  it('blind-questions-3.csv holds out-of-scope questions in English, German and Spanish beside in-scope ones', async () => {
    const questions = await readQuestionFile('tests/fixtures/understanding/blind-questions-3.csv');
    const counts = new Map<string | null, number>();
    for (const question of questions) {
      counts.set(question.expectedIntent, (counts.get(question.expectedIntent) ?? 0) + 1);
    }
    expect(counts.get(null)).toBeUndefined();
    expect(counts.get('out_of_scope')).toBe(73);
    expect(counts.get('small_talk')).toBe(12);
    expect(counts.get('financial_education')).toBe(13);
    expect(questions).toHaveLength(124);
  });

  it.each(BLIND_FILES)('no text of %s is a training text', async (name) => {
    const training = await trainingTexts();
    const questions = await readQuestionFile(`tests/fixtures/understanding/${name}`);
    const copied = questions
      .filter((question) => training.has(fastTextText(intentText(question.text))))
      .map((question) => `${question.line}: ${question.text}`);
    expect(copied).toEqual([]);
  });
});
