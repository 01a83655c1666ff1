import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditTurnInput, FeedbackInput } from '../../../bot/audit/index.ts';

/** A realistic turn; `overrides` replace top-level fields. */
export function sampleTurn(overrides: Partial<AuditTurnInput> = {}): AuditTurnInput {
  return {
    channel: 'web',
    actor: { id: 'U-17', role: 'customer' },
    customerId: 'C-000017',
    threadId: 'thread-1',
    question: 'Which savings account suits me?',
    reply: 'The Easy Saver (SAV-01) fits your low risk tolerance.',
    retrievedDocIds: ['SAV-01', 'article:savings#2'],
    recommendations: [
      { productId: 'SAV-01', score: 0.91 },
      { productId: 'SAV-03', score: 0.42 },
    ],
    provider: { name: 'ollama', model: 'llama3.2:3b' },
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
    latencyMs: 812.5,
    ...overrides,
  };
}

/** A thumbs-up on turn `turnSeq`. */
export function sampleFeedback(turnSeq: number, overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return {
    turnSeq,
    actor: { id: 'U-17', role: 'customer' },
    rating: 'up',
    productId: 'SAV-01',
    accepted: true,
    channel: 'web',
    ...overrides,
  };
}

/** A clock that starts at `start` and ticks one second per call. */
export function steppingClock(start = '2025-03-01T09:00:00.000Z'): () => Date {
  let tick = 0;
  return () => new Date(Date.parse(start) + 1000 * tick++);
}

/** A fresh temporary directory and its cleanup. */
export function scratchDirectory(): { directory: string; dispose: () => void } {
  const directory = mkdtempSync(path.join(tmpdir(), 'audit-test-'));
  return { directory, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}
