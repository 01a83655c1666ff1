export {
  createWrittenTextChecker,
  type WrittenTextCheck,
  type WrittenTextChecker,
  type WrittenTextSubject,
} from './check-written-text.ts';
export { rankForTurn, recommendationInput } from './rank-for-turn.ts';
export { retrieveForTurn } from './retrieve-for-turn.ts';
export type {
  AdviceReply,
  AdviceRequest,
  AdvisorChainDependencies,
  FeedbackSource,
  OwnDataAnswerer,
  RankedTurn,
  RetrievedTurn,
  TurnProgress,
  TurnRoute,
  UnderstoodTurn,
} from './turn.ts';
export { routeTurn, understandTurn } from './understand-turn.ts';
export { customerFigures, writeReply } from './write-reply.ts';
