import type { AgeBand } from '../../../knowledge/preprocess/index.ts';
import {
  PRODUCT_TYPES,
  type ProductType,
  RISK_TOLERANCES,
  type RiskTolerance,
} from '../../../knowledge/schemas.ts';
import type { Random } from '../../../knowledge/seeded-random.ts';
import type { ConditionalDisparity } from './conditional-disparity.ts';
import type { DataModelComparison } from './data-versus-model.ts';
import {
  type AttributeReport,
  type AttributeSpec,
  compareAttribute,
  type GroupComparison,
  type GroupPair,
  type ProtectedRow,
} from './group-comparison.ts';

/** One audited decision about one customer: the protected features, what was offered, and the outcome. */
export interface AuditRow {
  gender: string;
  age_band: AgeBand;
  /** Whether the customer's income is in the population's bottom quartile. */
  income_quartile: 'bottom' | 'rest';
  risk_tolerance: RiskTolerance;
  /** Types of the products offered, without repeats. */
  offered_types: readonly ProductType[];
  favourable: boolean;
  /** Whether the customer later took up a favourable product (the ground truth for EOD). */
  label?: boolean;
  /** The customer's stratum of the factors through which age may legitimately act (see age-strata.ts). */
  stratum?: string;
}

/** How to build a report. */
export interface FairnessReportOptions {
  /** Drives the bootstrap intervals; inject `createRandom(seed)` for reproducible figures. */
  random: Random;
  /** Bootstrap resamples per interval (default 1000). */
  resamples?: number;
  /** Groups smaller than this get a warning and do not count when conditioning (default 30). */
  minGroupSize?: number;
  title?: string;
  /** What "favourable" means here, in words. */
  favourable?: string;
  /** What a true label means here, in words. */
  label?: string;
}

/** One slice of the rows: everyone, one product type as the outcome, or one risk band. */
export interface ReportSection {
  kind: 'overall' | 'product_type' | 'risk_band';
  name: string;
  rows: number;
  favourableRate: number | null;
  attributes: AttributeReport[];
}

/** An overall comparison followed into each risk band. */
export interface ConditionedFinding {
  attribute: string;
  unprivileged: string;
  privileged: string;
  disparateImpact: number;
  byRiskBand: {
    riskBand: RiskTolerance;
    disparateImpact: number | null;
    flagged: boolean;
    comparable: boolean;
  }[];
}

/** Which overall flags survive conditioning on risk tolerance and which it explains. */
export interface ConditioningSummary {
  /** Flagged overall and in at least one risk band where both groups have ≥ minGroupSize rows. */
  survives: ConditionedFinding[];
  /** Flagged overall but in no comparable risk band: explained by risk tolerance. */
  explained: ConditionedFinding[];
  /** Flagged overall, but no risk band has enough rows in both groups to tell. */
  untestable: ConditionedFinding[];
  /** Not flagged overall but flagged within a comparable risk band: a difference the mix of bands masks. */
  emerges: ConditionedFinding[];
}

/** A complete fairness audit, ready to render. */
export interface FairnessReport {
  title: string;
  favourable: string;
  label: string | null;
  rows: number;
  resamples: number;
  minGroupSize: number;
  sections: ReportSection[];
  /** Null when the rows carry no risk band (e.g. an arbitrary table). */
  conditioning: ConditioningSummary | null;
  /** The dataset's own disparities beside these (population reports only). */
  dataVersusModel?: DataModelComparison;
  /** 18–24 vs 25+ within strata of the legitimate factors, before and after the re-ranking (population reports only). */
  ageConditional?: AgeConditionalFinding;
}

/** The conditional age audit of issue #15, with what the fairness-constrained re-ranking changes. */
export interface AgeConditionalFinding {
  /** Whether the chat applies the re-ranking (FAIR_RERANKING=on), i.e. which figure the rest of the report shows. */
  rerankingApplied: boolean;
  minimumShare: number;
  original: ConditionalDisparity;
  reranked: ConditionalDisparity;
}

