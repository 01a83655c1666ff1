import type { LabelScore, TextClassifier } from './fasttext-classifier.ts';

/** One member of an ensemble and its share of the vote. */
export interface EnsembleMember {
  classifier: Pick<TextClassifier, 'labels' | 'predict'>;
  weight: number;
}

/** Several classifiers over the same labels, read as one: the weighted mean of their probabilities. */
export interface EnsembleClassifier {
  readonly labels: readonly string[];
  predict(text: string, k?: number): LabelScore[];
}

/**
 * Averages the members' full probability distributions (weights are normalised to sum to 1). Throws a
 * RangeError naming the label when the members do not know the same labels.
 */
export function weightedEnsemble(members: readonly EnsembleMember[]): EnsembleClassifier {
  const first = members[0];
  if (!first) throw new RangeError('an ensemble needs at least one classifier');
  const labels = [...first.classifier.labels].sort();
  for (const member of members) {
    if (!(member.weight >= 0)) throw new RangeError(`ensemble weight must be ≥ 0, got ${member.weight}`);
    const known = new Set(member.classifier.labels);
    const missing = labels.find((label) => !known.has(label));
    if (missing !== undefined || known.size !== labels.length) {
      throw new RangeError(
        `ensemble members disagree on labels (first difference: "${missing ?? 'extra label'}")`,
      );
    }
  }
  const total = members.reduce((sum, member) => sum + member.weight, 0);
  if (!(total > 0)) throw new RangeError('ensemble weights must not all be 0');
  return {
    labels,
    predict(text: string, k = 1): LabelScore[] {
      const combined = new Map<string, number>(labels.map((label) => [label, 0]));
      for (const member of members) {
        for (const score of member.classifier.predict(text, labels.length)) {
          combined.set(
            score.label,
            (combined.get(score.label) ?? 0) + (member.weight / total) * score.probability,
          );
        }
      }
      return [...combined]
        .map(([label, probability]) => ({ label, probability }))
        .sort((one, other) => other.probability - one.probability || one.label.localeCompare(other.label))
        .slice(0, k);
    },
  };
}
