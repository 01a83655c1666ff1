import { describe, expect, it } from 'vitest';
import { CoreError, type CoreErrorCode } from '../../../bot/core/index.ts';
import { refusalText } from '../../../bot/slack/index.ts';

describe('refusalText: what a Slack user is told when the core refuses', () => {
  it.each([
    ['NOT_AUTHORISED', "You're not allowed to ask about that customer."],
    ['NOT_FOUND', 'No such customer.'],
    ['INVALID_INPUT', 'The message has 2001 characters; the limit is 2000.'],
    ['UNAVAILABLE', 'The advisor is unavailable right now; please try again in a few minutes.'],
  ] as const)('%s', (code: CoreErrorCode, expected) => {
    const error = new CoreError(code, 'The message has 2001 characters; the limit is 2000.');
    expect(refusalText(error)).toBe(expected);
  });

  it('an unexpected error is logged and answered with a neutral apology that leaks nothing', () => {
    const logged: unknown[][] = [];
    const logger = { error: (...args: unknown[]) => logged.push(args) };
    const error = new Error('SQLITE_BUSY: database is locked at /var/lib/advisor/audit.sqlite');
    const text = refusalText(error, logger);
    expect(text).toBe(
      "Sorry, something went wrong on my side and I couldn't answer. Please try again, or ask a colleague.",
    );
    expect(logged).toEqual([['The conversation core failed', error]]);
  });
});
