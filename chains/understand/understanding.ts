import { type IntentKind, intentDefinition } from '../../knowledge/intents/index.ts';
import { OUT_OF_SCOPE_INTENT, outOfScopeRule } from './confidence-calibration.ts';
import type { InjectionScreen } from './injection-screen.ts';
import type { IntentModel } from './intent-model.ts';
import type { LanguageDetector } from './language-detector.ts';

/** What the assistant made of one message (contract 7). */
export interface Understanding {
  intent: string;
  kind: IntentKind;
  confidence: number;
  /** The next most likely intents (out of scope excluded), most likely first. */
  alternatives: { intent: string; confidence: number }[];
  language: string;
  flags: { injection: boolean; urgent: boolean; clarify: boolean; outOfScope: boolean };
  /** What decided it, for the audit log and tests. */
  because: string;
}

/** The parts `understand` needs: the trained model, a language detector and an injection screen. */
export interface UnderstandingContext {
  intents: IntentModel;
  detectLanguage: LanguageDetector;
  injection: InjectionScreen;
  /** A command (e.g. `/advise C-000042`) asked for recommendations whatever the wording. */
  explicitRecommendation?: boolean;
}

const ALTERNATIVES = 3;

/**
 * Understands one message: injection screen, intent with calibrated confidence (clarify below the tuned
 * threshold; out of scope when predicted, when the in-scope/out-of-scope gate says so, or when confidence is
 * very low), urgency and language.
 */
export async function understand(message: string, context: UnderstandingContext): Promise<Understanding> {
  const [detected, injection] = [context.detectLanguage(message), context.injection.detect(message)];
  const language = (await detected).language;
  const predictions = context.intents.predict(message, ALTERNATIVES + 1);
  const { clarifyBelow, outOfScopeBelow } = context.intents.calibration;
  const top = predictions[0] ?? { intent: OUT_OF_SCOPE_INTENT, confidence: 0 };
  const alternatives = predictions
    .filter((score) => score.intent !== OUT_OF_SCOPE_INTENT)
    .slice(0, ALTERNATIVES);
  const decided = (
    intent: string,
    confidence: number,
    because: string,
    flags: Partial<Understanding['flags']> = {},
  ) =>
    result(intent, confidence, alternatives, language, { injection: injection.flagged, ...flags }, because);

  if (injection.flagged) return decided(top.intent, top.confidence, injection.because);
  if (context.explicitRecommendation) return decided('product_recommendation', 1, 'command');
  const outOfScopeProbability = context.intents.outOfScopeProbability?.(message);
  const rule = outOfScopeRule(top, outOfScopeProbability, context.intents.calibration);
  if (rule === 'predicted') {
    return decided(
      OUT_OF_SCOPE_INTENT,
      top.confidence,
      `predicted out of scope (${top.confidence.toFixed(2)})`,
    );
  }
  if (rule === 'gate') {
    return decided(
      OUT_OF_SCOPE_INTENT,
      outOfScopeProbability ?? 1,
      `out-of-scope gate ${(outOfScopeProbability ?? 1).toFixed(2)} ≥ ${context.intents.calibration.outOfScopeGateAbove} (best guess ${top.intent})`,
    );
  }
  if (rule === 'unsure') {
    return decided(
      OUT_OF_SCOPE_INTENT,
      top.confidence,
      `confidence ${top.confidence.toFixed(2)} below ${outOfScopeBelow} (best guess ${top.intent})`,
    );
  }
  // A predicted "out of scope" below its tuned floor is not trusted: the best in-scope guess is used instead.
  const guess = top.intent === OUT_OF_SCOPE_INTENT ? (alternatives[0] ?? top) : top;
  const urgent = intentDefinition(guess.intent)?.urgent ?? false;
  // Urgent intents are answered even when unsure: the immediate steps and a person cost little if wrong.
  if (urgent)
    return decided(guess.intent, guess.confidence, `urgent intent (${guess.confidence.toFixed(2)})`);
  if (guess.confidence < clarifyBelow && alternatives.length >= 2) {
    return decided(
      guess.intent,
      guess.confidence,
      `confidence ${guess.confidence.toFixed(2)} below ${clarifyBelow}`,
      {
        clarify: true,
      },
    );
  }
  return decided(guess.intent, guess.confidence, `confidence ${guess.confidence.toFixed(2)}`);
}

function result(
  intent: string,
  confidence: number,
  alternatives: Understanding['alternatives'],
  language: string,
  flags: Partial<Understanding['flags']>,
  because: string,
): Understanding {
  const definition = intentDefinition(intent);
  return {
    intent,
    kind: definition?.kind ?? 'out_of_scope',
    confidence,
    alternatives,
    language,
    flags: {
      injection: flags.injection ?? false,
      urgent: (definition?.urgent ?? false) && !flags.injection,
      clarify: flags.clarify ?? false,
      outOfScope: intent === OUT_OF_SCOPE_INTENT,
    },
    because,
  };
}
