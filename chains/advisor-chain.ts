import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import type { ProviderName } from './llm/index.ts';
import {
  type AdviceReply,
  type AdviceRequest,
  type AdvisorChainDependencies,
  type RankedTurn,
  type RetrievedTurn,
  rankForTurn,
  retrieveForTurn,
  type UnderstoodTurn,
  understandTurn,
  writeReply,
} from './steps/index.ts';

export {
  type AdviceReply,
  type AdviceRequest,
  type AdvisorChainDependencies,
  customerFigures,
  type FeedbackSource,
  type OwnDataAnswerer,
  recommendationInput,
  type TurnProgress,
} from './steps/index.ts';

/**
 * The advisor chain as LangChain runnables, one named step each (chains/steps/): understand (intent, confidence,
 * language, injection) → retrieve (only what the route needs) → rank (suitability, bias-guarded; only for a
 * recommendation) → write (validated, guarded; fixed texts for refusals, declines, handoffs and clarifying questions).
 * With `onToken`, the reply streams as validated sentences (see chains/streaming/); `onProgress` announces each step.
 */
export class AdvisorChain {
  private readonly sequence: RunnableSequence<AdviceRequest, AdviceReply>;

  constructor(private readonly dependencies: AdvisorChainDependencies) {
    this.sequence = RunnableSequence.from<AdviceRequest, AdviceReply>([
      RunnableLambda.from((request: AdviceRequest) => {
        request.onProgress?.('understanding');
        return understandTurn(request, dependencies);
      }),
      RunnableLambda.from((turn: UnderstoodTurn) => {
        turn.request.onProgress?.('retrieving');
        return retrieveForTurn(turn, dependencies.retriever);
      }),
      RunnableLambda.from((turn: RetrievedTurn) => {
        turn.request.onProgress?.('ranking');
        return rankForTurn(turn, dependencies);
      }),
      RunnableLambda.from((turn: RankedTurn) => {
        turn.request.onProgress?.('writing');
        return writeReply(turn, dependencies);
      }),
    ]);
  }

  /** Which model writes replies (shown in every reply's metadata). */
  get provider(): { name: ProviderName; model: string } {
    return { name: this.dependencies.model.provider, model: this.dependencies.model.model };
  }

  /** Answers one request. */
  async advise(request: AdviceRequest): Promise<AdviceReply> {
    return await this.sequence.invoke(request, request.signal ? { signal: request.signal } : {});
  }
}
