import { AdvisorError } from './advisor-error.ts';

/** Why a knowledge-layer operation failed; callers branch on the code, people read the message. */
export type KnowledgeErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_FILE'
  | 'STORE_UNAVAILABLE'
  | 'EMBEDDER_MISMATCH'
  | 'EMBEDDER_UNAVAILABLE'
  | 'INVALID_CONFIG';

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

/** Thrown when input files fail validation; carries every issue found, not just the first. */
export class DatasetError extends KnowledgeError {
  constructor(
    readonly issues: DataIssue[],
    options?: ErrorOptions,
  ) {
    super('INVALID_INPUT', DatasetError.describe(issues), options);
  }

  static describe(issues: DataIssue[], limit = 20): string {
    const lines = issues
      .slice(0, limit)
      .map((issue) => `${issue.file}:${issue.line} ${issue.field}: ${issue.reason}`);
    const more = issues.length > limit ? `\n… and ${issues.length - limit} more` : '';
    return `${issues.length} invalid value(s) in the input data:\n${lines.join('\n')}${more}`;
  }
}
