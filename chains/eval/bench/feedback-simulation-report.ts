import type { FeedbackSimulation } from './feedback-simulation.ts';

const TRUTH_DESCRIPTIONS: Readonly<Record<FeedbackSimulation['truthSource'], string>> = {
  'hidden-needs': "the generator's hidden needs (re-derived from its seed)",
  'held-out-adoptions': 'held-out adoptions after the cut-off (hidden needs could not be re-derived)',
};

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/**
 * The feedback simulation as plain lines: what was simulated, NDCG@5 and acceptance per round with
 * and without feedback, and the curve in one line.
 * @example renderFeedbackSimulation(run.feedbackSimulation).join('\n')
 */
export function renderFeedbackSimulation(simulation: FeedbackSimulation): string[] {
  const { rounds } = simulation;
  const header = [
    `Feedback simulation — ${simulation.customers} customers, ${rounds.length} round(s) of top-${simulation.k}, ` +
      `truth: ${TRUTH_DESCRIPTIONS[simulation.truthSource]}; a wanted product is accepted with p ` +
      `${simulation.acceptProbability}, another declined with p ${simulation.declineProbability}; ` +
      `${simulation.seconds.toFixed(1)} s.`,
  ];
  const rows = rounds.map((round) => [
    String(round.round),
    round.ndcgWithFeedback.toFixed(3),
    round.ndcgWithoutFeedback.toFixed(3),
    percent(round.acceptanceWithFeedback),
    percent(round.acceptanceWithoutFeedback),
    percent(round.movedByFeedbackShare),
    percent(round.exploredShare),
  ]);
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const curve =
    first === undefined || last === undefined
      ? []
      : [
          `NDCG@5 round 1 … round ${last.round}: with feedback ${first.ndcgWithFeedback.toFixed(3)} … ` +
            `${last.ndcgWithFeedback.toFixed(3)} / without ${first.ndcgWithoutFeedback.toFixed(3)} … ` +
            `${last.ndcgWithoutFeedback.toFixed(3)}`,
        ];
  return [
    ...header,
    ...alignedTable(
      ['round', 'NDCG@5 with', 'without', 'accepted with', 'without', 'moved by feedback', 'explored'],
      rows,
    ),
    ...curve,
  ];
}

/** Right-aligned columns, as the other bench tables. */
function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padStart(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
