import { screenInstructions } from '../../knowledge/preprocess/index.ts';

/** A verdict on whether a message tries to instruct the assistant (same shape as knowledge/safety's detector). */
export interface InjectionVerdict {
  flagged: boolean;
  score: number;
  because: string;
}

/**
 * Anything that can tell an injection attempt from a question. The rules below are the default; the trained
 * `InjectionDetector` of knowledge/safety plugs in here unchanged (it has the same `detect`).
 */
export interface InjectionScreen {
  detect(text: string): InjectionVerdict;
}

/** The existing instruction-like-text rules (knowledge/preprocess/injection-filter.ts) as an InjectionScreen. */
export const RULE_INJECTION_SCREEN: InjectionScreen = {
  detect(text: string): InjectionVerdict {
    const screened = screenInstructions(text);
    return screened.flagged
      ? {
          flagged: true,
          score: 1,
          because: `instruction-like text: ${screened.matches.slice(0, 2).join('; ')}`,
        }
      : { flagged: false, score: 0, because: 'no instruction-like text' };
  },
};
