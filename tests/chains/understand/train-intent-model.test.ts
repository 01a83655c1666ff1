import { describe, expect, it } from 'vitest';
import {
  chooseOnInnerSplit,
  DEFAULT_INTENT_TRAINING,
  type IntentExample,
} from '../../../chains/understand/index.ts';
import type {
  LabelScore,
  LinearTextClassifier,
  TextClassifier,
} from '../../../knowledge/classifier/index.ts';

const LABELS = ['card_arrival', 'change_pin', 'out_of_scope'];

/** A stand-in learner with fixed answers per text: `right` learners give the expected label 0.6. */
function scripted(answers: Record<string, string>, confidence: number): TextClassifier {
  return {
    labels: LABELS,
    predict: (text: string, k = 1): LabelScore[] => {
      const label = answers[text] ?? 'card_arrival';
      const rest = LABELS.filter((other) => other !== label);
      return [
        { label, probability: confidence },
        ...rest.map((other) => ({ label: other, probability: (1 - confidence) / rest.length })),
      ].slice(0, k);
    },
    save: async () => undefined,
  };
}

/** The same answers read as a linear model whose temperature changes nothing (fixed probabilities). */
function scriptedLinear(answers: Record<string, string>, confidence: number): LinearTextClassifier {
  const fixed: LinearTextClassifier = {
    ...scripted(answers, confidence),
    temperature: 1,
    withTemperature: () => fixed,
  };
  return fixed;
}

/**
 * A linear model scoring its answer 1 and every other label 0, read at a temperature: its answer gets
 * e^(1/T) / (e^(1/T) + 2) and each other label 1 / (e^(1/T) + 2).
 */
function tempered(answers: Record<string, string>, temperature = 1): LinearTextClassifier {
  return {
    labels: LABELS,
    temperature,
    withTemperature: (next: number) => tempered(answers, next),
    predict: (text: string, k = 1): LabelScore[] => {
      const label = answers[text] ?? 'card_arrival';
      const total = Math.exp(1 / temperature) + 2;
      return [
        { label, probability: Math.exp(1 / temperature) / total },
        ...LABELS.filter((other) => other !== label).map((other) => ({
          label: other,
          probability: 1 / total,
        })),
      ].slice(0, k);
    },
    save: async () => undefined,
  };
}

const example = (text: string, intent: string): IntentExample => ({ text, intent, source: 'inner' });
const INNER = [
  example('new pin please', 'change_pin'),
  example('set another pin', 'change_pin'),
  example('card not here', 'card_arrival'),
  example('weather tomorrow', 'out_of_scope'),
];
const TRUTH = Object.fromEntries(INNER.map((item) => [item.text, item.intent]));

describe('chooseOnInnerSplit', () => {
  it('keeps the fastText weight that is most accurate on the inner split', () => {
    // fastText always says card_arrival (0.9); the linear model is always right (0.6): only weight 0 is right 4/4.
    const linearRight = {
      fastText: scripted({}, 0.9),
      linear: scriptedLinear(TRUTH, 0.6),
      gate: null,
    };
    const options = {
      ...DEFAULT_INTENT_TRAINING,
      fastTextWeights: [0, 0.5, 1],
      selectBy: 'accuracy' as const,
    };
    expect(chooseOnInnerSplit(linearRight, INNER, options).fastTextWeight).toBe(0);
    const fastTextRight = {
      fastText: scripted(TRUTH, 0.6),
      linear: scriptedLinear({}, 0.9),
      gate: null,
    };
    expect(chooseOnInnerSplit(fastTextRight, INNER, options).fastTextWeight).toBe(1);
  });

  it('keeps the SVM temperature with the lowest log loss on the inner split', () => {
    // The linear model is right on the two change_pin texts and wrong on the other two. Mean log probability of
    // the right intent at T is ½·(1/T) − ln(e^(1/T) + 2): −5.000 at 0.1, −1.051 at 1, −1.083 at 10.
    const halfRight = { ...TRUTH, 'card not here': 'change_pin', 'weather tomorrow': 'card_arrival' };
    const members = { fastText: scripted({}, 0.9), linear: tempered(halfRight), gate: null };
    const options = {
      ...DEFAULT_INTENT_TRAINING,
      fastTextWeights: [0],
      temperatures: [0.1, 1, 10],
      selectBy: 'log-loss' as const,
    };
    expect(chooseOnInnerSplit(members, INNER, options).temperature).toBe(1);
    // Always right, the most confident temperature fits best.
    const alwaysRight = { ...members, linear: tempered(TRUTH) };
    expect(chooseOnInnerSplit(alwaysRight, INNER, options).temperature).toBe(0.1);
  });

  it('calibrates the gate threshold on the inner split when there is a gate', () => {
    // The learners take the weather question for card_arrival at 0.6, as confident as the right answers, so no
    // confidence floor separates it; the gate gives it 0.8 and every in-scope text 0.2.
    const gate: TextClassifier = {
      labels: ['in_scope', 'out_of_scope'],
      predict: (text: string) => [
        { label: 'out_of_scope', probability: text === 'weather tomorrow' ? 0.8 : 0.2 },
        { label: 'in_scope', probability: text === 'weather tomorrow' ? 0.2 : 0.8 },
      ],
      save: async () => undefined,
    };
    const { 'weather tomorrow': _, ...inScopeTruth } = TRUTH;
    const members = {
      fastText: scripted(inScopeTruth, 0.6),
      linear: scriptedLinear(inScopeTruth, 0.6),
      gate,
    };
    const options = { ...DEFAULT_INTENT_TRAINING, outOfScopeObjective: 'recall-at-precision' as const };
    const { calibration } = chooseOnInnerSplit(members, INNER, options);
    // The lowest threshold above every in-scope text's 0.2 that still catches the 0.8.
    expect(calibration.outOfScopeGateAbove).toBe(0.21);
    expect(calibration.outOfScopeBelow).toBe(0);
  });
});
