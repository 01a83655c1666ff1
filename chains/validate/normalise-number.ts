/** A number as written in text: its value and the rounding unit its writing implies. */
export interface NumberReading {
  value: number;
  /** The unit of the last digit the writer committed to: "$42,000" → 1,000; "4.50%" → 0.01; "$1.2k" → 100. */
  step: number;
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const NUMBER_TEXT =
  /^[-+]?\s*(?:us\$|\$|usd|€|£)?\s*[-+]?\s*(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?<scale>k|mn|m|bn|b|thousand|million|billion)?\s*(?:%|percent|per cent|dollars?|usd|bucks)?$/i;

/** Fewest significant figures assumed for a round number, so "$40,000" is not read as "anything from $35k to $45k". */
const MIN_SIGNIFICANT_FIGURES = 2;

/**
 * Reads "$1,200", "$1.2k", "1,200 dollars", "4.5%", "4.5 percent", "42,000.00" into a value and the precision
 * it was written to; anything else is null.
 */
export function readNumber(text: string): NumberReading | null {
  const match = NUMBER_TEXT.exec(text.trim());
  const digits = match?.groups?.digits;
  if (match === null || digits === undefined) return null;
  const plain = digits.replaceAll(',', '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  const scale = SCALES[(match.groups?.scale ?? '').toLowerCase()] ?? 1;
  return { value: value * scale, step: writtenStep(plain) * scale };
}

function writtenStep(plain: string): number {
  const point = plain.indexOf('.');
  if (point >= 0) return 10 ** -(plain.length - point - 1);
  const significant = plain.replace(/^0+/, '');
  if (significant.length === 0) return 1;
  const trailingZeros = significant.length - significant.replace(/0+$/, '').length;
  return 10 ** Math.min(trailingZeros, Math.max(0, significant.length - MIN_SIGNIFICANT_FIGURES));
}

/** Whether a figure written as `reading` could be `source` rounded to the writer's precision ($42,000 ≈ 41,873.55). */
export function isSameFigure(reading: NumberReading, source: number): boolean {
  if (!Number.isFinite(source)) return false;
  const tolerance = reading.step / 2 + reading.step * 1e-6 + 1e-9;
  return Math.abs(Math.abs(source) - Math.abs(reading.value)) <= tolerance;
}
