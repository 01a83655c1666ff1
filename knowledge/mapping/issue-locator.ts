import type { DataIssue } from '../errors.ts';

/** Where one translated file came from: the bank's file, its line per translated line, its column per field. */
class FileOrigin {
  private readonly lines = new Map<number, number>();
  private readonly columns = new Map<string, string>();

  constructor(readonly source: string) {}

  /** Translated line `translated` came from the bank file's line `original`. */
  line(translated: number, original: number): void {
    this.lines.set(translated, original);
  }

  /** Schema field `field` came from the bank's column(s) `column`. */
  column(field: string, column: string): void {
    this.columns.set(field, column);
  }

  relocate(issue: DataIssue): DataIssue {
    const line = issue.line <= 1 ? issue.line : (this.lines.get(issue.line) ?? issue.line);
    const column = this.columns.get(issue.field);
    const field = column === undefined || column === issue.field ? issue.field : `${column} → ${issue.field}`;
    return { ...issue, file: this.source, line, field };
  }
}

/**
 * Moves issues found in translated schema files back to the bank's files, lines and columns, so
 * a person fixes the file they gave, not a copy they never saw.
 */
export class IssueLocator {
  private readonly origins = new Map<string, FileOrigin>();

  /** Registers a translated file (`customers.csv`) and the bank file it came from. */
  file(target: string, source: string): FileOrigin {
    const origin = new FileOrigin(source);
    this.origins.set(target, origin);
    return origin;
  }

  /** The issue as seen in the bank's file; issues of other files are returned unchanged. */
  relocate(issue: DataIssue): DataIssue {
    return this.origins.get(issue.file)?.relocate(issue) ?? issue;
  }

  /** Every issue relocated. */
  relocateAll(issues: readonly DataIssue[]): DataIssue[] {
    return issues.map((issue) => this.relocate(issue));
  }
}
