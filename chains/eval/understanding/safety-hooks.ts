/**
 * TODO(integrator, contract 4): the safety branch provides `evaluateInjectionDetector(detector, rows)` and
 * `evaluatePromissoryCheck(sentences)` in this folder. Until they are merged, `npm run eval:understanding`
 * reads the `--injections/--benign/--promissory/--compliant` files (so bad paths fail early) and says the
 * metrics are not wired; replace `safetyEvaluationLines` with calls to those two functions.
 */
export const SAFETY_METRICS_WIRED = false;

/** The user's safety files, one text per line. */
export interface SafetyFiles {
  injections?: string[];
  benign?: string[];
  promissory?: string[];
  compliant?: string[];
}

/** What the eval command prints for the safety files until contract 4's metric functions are wired. */
export function safetyEvaluationLines(files: SafetyFiles): string[] {
  const given = Object.entries(files).filter(([, texts]) => texts !== undefined);
  if (given.length === 0) return [];
  return [
    'Safety metrics: not wired in this build (TODO contract 4: evaluateInjectionDetector / evaluatePromissoryCheck).',
    ...given.map(([name, texts]) => `  --${name}: ${texts?.length ?? 0} texts read`),
  ];
}
