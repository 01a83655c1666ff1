import { type DataIssue, DatasetError, type IssueTotal } from '../errors.ts';

/** How many row issues are kept word for word; the rest are only counted (header issues are all kept). */
export const STORED_ISSUE_LIMIT = 1000;

/**
 * Where issues found in translated files really are (see knowledge/mapping): each issue is moved to
 * the bank's own file, line and column, and `known` issues (found while translating) stand in for the
 * schema's own complaint about the same value.
 */
export interface IssueOrigin {
  relocate(issue: DataIssue): DataIssue;
  known: readonly DataIssue[];
}

const keyOf = (issue: DataIssue) => `${issue.file}\u0000${issue.line}\u0000${issue.field}`;

/**
 * Collects every data issue found while loading. Structural issues (a missing column, a file that
 * is not UTF-8, a broken catalogue) make the dataset unusable even when bad rows may be skipped.
 * Header and whole-file issues (line 0 or 1) are all kept and listed first; row issues are kept up
 * to the limit; every issue is counted per file and field.
 */
export class IssueLog {
  private readonly fileIssues: DataIssue[] = [];
  private readonly rowIssues: DataIssue[] = [];
  private readonly counts = new Map<string, IssueTotal>();
  private readonly knownKeys = new Set<string>();
  total = 0;
  structural = 0;

  constructor(
    private readonly limit = STORED_ISSUE_LIMIT,
    private readonly origin?: IssueOrigin,
  ) {
    for (const issue of origin?.known ?? []) {
      this.knownKeys.add(keyOf(issue));
      if (issue.line <= 1) this.addStructural(issue);
      else this.add(issue);
    }
  }

  /** The stored issues: every file's header problems first, then the first rows' problems in file order. */
  get issues(): DataIssue[] {
    return [...this.fileIssues, ...this.rowIssues];
  }

  /** The true number of issues per file and field, in the order first met. */
  get totals(): IssueTotal[] {
    return [...this.counts.values()];
  }

  /** Records a problem with one row or value; the row can be dropped and loading go on. */
  add(found: DataIssue): void {
    const issue = this.origin ? this.origin.relocate(found) : found;
    // A value already reported while translating is not reported twice.
    if (this.knownKeys.has(keyOf(issue)) && !this.origin?.known.includes(found)) return;
    this.total++;
    const countKey = `${issue.file}\u0000${issue.field}`;
    const count = this.counts.get(countKey) ?? { file: issue.file, field: issue.field, count: 0 };
    count.count++;
    this.counts.set(countKey, count);
    if (issue.line <= 1) this.fileIssues.push(issue);
    else if (this.rowIssues.length < this.limit) this.rowIssues.push(issue);
  }

  /** Records a problem that no amount of row skipping can fix. */
  addStructural(issue: DataIssue): void {
    this.structural++;
    this.add(issue);
  }

  /** One error carrying the stored issues, plus a final line saying how many were left out, and the true totals. */
  toError(): DatasetError {
    const stored = this.issues;
    const left = this.total - stored.length;
    const listed: DataIssue[] =
      left > 0
        ? [...stored, { file: '*', line: 0, field: '*', reason: `${left} more issue(s) not listed` }]
        : stored;
    return new DatasetError(listed, { total: this.total, totals: this.totals });
  }
}
