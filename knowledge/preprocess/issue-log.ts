import { type DataIssue, DatasetError } from '../errors.ts';

/** How many issues are kept word for word; the rest are only counted. */
export const STORED_ISSUE_LIMIT = 1000;

/**
 * Collects every data issue found while loading. Structural issues (a missing column, a file that
 * is not UTF-8, a broken catalogue) make the dataset unusable even when bad rows may be skipped.
 */
export class IssueLog {
  readonly issues: DataIssue[] = [];
  total = 0;
  structural = 0;

  constructor(private readonly limit = STORED_ISSUE_LIMIT) {}

  /** Records a problem with one row or value; the row can be dropped and loading go on. */
  add(issue: DataIssue): void {
    this.total++;
    if (this.issues.length < this.limit) this.issues.push(issue);
  }

  /** Records a problem that no amount of row skipping can fix. */
  addStructural(issue: DataIssue): void {
    this.structural++;
    this.add(issue);
  }

  /** One error carrying the stored issues, plus a final line saying how many were left out. */
  toError(): DatasetError {
    const left = this.total - this.issues.length;
    const listed: DataIssue[] =
      left > 0
        ? [...this.issues, { file: '*', line: 0, field: '*', reason: `${left} more issue(s) not listed` }]
        : this.issues;
    return new DatasetError(listed);
  }
}
