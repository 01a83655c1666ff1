import path from 'node:path';
import { readTextLines } from '../../knowledge/safety/index.ts';
import { createRandom } from '../../knowledge/seeded-random.ts';

/** Sentences that promise outcomes, and compliant advisory sentences that must pass. */
export interface PromissorySuite {
  promissory: string[];
  compliant: string[];
}

/** The project's suite: `chains/validate/suites/promissory.txt` and `compliant.txt`, one sentence a line. */
export const PROMISSORY_SUITE_FILES = {
  promissory: path.join(import.meta.dirname, 'suites', 'promissory.txt'),
  compliant: path.join(import.meta.dirname, 'suites', 'compliant.txt'),
};

/**
 * Training-only paraphrases (`suites/promissory-paraphrases.txt`, `compliant-paraphrases.txt`): more registers,
 * products and genuine guarantees for the classifier to learn from, kept out of the suite so its seeded
 * validation split stays the same sentences.
 */
export const PROMISSORY_PARAPHRASE_FILES = {
  promissory: path.join(import.meta.dirname, 'suites', 'promissory-paraphrases.txt'),
  compliant: path.join(import.meta.dirname, 'suites', 'compliant-paraphrases.txt'),
};

/** Reads a suite; a missing or empty file is an error naming it. */
export async function loadPromissorySuite(files = PROMISSORY_SUITE_FILES): Promise<PromissorySuite> {
  const [promissory, compliant] = await Promise.all([
    readTextLines(files.promissory),
    readTextLines(files.compliant),
  ]);
  return { promissory, compliant };
}

function holdOut(
  texts: readonly string[],
  share: number,
  seed: number,
): { train: string[]; validation: string[] } {
  const random = createRandom(seed);
  const order = texts.map((text) => ({ text, key: random() })).sort((left, right) => left.key - right.key);
  const held = Math.round(texts.length * share);
  return {
    train: order.slice(held).map((item) => item.text),
    validation: order.slice(0, held).map((item) => item.text),
  };
}

/**
 * A seeded split of each side: the classifier learns from `train`; the figures come from `validation`.
 * @example const { validation } = splitPromissorySuite(await loadPromissorySuite());
 */
export function splitPromissorySuite(
  suite: PromissorySuite,
  validationShare = 0.25,
  seed = 42,
): { train: PromissorySuite; validation: PromissorySuite } {
  const promissory = holdOut(suite.promissory, validationShare, seed);
  const compliant = holdOut(suite.compliant, validationShare, seed + 1);
  return {
    train: { promissory: promissory.train, compliant: compliant.train },
    validation: { promissory: promissory.validation, compliant: compliant.validation },
  };
}
