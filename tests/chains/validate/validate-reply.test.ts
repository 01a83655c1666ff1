import { describe, expect, it } from 'vitest';
import { describeIssues, type ValidationReason, validateReply } from '../../../chains/validate/index.ts';
import { BAD_REPLIES } from './bad-replies.ts';
import { GOOD_REPLIES } from './good-replies.ts';
import { makeContext } from './validation-fixture.ts';

function reasonsOf(reply: string, overrides: Parameters<typeof makeContext>[0]): ValidationReason[] {
  return [
    ...new Set(validateReply(reply, makeContext(overrides)).issues.map((issue) => issue.reason)),
  ].sort();
}

describe('validateReply: the tables are big enough to mean something', () => {
  it('has at least 60 bad replies, 20 promissory and 10 injection cases, and 40 good replies', () => {
    expect(BAD_REPLIES.length).toBeGreaterThanOrEqual(60);
    expect(BAD_REPLIES.filter((row) => row.kind === 'promissory').length).toBeGreaterThanOrEqual(20);
    expect(BAD_REPLIES.filter((row) => row.kind === 'injection').length).toBeGreaterThanOrEqual(10);
    expect(GOOD_REPLIES.length).toBeGreaterThanOrEqual(40);
  });
});

describe('validateReply: bad replies fail for exactly the expected reasons', () => {
  it.each(BAD_REPLIES.map((row) => [row.kind, row.reply.slice(0, 70), row] as const))(
    '%s: %s',
    (_kind, _label, row) => {
      const verdict = validateReply(row.reply, makeContext(row.context));
      expect(verdict.ok).toBe(false);
      expect(reasonsOf(row.reply, row.context)).toEqual([...new Set(row.reasons)].sort());
    },
  );
});

describe('validateReply: good replies pass with no issues', () => {
  it.each(GOOD_REPLIES.map((row) => [row.reply.slice(0, 80), row] as const))('%s', (_label, row) => {
    expect(validateReply(row.reply, makeContext(row.context))).toEqual({ ok: true, issues: [] });
  });
});

