import { AdvisorError } from './advisor-error.ts';

/** Why a knowledge-layer operation failed; callers branch on the code, people read the message. */
export type KnowledgeErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_FILE'
  | 'STORE_UNAVAILABLE'
  | 'EMBEDDER_MISMATCH'
  | 'EMBEDDER_UNAVAILABLE'
  | 'INVALID_CONFIG'
  | 'INVALID_MAPPING';

/** Base error of the knowledge layer; `cause` is always kept. */
export class KnowledgeError extends AdvisorError<KnowledgeErrorCode> {}

/** One bad value in one input file, located precisely enough to fix by hand. */
export interface DataIssue {
  file: string;
  /** 1-based line in the file (the header is line 1); 0 when the issue is about the whole file. */
  line: number;
  field: string;
  reason: string;
}

/** How many issues one field of one file had in all (the stored list may be capped). */
export interface IssueTotal {
  file: string;
  field: string;
  count: number;
}

/** Thrown when input files fail validation; carries every issue found, not just the first. */
export class DatasetError extends KnowledgeError {
  /** The true number of issues (issues may be capped) and the count per file and field. */
  readonly total: number;
  readonly totals: readonly IssueTotal[];

  constructor(
    readonly issues: DataIssue[],
    options?: ErrorOptions & { total?: number; totals?: readonly IssueTotal[] },
  ) {
    super('INVALID_INPUT', DatasetError.describe(issues, options), options);
    this.total = options?.total ?? issues.length;
    this.totals = options?.totals ?? [];
  }

  /** The message: the true total, the count per file and field, then the first issues (header problems first). */
  static describe(
    issues: DataIssue[],
    counts: { total?: number; totals?: readonly IssueTotal[] } = {},
    limit = 20,
  ): string {
    const total = counts.total ?? issues.length;
    const perField =
      counts.totals && counts.totals.length > 1
        ? `\nPer file and field: ${counts.totals.map((item) => `${item.file} ${item.field || '(file)'} ${item.count}`).join('; ')}`
        : '';
    const shown = issues.filter((issue) => issue.file !== '*').slice(0, limit);
    const lines = shown.map((issue) => `${issue.file}:${issue.line} ${issue.field}: ${issue.reason}`);
    const more = total > shown.length ? `\n… and ${total - shown.length} more` : '';
    return `${total} invalid value(s) in the input data:${perField}\n${lines.join('\n')}${more}`;
  }
}
