import { z } from 'zod';
import { ChainError } from '../chain-error.ts';
import { DEFAULT_RECOMMENDATION_LIMIT } from './rank-products.ts';

const FairRerankingEnvironment = z.object({
  FAIR_RERANKING: z.enum(['on', 'off'], 'expected on or off').default('off'),
  FAIR_RERANKING_MIN_SHARE: z.coerce
    .number('expected a number from 0 to 1')
    .min(0, 'must be from 0 to 1')
    .max(1, 'must be from 0 to 1')
    .default(0.34),
});

/** Whether the fairness-constrained re-ranking for 18–24-year-olds is applied, and how strongly. */
export interface FairRerankingConfig {
  /** Off by default: the audit and `npm run bench:quality` show what switching it on would cost and change. */
  enabled: boolean;
  /** Minimum share of favourable (investment or premium) products in every prefix of the top k. */
  minimumShare: number;
  /** The positions constrained: the products a reply shows. */
  k: number;
}

/**
 * Parses `FAIR_RERANKING` (on|off, default off) and `FAIR_RERANKING_MIN_SHARE` (0–1, default 0.34: at least one
 * favourable product among the three shown) once; a bad value fails with the variable's name.
 */
export function loadFairRerankingConfig(environment: NodeJS.ProcessEnv = process.env): FairRerankingConfig {
  const parsed = FairRerankingEnvironment.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ChainError('INVALID_INPUT', `Invalid configuration: ${problems.join('; ')}`);
  }
  return {
    enabled: parsed.data.FAIR_RERANKING === 'on',
    minimumShare: parsed.data.FAIR_RERANKING_MIN_SHARE,
    k: DEFAULT_RECOMMENDATION_LIMIT,
  };
}