describe('validateReply: what each issue carries', () => {
  it('names the invented product', () => {
    const verdict = validateReply('Try the Platinum Growth Account.', makeContext());
    expect(verdict.issues).toEqual([{ reason: 'unknown_product', text: 'Platinum Growth Account' }]);
  });

  it('names the unrecommended product by id, once however often it appears', () => {
    const verdict = validateReply(
      'The Everyday Saver, or SAV-01, is simple. The Everyday Saver is free.',
      makeContext(),
    );
    expect(verdict.issues).toEqual([{ reason: 'unrecommended_product', productId: 'SAV-01' }]);
  });

  it('quotes the ungrounded figure as written', () => {
    const verdict = validateReply('You have $25,000 saved and pay 4.1% AER.', makeContext());
    expect(verdict.issues).toEqual([{ reason: 'ungrounded_number', text: '$25,000' }]);
  });

  it('allows figures rounded to the precision written, and no further', () => {
    const context = makeContext();
    expect(validateReply('You have about $17,000 in savings.', context).ok).toBe(false);
    expect(validateReply('You have about $18,000 in savings.', context).ok).toBe(true);
    expect(validateReply('You have about $18,500 in savings.', context).ok).toBe(true);
    expect(validateReply('You have about $18k in savings.', context).ok).toBe(true);
    expect(validateReply('You have $18,450.75 in savings.', context).ok).toBe(true);
    expect(validateReply('You have $18,450.00 in savings.', context).ok).toBe(false);
  });

  it('lets a figure through only when its product is recommended', () => {
    const reply = 'The Everyday Saver pays 2.75% AER.';
    expect(validateReply(reply, makeContext()).issues).toEqual([
      { reason: 'unrecommended_product', productId: 'SAV-01' },
      { reason: 'ungrounded_number', text: '2.75%' },
    ]);
    expect(validateReply(reply, makeContext({ recommendedProductIds: ['SAV-01'] }))).toEqual({
      ok: true,
      issues: [],
    });
  });

  it('quotes the promissory phrase', () => {
    const verdict = validateReply('Honestly, this is a safe bet.', makeContext());
    expect(verdict.issues).toEqual([
      { reason: 'promissory_language', phrase: 'safe bet', detectedBy: 'patterns' },
    ]);
  });

  it('asks for one disclosure per investment product named', () => {
    const verdict = validateReply('Look at FND-03 and the Target Date 2055 IRA.', makeContext());
    expect(verdict.issues).toEqual([
      { reason: 'missing_risk_disclosure', productId: 'FND-03' },
      { reason: 'missing_risk_disclosure', productId: 'RET-02' },
    ]);
  });

  it('allows the customer their own name but not another customer sharing part of it', () => {
    const context = makeContext({ otherPeopleNames: ['Priya', 'Marcus Chen'] });
    expect(validateReply('Hello Priya Shah!', context).ok).toBe(true);
    expect(validateReply('Hello Priya Shah, Marcus Chen says hi.', context).issues).toEqual([
      { reason: 'foreign_pii', text: 'Marcus Chen' },
    ]);
  });

  it('allows contact details the bank publishes or the customer gave, not others', () => {
    const context = makeContext({ userMessage: 'My email is priya.shah@example.com, can you note it?' });
    expect(validateReply('I have noted priya.shah@example.com for you.', context).ok).toBe(true);
    expect(validateReply('Call 1-800-555-0199 for help.', context).ok).toBe(true);
    expect(validateReply('Call 1-800-555-0100 for help.', context).issues).toEqual([
      { reason: 'foreign_pii', text: '1-800-555-0100' },
    ]);
  });

  it('reports the length of a reply that is too long', () => {
    const reply = 'Save a little every month. '.repeat(80);
    expect(validateReply(reply, makeContext()).issues).toEqual([
      { reason: 'too_long', characters: reply.length },
    ]);
  });

  it('quotes the verbatim stretch of the system prompt', () => {
    const reply = 'Note: Keep replies short and use plain text with no links or formatting.';
    expect(validateReply(reply, makeContext()).issues).toEqual([
      {
        reason: 'system_prompt_echo',
        text: 'Keep replies short and use plain text with no links or formatting',
      },
    ]);
  });

  it('flags approvals and transfers even when no injection was seen', () => {
    const context = makeContext({ untrustedTexts: [] });
    expect(reasonsOf("You're approved!", { untrustedTexts: [] })).toEqual(['obeyed_injection']);
    expect(validateReply('I will transfer the money tonight.', context).ok).toBe(false);
  });

  it('lets a reply state a conditional or negated approval', () => {
    expect(validateReply('Once you are approved, the money arrives in your account.', makeContext()).ok).toBe(
      true,
    );
    expect(validateReply('You have not been approved yet; the lending team decides.', makeContext()).ok).toBe(
      true,
    );
  });

  it('flags a link only when its site is not in the sources', () => {
    expect(validateReply('See https://help.northwindbank.example/cards for details.', makeContext()).ok).toBe(
      true,
    );
    expect(validateReply('See https://evil.example/cards for details.', makeContext()).issues).toEqual([
      { reason: 'bad_format', text: 'https://evil.example/cards' },
    ]);
  });
});

describe('describeIssues', () => {
  it('writes one plain line per issue naming what to fix', () => {
    const text = describeIssues([
      { reason: 'unknown_product', text: 'Platinum Growth Account' },
      { reason: 'unrecommended_product', productId: 'SAV-01' },
      { reason: 'ungrounded_number', text: '$25,000' },
      { reason: 'promissory_language', phrase: 'risk-free', detectedBy: 'patterns' },
      { reason: 'missing_risk_disclosure', productId: 'FND-03' },
      { reason: 'foreign_pii', text: 'Marcus Chen' },
      { reason: 'system_prompt_echo', text: 'my instructions say' },
      { reason: 'obeyed_injection', text: 'As DAN' },
      { reason: 'too_long', characters: 2400 },
      { reason: 'bad_format', text: '<b>' },
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toContain('"Platinum Growth Account"');
    expect(lines[1]).toContain('SAV-01');
    expect(lines[2]).toContain('"$25,000"');
    expect(lines[3]).toContain('"risk-free"');
    expect(lines[4]).toContain('FND-03');
    expect(lines[4]).toContain('you may get back less than you invest');
    expect(lines[5]).toContain('"Marcus Chen"');
    expect(lines[6]).toContain('my instructions say');
    expect(lines[7]).toContain('As DAN');
    expect(lines[8]).toContain('2400 characters');
    expect(lines[9]).toContain('"<b>"');
  });

  it('is empty when there is nothing to fix', () => {
    expect(describeIssues([])).toBe('');
  });
});
