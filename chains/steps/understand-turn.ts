import { intentDefinition } from '../../knowledge/intents/index.ts';
import { detectLanguage } from '../understand/detect-language.ts';
import { RULE_INJECTION_SCREEN, type Understanding, understand } from '../understand/index.ts';
import type { AdviceRequest, AdvisorChainDependencies, TurnRoute, UnderstoodTurn } from './turn.ts';

/** Step 1: what the message is (intent, confidence, language, flags) and so what the reply may contain. */
export async function understandTurn(
  request: AdviceRequest,
  dependencies: Pick<AdvisorChainDependencies, 'intents' | 'detectLanguage' | 'injection'>,
): Promise<UnderstoodTurn> {
  const started = performance.now();
  const understanding = await understand(request.question, {
    intents: dependencies.intents,
    detectLanguage: dependencies.detectLanguage ?? ((text) => detectLanguage(text)),
    injection: dependencies.injection ?? RULE_INJECTION_SCREEN,
    explicitRecommendation: request.explicitRecommendation ?? false,
  });
  return {
    request,
    started,
    understanding,
    route: routeTurn(understanding),
    understoodAt: performance.now(),
  };
}

/**
 * Routes by the understanding: an injection is refused before anything else; out of scope is declined; an unsure
 * guess asks which topic; then by the intent's kind (everyday → its own articles only, education → the
 * financial-education articles, recommendation → the recommender, own data, small talk, handoff).
 */
export function routeTurn(understanding: Understanding): TurnRoute {
  if (understanding.flags.injection) return { kind: 'manipulation' };
  if (understanding.flags.outOfScope) return { kind: 'out_of_scope' };
  if (understanding.flags.clarify) {
    const options = understanding.alternatives.flatMap((alternative) => {
      const definition = intentDefinition(alternative.intent);
      return definition ? [definition] : [];
    });
    return { kind: 'clarify', options };
  }
  const definition = intentDefinition(understanding.intent);
  switch (understanding.kind) {
    case 'everyday':
      return {
        kind: 'article',
        intents: [understanding.intent],
        urgent: understanding.flags.urgent,
        topic: definition?.label ?? understanding.intent,
      };
    case 'education':
      return {
        kind: 'article',
        intents: ['financial_education'],
        urgent: false,
        topic: definition?.label ?? '',
      };
    case 'recommendation':
      return { kind: 'recommendation' };
    case 'own_data':
      return { kind: 'own_data' };
    case 'small_talk':
      return { kind: 'small_talk' };
    case 'handoff':
      return { kind: 'handoff', complaint: understanding.intent === 'complaint' };
    case 'out_of_scope':
      return { kind: 'out_of_scope' };
  }
}
