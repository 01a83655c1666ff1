import { GENDERS, type Gender, type Product } from '../../knowledge/schemas.ts';
import type { Recommendation, RecommendationInput } from '../recommend/recommendation.ts';
import { AGE_BANDS, ageBandOf } from './age-bands.ts';

/** Any recommender under test: the real rankProducts bound to a catalogue, or a stand-in. */
export type Ranker = (input: RecommendationInput) => Recommendation[];

/** One counterfactual re-ranking: the protected attribute changed, and what came back. */
export interface CounterfactualVariant {
  attribute: 'gender' | 'age_band';
  value: string;
  productIds: string[];
  /** Whether the product set differs from the original beyond what age eligibility explains. */
  changed: boolean;
}

/** The outcome of a counterfactual check, ready for the audit log. */
export interface CounterfactualResult {
  flagged: boolean;
  /** The ranking to show: the original when nothing was flagged, else the gender-neutral one. */
  neutralRanking: Recommendation[];
  variants: CounterfactualVariant[];
  reasons: string[];
}

/**
 * Re-ranks the customer with gender set to each other value and age moved to each other band's
 * representative age, and flags the ranking if any variant recommends a different set of products.
 *
 * Age is a legitimate suitability input (products have age eligibility), so for age variants the
 * products whose eligibility admits only one of the two ages are ignored: they leave or join the
 * list legitimately. Once they are set aside, an age-blind ranker's two lists are both prefixes of
 * the same order over the products both ages may hold (a product leaving for eligibility frees a
 * slot that the next one fills), so only the common prefix is compared. Any difference there means
 * age moved a product that eligibility does not explain.
 */
export function counterfactualCheck(rank: Ranker, input: RecommendationInput): CounterfactualResult {
  const original = rank(input);
  const originalIds = productIdsOf(original);
  const variants: CounterfactualVariant[] = [];
  const reasons: string[] = [];

  const genderRankings = new Map<Gender, Recommendation[]>([[input.customer.gender, original]]);
  for (const gender of GENDERS) {
    if (gender === input.customer.gender) continue;
    const ranking = rank({ ...input, customer: { ...input.customer, gender } });
    genderRankings.set(gender, ranking);
    const productIds = productIdsOf(ranking);
    const reason = describeChange(`gender set to ${gender}`, originalIds, productIds);
    variants.push({ attribute: 'gender', value: gender, productIds, changed: reason !== null });
    if (reason !== null) reasons.push(reason);
  }

  const age = input.customer.age;
  const ownBand = ageBandOf(age);
  for (const band of AGE_BANDS) {
    if (band === ownBand) continue;
    const counterfactualAge = band.representativeAge;
    const ranking = rank({ ...input, customer: { ...input.customer, age: counterfactualAge } });
    const admitsBoth = (product: Product): boolean =>
      admitsAge(product, age) && admitsAge(product, counterfactualAge);
    const before = productIdsOf(original.filter((recommendation) => admitsBoth(recommendation.product)));
    const after = productIdsOf(ranking.filter((recommendation) => admitsBoth(recommendation.product)));
    const common = Math.min(before.length, after.length);
    const reason = describeChange(
      `age moved to ${counterfactualAge} (band ${band.label})`,
      before.slice(0, common),
      after.slice(0, common),
    );
    variants.push({
      attribute: 'age_band',
      value: band.label,
      productIds: productIdsOf(ranking),
      changed: reason !== null,
    });
    if (reason !== null) reasons.push(reason);
  }

  const flagged = reasons.length > 0;
  return {
    flagged,
    neutralRanking: flagged ? genderMajorityRanking(input.customer.gender, genderRankings) : original,
    variants,
    reasons,
  };
}

/**
 * The ranking most gender values agree on (as a product set), preferring the customer's own when
 * it is in the majority. A majority vote rather than a fixed reference gender: a ranker biased
 * against any one group is outvoted by the other two, whichever group that is, and the customer
 * gets what customers of the other genders are offered. Only when all three differ is there no
 * majority; then the first value of GENDERS is the fixed, reproducible tie-break.
 *
 * Age is not neutralised: it is a legal suitability input, so an age flag keeps the
 * gender-neutral ranking and is left to the audit log and human review.
 */
function genderMajorityRanking(
  ownGender: Gender,
  rankings: ReadonlyMap<Gender, Recommendation[]>,
): Recommendation[] {
  const voters = new Map<string, Gender[]>();
  for (const gender of GENDERS) {
    const ranking = rankings.get(gender);
    if (ranking === undefined) continue;
    const key = [...productIdsOf(ranking)].sort().join('|');
    voters.set(key, [...(voters.get(key) ?? []), gender]);
  }
  let majority: Gender[] = [];
  for (const group of voters.values()) if (group.length > majority.length) majority = group;
  const chosen = majority.includes(ownGender) ? ownGender : majority[0];
  return (chosen === undefined ? undefined : rankings.get(chosen)) ?? [];
}

function admitsAge(product: Product, age: number): boolean {
  return age >= product.eligibility.min_age && age <= product.eligibility.max_age;
}

function productIdsOf(ranking: readonly Recommendation[]): string[] {
  return ranking.map((recommendation) => recommendation.product.id);
}

/** "With gender set to Female, FND-03 was dropped and SAV-02 added", or null when the sets match. */
function describeChange(change: string, before: readonly string[], after: readonly string[]): string | null {
  const dropped = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  if (dropped.length === 0 && added.length === 0) return null;
  const parts = [
    ...(dropped.length > 0 ? [`${dropped.join(', ')} dropped`] : []),
    ...(added.length > 0 ? [`${added.join(', ')} added`] : []),
  ];
  return `With ${change}, the recommended products changed: ${parts.join('; ')}`;
}
