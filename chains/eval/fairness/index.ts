export { AGE_LEGITIMATE_FACTORS, ageStrata, isYoungAdult, YOUNG_ADULTS } from './age-strata.ts';
export {
  bottomQuartileIncome,
  FAVOURABLE_DESCRIPTIONS,
  FAVOURABLE_OUTCOMES,
  type FavourableOutcome,
  isFavourableProduct,
} from './audit-row.ts';
export {
  type ConditionalDisparity,
  type ConditionalDisparityOptions,
  conditionalDisparateImpact,
  type StratifiedOutcome,
  type StratumCounts,
  type StratumDisparity,
} from './conditional-disparity.ts';
export { auditCsv, type CsvAuditOptions, type ValueMatch } from './csv-audit.ts';
export { dataOutcomeRows } from './data-outcomes.ts';
export {
  compareDataWithModel,
  type DataModelComparison,
  type DataModelRow,
  dataModelLine,
  GAP_TOLERANCE,
  type GapChange,
  gapChange,
  isReversal,
} from './data-versus-model.ts';
export { binomialSampler, disparateImpactInterval, type GroupCounts } from './disparate-impact-interval.ts';
export { FairnessInputError } from './fairness-input-error.ts';
export {
  type BootstrapInterval,
  type BootstrapOptions,
  bootstrapInterval,
  disparateImpact,
  equalOpportunityDifference,
  FOUR_FIFTHS_BAND,
  fourFifthsFlag,
  groupDifference,
  groupRatio,
  type MetricGap,
  type MetricResult,
  type OutcomeRow,
  selectionRate,
  statisticalParityDifference,
  truePositiveRate,
} from './fairness-metrics.ts';
export {
  type AgeConditionalFinding,
  type AuditRow,
  buildFairnessReport,
  buildTableReport,
  type ConditionedFinding,
  type ConditioningSummary,
  type FairnessReport,
  type FairnessReportOptions,
  type ReportSection,
} from './fairness-report.ts';
export {
  type AttributeReport,
  type AttributeSpec,
  type FourFifthsVerdict,
  fourFifthsVerdict,
  type GroupComparison,
  type GroupPair,
  type GroupSummary,
  type ProtectedRow,
} from './group-comparison.ts';
export {
  DEFAULT_NEIGHBOURS,
  NEIGHBOUR_FEATURES,
  type NeighbourAdoptions,
  nearestNeighbourAdoptions,
} from './neighbour-adoptions.ts';
export {
  auditLoggedTurns,
  auditPopulation,
  type LoggedTurn,
  type LoggedTurnsAudit,
  type LoggedTurnsTables,
  type PopulationAudit,
  type PopulationAuditOptions,
} from './population-audit.ts';
export {
  type LoggedTurnsFairness,
  type LoggedTurnsReportOptions,
  loggedTurnsFairnessReport,
  type PopulationReportOptions,
  populationFairnessReport,
} from './population-report.ts';
export {
  type NumericOperator,
  type ProtectedColumn,
  ProtectedSpecError,
  parseProtectedColumn,
  parseValueLabels,
  type ValueLabels,
} from './protected-group.ts';
export { type RenderOptions, renderFairnessReport } from './render-fairness-report.ts';
export { ageConditionalLines, dataVersusModelLines } from './render-population-findings.ts';
export { overallComparisons, type VerdictCounts, verdictCounts } from './verdict-counts.ts';
