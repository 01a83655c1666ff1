export { answerOwnData, type OwnDataAnswer, type OwnDataOptions } from './answer-own-data.ts';
export { ownDataFigures, ownDataGroundingText } from './own-data-figures.ts';
export {
  type OwnDataMetric,
  type OwnDataQuestion,
  type PeriodRequest,
  parseOwnDataQuestion,
} from './own-data-question.ts';
export { RETIREMENT_ASSUMPTIONS } from './retirement-projection.ts';
