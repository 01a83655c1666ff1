/**
 * Whether the audit log is taking appends, as the core last saw it. A failure is logged once when a burst of
 * failures starts and once when appends succeed again (with how many turns were refused), never per request.
 */
export class AuditHealth {
  private failingSince: number | undefined;
  private refused = 0;
  private lastError: string | undefined;
  private lastFailureAt: number | undefined;

  constructor(
    private readonly log: (line: string) => void = (line) => console.error(line),
    private readonly now: () => number = Date.now,
  ) {}

  /** True from a failed append until the next successful one. */
  get failing(): boolean {
    return this.failingSince !== undefined;
  }

  /** The first failure's message of the current burst, for `/readyz`. */
  get reason(): string | undefined {
    return this.lastError;
  }

  /** Milliseconds since the latest failed append of the current burst; undefined while healthy. */
  sinceLastFailureMs(): number | undefined {
    return this.lastFailureAt === undefined ? undefined : this.now() - this.lastFailureAt;
  }

  /** Records a failed append; logs only the first of a burst. */
  recordFailure(error: unknown): void {
    this.refused++;
    this.lastFailureAt = this.now();
    if (this.failingSince !== undefined) return;
    this.failingSince = this.now();
    this.lastError = describe(error);
    this.log(
      `Audit log: append failed (${this.lastError}); replies are withheld and customers told nothing was ` +
        'recorded until it recovers. Further failures are counted, not logged.',
    );
  }

  /** Records a successful append (or probe); logs the end of a burst. */
  recordSuccess(): void {
    if (this.failingSince === undefined) return;
    const seconds = (this.now() - this.failingSince) / 1000;
    this.log(
      `Audit log: writable again after ${seconds.toFixed(1)} s; ${this.refused} turn(s) were refused.`,
    );
    this.failingSince = undefined;
    this.lastError = undefined;
    this.lastFailureAt = undefined;
    this.refused = 0;
  }
}

function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && parts.length < 3) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.length > 0 ? parts.join(': ') : String(error);
}
