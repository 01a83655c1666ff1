import { AdvisorError } from '../../knowledge/advisor-error.ts';

/** Why an audit-log operation failed; callers branch on the code, people read the message. */
export type AuditErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_TURN'
  | 'MISSING_FILE'
  | 'UNSUPPORTED_SCHEMA'
  | 'CORRUPT_RECORD'
  | 'READ_ONLY'
  | 'STORE_UNAVAILABLE';

/** Base error of the audit log; `cause` is always kept. */
export class AuditError extends AdvisorError<AuditErrorCode> {}

/** One invalid field of an audit input, named by its path (e.g. `recommendations[0].score`). */
export interface AuditInputIssue {
  field: string;
  reason: string;
}

/** Thrown before anything is written when a turn or feedback fails validation; lists every bad field. */
export class AuditInputError extends AuditError {
  constructor(
    readonly subject: 'turn' | 'feedback' | 'filter' | 'head',
    readonly issues: AuditInputIssue[],
    options?: ErrorOptions,
  ) {
    const fields = issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; ');
    super('INVALID_INPUT', `invalid audit ${subject}: ${fields}`, options);
  }
}
