import { FairnessInputError } from './fairness-input-error.ts';
import { labelOf, type ProtectedColumn, toCodes, type ValueLabels } from './protected-group.ts';

/** Distinct values kept per column; beyond this a column is "many-valued" and only counted. */
const DISTINCT_LIMIT = 10_000;
/** Values named in an error message. */
const SHOWN_VALUES = 20;

/** The distinct values each audited column holds, so a mistyped flag value can be named. */
export class ValuesSeen {
  private readonly values = new Map<string, Set<string>>();

  /** Records one cell of `column`. */
  add(column: string, value: string): void {
    let set = this.values.get(column);
    if (set === undefined) {
      set = new Set();
      this.values.set(column, set);
    }
    if (set.size < DISTINCT_LIMIT) set.add(value);
  }

  /** Whether `value` occurs in `column`. */
  has(column: string, value: string): boolean {
    return this.values.get(column)?.has(value) ?? false;
  }

  /** The values found, for a message: numbers as a range, else up to 20 of them (sorted). */
  describe(column: string, labels?: ValueLabels): string {
    const found = [...(this.values.get(column) ?? [])];
    if (found.length > SHOWN_VALUES && found.every((value) => Number.isFinite(Number(value)))) {
      const numbers = found.map(Number);
      return `numbers from ${Math.min(...numbers)} to ${Math.max(...numbers)}`;
    }
    const shown = found
      .sort()
      .slice(0, SHOWN_VALUES)
      .map((value) => {
        const label = labelOf(labels, column, value);
        return label === value ? value : `${value} (${label})`;
      });
    const more = found.length > SHOWN_VALUES ? `, … ${found.length - SHOWN_VALUES} more` : '';
    return `${shown.join(', ')}${more}`;
  }
}

/** The flag values the table does not hold; a typo would otherwise give a silent 0% rate. */
interface FlagValues {
  protected: readonly ProtectedColumn[];
  favourable: { column: string; values: readonly string[] };
  label?: { column: string; values: readonly string[] };
  labels?: ValueLabels;
}

function unknownValues(
  flag: string,
  column: string,
  values: readonly string[],
  seen: ValuesSeen,
  options: FlagValues,
): string | undefined {
  const codes = toCodes(options.labels, column, values);
  const missing = values.filter((_, index) => !seen.has(column, codes[index] ?? ''));
  if (missing.length === 0) return undefined;
  const quoted = missing.map((value) => `"${value}"`).join(', ');
  return `--${flag} ${column}: no row has ${quoted} (values found: ${seen.describe(column, options.labels)})`;
}

/**
 * Throws a {@link FairnessInputError} listing every `--favourable`, `--label`, `--protected` and
 * `--labels` value that occurs nowhere in its column, with the values the column does hold.
 */
export function checkValuesFound(file: string, options: FlagValues, seen: ValuesSeen): void {
  const problems: string[] = [];
  const check = (flag: string, column: string, values: readonly string[]) => {
    const problem = unknownValues(flag, column, values, seen, options);
    if (problem) problems.push(problem);
  };
  check('favourable', options.favourable.column, options.favourable.values);
  if (options.label) check('label', options.label.column, options.label.values);
  for (const spec of options.protected) {
    if ('privileged' in spec) check('protected', spec.column, spec.privileged);
  }
  for (const [column, codes] of Object.entries(options.labels ?? {})) {
    const audited =
      column === options.favourable.column ||
      column === options.label?.column ||
      options.protected.some((spec) => spec.column === column);
    if (!audited) {
      problems.push(`--labels ${column}: not a column this audit reads`);
      continue;
    }
    const missing = Object.keys(codes).filter((code) => !seen.has(column, code));
    if (missing.length > 0) {
      problems.push(
        `--labels ${column}: no row has ${missing.map((code) => `"${code}"`).join(', ')} (values found: ${seen.describe(column)})`,
      );
    }
  }
  if (problems.length > 0) {
    throw new FairnessInputError(`${file}: ${problems.join('; ')}`, { file });
  }
}
