import { z } from 'zod';

/** The parts of a logged turn the operations summary reads (the audit log's turn records fit this shape). */
export interface OperationsTurn {
  latencyMs: number;
  provider: { name: string; model: string };
  validator: { ok: boolean; repaired: boolean; fellBack: boolean; issues: readonly { reason: string }[] };
  bias: { flagged: boolean };
  recommendations: readonly unknown[];
}

/** The parts of a logged piece of feedback the summary reads. */
export interface OperationsFeedback {
  rating: 'up' | 'down' | null;
  productId: string | null;
  accepted: boolean | null;
}

/** How the bot behaved in production, from its audit log: the operations section of `/bench` and the dashboard. */
export const OperationsSummary = z.object({
  turns: z.number().int(),
  turnsWithRecommendations: z.number().int(),
  /** Nearest-rank percentiles of the logged per-turn latency; null with no turns. */
  latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
  validator: z.object({
    /** First drafts sent as written. */
    passed: z.number().int(),
    /** Drafts that failed and were repaired by the re-prompt. */
    repaired: z.number().int(),
    /** Drafts replaced by the grounded fallback. */
    fellBack: z.number().int(),
    /** passed / turns; null with no turns. */
    passRate: z.number().nullable(),
    /** Reason code → how many issues of that reason were seen. */
    reasons: z.record(z.string(), z.number().int()),
  }),
  biasGuard: z.object({ flagged: z.number().int(), flagRate: z.number().nullable() }),
  /** `provider/model` → turns written by it. */
  providers: z.record(z.string(), z.number().int()),
  feedback: z.object({
    total: z.number().int(),
    thumbsUp: z.number().int(),
    thumbsDown: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    /** Feedback items per turn; null with no turns. */
    rate: z.number().nullable(),
  }),
});
/** The operations summary. */
export type OperationsSummary = z.output<typeof OperationsSummary>;

function nearestRank(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? null;
}

/** Summarises logged turns and feedback; plain counts and nearest-rank percentiles, nothing estimated. */
export function summariseOperations(
  turns: readonly OperationsTurn[],
  feedback: readonly OperationsFeedback[],
): OperationsSummary {
  const latencies = turns.map((turn) => turn.latencyMs).sort((a, b) => a - b);
  const reasons: Record<string, number> = {};
  const providers: Record<string, number> = {};
  let passed = 0;
  let repaired = 0;
  let fellBack = 0;
  let flagged = 0;
  let advised = 0;
  for (const turn of turns) {
    if (turn.validator.fellBack) fellBack += 1;
    else if (turn.validator.repaired) repaired += 1;
    else if (turn.validator.ok) passed += 1;
    for (const issue of turn.validator.issues) reasons[issue.reason] = (reasons[issue.reason] ?? 0) + 1;
    const provider = `${turn.provider.name}/${turn.provider.model}`;
    providers[provider] = (providers[provider] ?? 0) + 1;
    if (turn.bias.flagged) flagged += 1;
    if (turn.recommendations.length > 0) advised += 1;
  }
  const rate = (count: number) => (turns.length === 0 ? null : count / turns.length);
  return {
    turns: turns.length,
    turnsWithRecommendations: advised,
    latencyMs: { p50: nearestRank(latencies, 0.5), p95: nearestRank(latencies, 0.95) },
    validator: { passed, repaired, fellBack, passRate: rate(passed), reasons },
    biasGuard: { flagged, flagRate: rate(flagged) },
    providers,
    feedback: {
      total: feedback.length,
      thumbsUp: feedback.filter((item) => item.rating === 'up').length,
      thumbsDown: feedback.filter((item) => item.rating === 'down').length,
      accepted: feedback.filter((item) => item.productId !== null && item.accepted === true).length,
      declined: feedback.filter((item) => item.productId !== null && item.accepted === false).length,
      rate: rate(feedback.length),
    },
  };
}
