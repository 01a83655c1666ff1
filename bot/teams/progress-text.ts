import type { TurnProgress } from '../core/index.ts';

const TEXTS: Record<TurnProgress, string> = {
  understanding: 'Reading your question…',
  retrieving: "Looking up the customer's file and our guides…",
  ranking: 'Checking which products suit the customer…',
  writing: 'Writing and checking the answer…',
};

/** The informative line Teams shows while a step of the turn runs (under Teams' 1,000-character limit). */
export function progressText(step: TurnProgress): string {
  return TEXTS[step];
}
