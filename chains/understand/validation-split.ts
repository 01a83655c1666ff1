import { createRandom, deriveSeed } from '../../knowledge/seeded-random.ts';
import type { IntentExample } from './intent-examples.ts';

/** Examples for training and the held-out examples that calibrate and evaluate the model. */
export interface ValidationSplit {
  training: IntentExample[];
  validation: IntentExample[];
}

/**
 * A seeded, stratified split: each intent gives `fraction` of its examples (or its own `fractionByIntent`;
 * rounded, at least one when it has three or more) to validation, so every intent is measured and the split
 * is the same on every machine. Each intent shuffles with its own stream (the seed mixed with the intent id),
 * so adding or removing examples of one intent never moves another intent's rows.
 */
export function splitForValidation(
  examples: readonly IntentExample[],
  options: { fraction: number; seed: number; fractionByIntent?: Readonly<Record<string, number>> },
): ValidationSplit {
  for (const [intent, fraction] of [
    ['(default)', options.fraction] as const,
    ...Object.entries(options.fractionByIntent ?? {}),
  ]) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new RangeError(`validation fraction for ${intent} must be between 0 and 1, got ${fraction}`);
    }
  }
  const byIntent = new Map<string, IntentExample[]>();
  for (const example of examples) {
    const group = byIntent.get(example.intent) ?? [];
    group.push(example);
    byIntent.set(example.intent, group);
  }
  const training: IntentExample[] = [];
  const validation: IntentExample[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const group = byIntent.get(intent) ?? [];
    const random = createRandom(deriveSeed(options.seed, intentHash(intent)));
    const shuffled = group
      .map((example) => ({ example, key: random() }))
      .sort((first, second) => first.key - second.key)
      .map((entry) => entry.example);
    const fraction = options.fractionByIntent?.[intent] ?? options.fraction;
    const held = group.length >= 3 ? Math.max(1, Math.round(group.length * fraction)) : 0;
    validation.push(...shuffled.slice(0, held));
    training.push(...shuffled.slice(held));
  }
  return { training, validation };
}

/** FNV-1a over the intent id's UTF-16 code units: a stable 32-bit number per intent. */
function intentHash(intent: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < intent.length; index++) {
    hash = Math.imul(hash ^ intent.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash;
}
