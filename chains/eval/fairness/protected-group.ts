/** How a numeric column splits rows into a privileged group and the rest. */
export type NumericOperator = '>=' | '>' | '<' | '<=';

/**
 * A column holding a protected attribute and how its privileged (reference) group is found: by
 * value(s) (`gender=Male`) or by a numeric threshold (`age>25`: the rest form one unprivileged group).
 */
export type ProtectedColumn =
  | { column: string; privileged: readonly string[] }
  | { column: string; threshold: { operator: NumericOperator; value: number } };

/** Readable names for coded values, per column (`personal_status` → `A92` → `female`). */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

const COMPLEMENT: Readonly<Record<NumericOperator, NumericOperator>> = {
  '>=': '<',
  '>': '<=',
  '<': '>=',
  '<=': '>',
};

const SPEC = /^([^<>=]+?)\s*(>=|<=|>|<|=)\s*(.*)$/s;

/** Why a `--protected` text could not be read. */
export class ProtectedSpecError extends Error {}

/**
 * Reads `COLUMN=A,B`, `COLUMN>=N`, `COLUMN>N`, `COLUMN<N` or `COLUMN<=N`.
 * @example parseProtectedColumn('age<=25') // { column: 'age', threshold: { operator: '<=', value: 25 } }
 */
export function parseProtectedColumn(text: string): ProtectedColumn {
  const match = SPEC.exec(text.trim());
  const column = match?.[1]?.trim() ?? '';
  const operator = match?.[2] ?? '';
  const rest = match?.[3]?.trim() ?? '';
  if (column === '' || rest === '') {
    throw new ProtectedSpecError(
      `--protected must look like COLUMN=VALUE[,VALUE] or COLUMN>=N (also >, <, <=), got "${text}"`,
    );
  }
  if (operator === '=') {
    const values = rest
      .split(',')
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (values.length === 0) throw new ProtectedSpecError(`--protected "${text}" names no value`);
    return { column, privileged: values };
  }
  const value = Number(rest);
  if (!Number.isFinite(value)) {
    throw new ProtectedSpecError(`--protected "${text}": expected a number after ${operator}, got "${rest}"`);
  }
  return { column, threshold: { operator: operator as NumericOperator, value } };
}

/** A value's readable name: its label when one is given, else the value itself. */
export function labelOf(labels: ValueLabels | undefined, column: string, value: string): string {
  return labels?.[column]?.[value] ?? value;
}

/** The codes a flag's values stand for: a value may be written as the code or as its label. */
export function toCodes(
  labels: ValueLabels | undefined,
  column: string,
  values: readonly string[],
): string[] {
  const byLabel = new Map(Object.entries(labels?.[column] ?? {}).map(([code, label]) => [label, code]));
  return values.map((value) => byLabel.get(value) ?? value);
}

/** The name of the privileged (reference) group, as shown in the report. */
export function privilegedGroup(spec: ProtectedColumn, labels?: ValueLabels): string {
  if ('threshold' in spec) return `${spec.column} ${spec.threshold.operator} ${spec.threshold.value}`;
  return toCodes(labels, spec.column, spec.privileged)
    .map((code) => labelOf(labels, spec.column, code))
    .join(' or ');
}

/**
 * The group a raw cell falls in: the privileged group, the one unprivileged group of a threshold,
 * or the cell's own (labelled) value. Undefined when a threshold column holds no number.
 */
export function groupOf(spec: ProtectedColumn, text: string, labels?: ValueLabels): string | undefined {
  if ('threshold' in spec) {
    const value = Number(text);
    if (!Number.isFinite(value)) return undefined;
    const { operator, value: limit } = spec.threshold;
    const privileged =
      operator === '>='
        ? value >= limit
        : operator === '>'
          ? value > limit
          : operator === '<'
            ? value < limit
            : value <= limit;
    return privileged ? privilegedGroup(spec) : `${spec.column} ${COMPLEMENT[operator]} ${limit}`;
  }
  const codes = toCodes(labels, spec.column, spec.privileged);
  return codes.includes(text) ? privilegedGroup(spec, labels) : labelOf(labels, spec.column, text);
}

/**
 * Reads `COLUMN=CODE:label,CODE:label` (several columns: repeat the flag).
 * @example parseValueLabels(['personal_status=A91:male,A92:female'])
 */
export function parseValueLabels(texts: readonly string[]): ValueLabels {
  const labels: Record<string, Record<string, string>> = {};
  for (const text of texts) {
    const separator = text.indexOf('=');
    const column = text.slice(0, Math.max(0, separator)).trim();
    const pairs = text
      .slice(separator + 1)
      .split(',')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '');
    if (separator === -1 || column === '' || pairs.length === 0) {
      throw new ProtectedSpecError(`--labels must look like COLUMN=CODE:label[,CODE:label], got "${text}"`);
    }
    const forColumn = labels[column] ?? {};
    for (const pair of pairs) {
      const colon = pair.indexOf(':');
      const code = pair.slice(0, Math.max(0, colon)).trim();
      const label = pair.slice(colon + 1).trim();
      if (colon === -1 || code === '' || label === '') {
        throw new ProtectedSpecError(`--labels ${column}: "${pair}" must look like CODE:label`);
      }
      forColumn[code] = label;
    }
    labels[column] = forColumn;
  }
  return labels;
}
