import { describe, expect, it } from 'vitest';
import { judgeRelevance, RELEVANCE_LIMITS } from '../../../chains/validate/index.ts';
import { FIXTURE_GROUNDING, makeContext } from './validation-fixture.ts';

/** The verdict reduced to what a caller acts on. */
function verdictOf(text: string, final: boolean, context = makeContext()): string {
  const verdict = judgeRelevance(text, context, final);
  if (!verdict.decided) return 'undecided';
  return verdict.onTopic ? 'on topic' : 'off topic';
}

describe('judgeRelevance', () => {
  it.each([
    // A short story-like reply: 4 content words (lily, saw, red, ball), none from the sources.
    ['Lily saw a red ball.', 'off topic'],
    ['Once upon a time, Tom ran home to his dog.', 'off topic'],
    // One grounded word of four (card): a share a long reply would pass with, too little evidence for a short one.
    ['Tom found a card under the bed.', 'off topic'],
    // Short and about the sources: emergency, fund, cover, months all occur in them.
    ['Your emergency fund should cover 3 to 6 months.', 'on topic'],
    ['A Roth IRA grows tax-free.', 'on topic'],
    // Nothing that could be off topic: no content word, or a single one.
    ["Hello! You're welcome.", 'on topic'],
    ['Wonderful!', 'on topic'],
    // Dates and pronouns are function words: they neither ground a reply nor count against it.
    ['See you on Monday in June!', 'on topic'],
    // Judged on told and dog alone (she, him, her are function words): neither is grounded.
    ['She told him about her dog.', 'off topic'],
  ])('judges the short whole reply %j %s', (text, expected) => {
    expect(verdictOf(text, true)).toBe(expected);
  });

  it('leaves a short text undecided while the reply is still streaming', () => {
    expect(verdictOf('Lily saw a red ball.', false)).toBe('undecided');
    expect(verdictOf('Your emergency fund should cover 3 to 6 months.', false)).toBe('undecided');
  });

  it('counts a repeated grounded word once: a story padded with "small, small, …" is still off topic', () => {
    const context = makeContext({
      groundingTexts: [...FIXTURE_GROUNDING, 'Start with a small regular transfer.'],
    });
    const story = `The card was ${'small, '.repeat(40)}small. Lily ran to the park with her dog and a big red ball, laughing.`;
    const verdict = judgeRelevance(story, context);
    expect(verdict).toMatchObject({ decided: true, onTopic: false, issue: { reason: 'off_topic' } });
    // card and small are grounded; lily, ran, park, dog, big, red, ball, laughing are not: 2 of 10.
    expect(verdict.decided && !verdict.onTopic && verdict.issue.text).toMatch(
      /^20% of its 10 distinct content words/,
    );
  });

  it('passes a grounded answer long enough to judge while streaming', () => {
    const answer =
      'An emergency fund should cover 3 to 6 months of essential spending. Keeping it in a high-yield savings ' +
      'account means you can reach it quickly when something unexpected happens.';
    expect(verdictOf(answer, false)).toBe('on topic');
  });

  it('names the thresholds it applies', () => {
    expect(RELEVANCE_LIMITS).toEqual({
      minimumContentWords: 8,
      minimumGroundedShare: 0.25,
      minimumShortReplyWords: 2,
      minimumShortReplyGroundedShare: 0.4,
    });
  });
});