const DEFAULT_RESAMPLES = 1000;
const DEFAULT_MIN_GROUP_SIZE = 30;
const AGE_BAND_ORDER: readonly AgeBand[] = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const PRIVILEGED_GENDER = 'Male';
const INTERSECTION = 'gender × age_band';

function hasLabels(rows: readonly { label?: boolean }[]): boolean {
  return rows.some((row) => row.label !== undefined);
}

function section(
  kind: ReportSection['kind'],
  name: string,
  rows: readonly ProtectedRow[],
  specs: readonly AttributeSpec[],
  options: Required<Pick<FairnessReportOptions, 'random' | 'resamples' | 'minGroupSize'>>,
): ReportSection {
  const favourable = rows.filter((row) => row.favourable).length;
  const comparison = { ...options, labelled: hasLabels(rows) };
  return {
    kind,
    name,
    rows: rows.length,
    favourableRate: rows.length === 0 ? null : favourable / rows.length,
    attributes: specs.map((spec) => compareAttribute(rows, spec, comparison)),
  };
}

function toProtectedRow(row: AuditRow, favourable: boolean, withLabel: boolean): ProtectedRow {
  const attributes = {
    gender: row.gender,
    age_band: row.age_band,
    income_quartile: row.income_quartile,
    [INTERSECTION]: `${row.gender} ${row.age_band}`,
  };
  return withLabel && row.label !== undefined
    ? { attributes, favourable, label: row.label }
    : { attributes, favourable };
}

/** Gender vs Male, each age band vs the largest, bottom income quartile vs the rest, gender within each band. */
function auditSpecs(rows: readonly AuditRow[]): AttributeSpec[] {
  const genders = [...new Set(rows.map((row) => row.gender))]
    .filter((gender) => gender !== PRIVILEGED_GENDER)
    .sort((left, right) => (left === 'Female' ? -1 : right === 'Female' ? 1 : left.localeCompare(right)));
  const bandSizes = new Map<AgeBand, number>();
  for (const row of rows) bandSizes.set(row.age_band, (bandSizes.get(row.age_band) ?? 0) + 1);
  const bands = AGE_BAND_ORDER.filter((band) => bandSizes.has(band));
  const largest = bands.reduce<AgeBand | undefined>(
    (best, band) =>
      best === undefined || (bandSizes.get(band) ?? 0) > (bandSizes.get(best) ?? 0) ? band : best,
    undefined,
  );
  const versus = (groups: readonly string[], privileged: string): GroupPair[] =>
    groups.filter((group) => group !== privileged).map((unprivileged) => ({ unprivileged, privileged }));
  return [
    { attribute: 'gender', pairs: versus(genders, PRIVILEGED_GENDER), spread: false },
    {
      attribute: 'age_band',
      pairs: largest === undefined ? [] : versus(bands, largest),
      spread: true,
      ...(largest === undefined ? {} : { note: `reference: ${largest}, the largest band` }),
    },
    { attribute: 'income_quartile', pairs: [{ unprivileged: 'bottom', privileged: 'rest' }], spread: false },
    {
      attribute: INTERSECTION,
      pairs: bands.flatMap((band) =>
        genders.map((gender) => ({
          unprivileged: `${gender} ${band}`,
          privileged: `${PRIVILEGED_GENDER} ${band}`,
        })),
      ),
      spread: true,
      note: 'each gender vs Male within the same age band',
    },
  ];
}

function resolved(options: FairnessReportOptions) {
  return {
    random: options.random,
    resamples: options.resamples ?? DEFAULT_RESAMPLES,
    minGroupSize: options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  };
}

function sameComparison(left: GroupComparison, right: GroupComparison): boolean {
  return (
    left.attribute === right.attribute &&
    left.unprivileged.group === right.unprivileged.group &&
    left.privileged.group === right.privileged.group
  );
}

