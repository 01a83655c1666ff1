import { describe, expect, it } from 'vitest';
import {
  chooseOnInnerSplit,
  DEFAULT_INTENT_TRAINING,
  type IntentExample,
} from '../../../chains/understand/index.ts';
import type { LabelScore, TextClassifier } from '../../../knowledge/classifier/index.ts';

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
      linear: scripted(TRUTH, 0.6),
      gate: null,
    };
    const options = { ...DEFAULT_INTENT_TRAINING, fastTextWeights: [0, 0.5, 1] };
    expect(chooseOnInnerSplit(linearRight, INNER, options).fastTextWeight).toBe(0);
    const fastTextRight = { fastText: scripted(TRUTH, 0.6), linear: scripted({}, 0.9), gate: null };
    expect(chooseOnInnerSplit(fastTextRight, INNER, options).fastTextWeight).toBe(1);
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
    const members = { fastText: scripted(inScopeTruth, 0.6), linear: scripted(inScopeTruth, 0.6), gate };
    const options = { ...DEFAULT_INTENT_TRAINING, outOfScopeObjective: 'recall-at-precision' as const };
    const { calibration } = chooseOnInnerSplit(members, INNER, options);
    // The lowest threshold above every in-scope text's 0.2 that still catches the 0.8.
    expect(calibration.outOfScopeGateAbove).toBe(0.21);
    expect(calibration.outOfScopeBelow).toBe(0);
  });
});
