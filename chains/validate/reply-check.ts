import type { ValidationContext } from './validation-context.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** One deterministic check of a reply; returns the issues it found (none when the reply is fine), never throws. */
export type ReplyCheck = (reply: string, context: ValidationContext) => ValidationIssue[];