function conditionOnRisk(sections: readonly ReportSection[], minGroupSize: number): ConditioningSummary {
  const summary: ConditioningSummary = { survives: [], explained: [], untestable: [], emerges: [] };
  const overall = sections.find((candidate) => candidate.kind === 'overall');
  const bands = RISK_TOLERANCES.flatMap((riskBand) => {
    const band = sections.find((candidate) => candidate.kind === 'risk_band' && candidate.name === riskBand);
    return band ? [{ riskBand, attributes: band.attributes }] : [];
  });
  for (const comparison of overall?.attributes.flatMap((attribute) => attribute.comparisons) ?? []) {
    if (comparison.disparateImpact.value === null) continue;
    // Too few rows overall: a flag there cannot be told apart from noise, within bands or not.
    const tooSmall = comparison.verdict === 'untestable';
    const byRiskBand = bands.map((band) => {
      const within = band.attributes
        .flatMap((attribute) => attribute.comparisons)
        .find((candidate) => sameComparison(candidate, comparison));
      const comparable =
        within !== undefined &&
        within.verdict !== 'untestable' &&
        within.unprivileged.size >= minGroupSize &&
        within.privileged.size >= minGroupSize;
      return {
        riskBand: band.riskBand,
        disparateImpact: within?.disparateImpact.value ?? null,
        flagged: within?.verdict === 'outside_band',
        comparable,
      };
    });
    const finding: ConditionedFinding = {
      attribute: comparison.attribute,
      unprivileged: comparison.unprivileged.group,
      privileged: comparison.privileged.group,
      disparateImpact: comparison.disparateImpact.value,
      byRiskBand,
    };
    const flaggedWithin = byRiskBand.some((band) => band.comparable && band.flagged);
    if (tooSmall) {
      if (comparison.fourFifths === true) summary.untestable.push(finding);
    } else if (comparison.verdict !== 'outside_band') {
      if (flaggedWithin) summary.emerges.push(finding);
    } else if (flaggedWithin) summary.survives.push(finding);
    else if (byRiskBand.some((band) => band.comparable)) summary.explained.push(finding);
    else summary.untestable.push(finding);
  }
  return summary;
}

/**
 * The fairness audit of a recommender's decisions: overall, with each product type as the outcome,
 * and within each risk band; then which overall flags survive conditioning on risk tolerance.
 * @example buildFairnessReport(rows, { random: createRandom(42) })
 */
export function buildFairnessReport(
  rows: readonly AuditRow[],
  options: FairnessReportOptions,
): FairnessReport {
  const settings = resolved(options);
  const specs = auditSpecs(rows);
  const overall = rows.map((row) => toProtectedRow(row, row.favourable, true));
  const offeredTypes = PRODUCT_TYPES.filter((type) => rows.some((row) => row.offered_types.includes(type)));
  const sections: ReportSection[] = [
    section('overall', 'all', overall, specs, settings),
    // Offering a type is not what the labels describe, so these sections carry no EOD.
    ...offeredTypes.map((type) =>
      section(
        'product_type',
        type,
        rows.map((row) => toProtectedRow(row, row.offered_types.includes(type), false)),
        specs,
        settings,
      ),
    ),
    ...RISK_TOLERANCES.map((risk) =>
      section(
        'risk_band',
        risk,
        overall.filter((_, index) => rows[index]?.risk_tolerance === risk),
        specs,
        settings,
      ),
    ),
  ];
  return {
    title: options.title ?? 'Fairness audit',
    favourable: options.favourable ?? 'favourable outcome',
    label: hasLabels(rows) ? (options.label ?? 'label') : null,
    rows: rows.length,
    resamples: settings.resamples,
    minGroupSize: settings.minGroupSize,
    sections,
    conditioning: conditionOnRisk(sections, settings.minGroupSize),
  };
}

/** The same report over any table: one overall section for the given attributes, no conditioning. */
export function buildTableReport(
  rows: readonly ProtectedRow[],
  specs: readonly AttributeSpec[],
  options: FairnessReportOptions,
): FairnessReport {
  const settings = resolved(options);
  return {
    title: options.title ?? 'Fairness audit',
    favourable: options.favourable ?? 'favourable outcome',
    label: hasLabels(rows) ? (options.label ?? 'label') : null,
    rows: rows.length,
    resamples: settings.resamples,
    minGroupSize: settings.minGroupSize,
    sections: [section('overall', 'all', rows, specs, settings)],
    conditioning: null,
  };
}
