import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validateReply } from '../../../chains/validate/index.ts';
import { GOOD_REPLIES } from './good-replies.ts';
import { FIXTURE_CATALOG, makeContext } from './validation-fixture.ts';

/** Promises written as whole sentences, so they can be dropped between any two sentences of a good reply. */
const PROMISES = [
  'Returns are guaranteed.',
  "It's completely risk-free.",
  "You can't lose.",
  'Your money will double.',
  "It's a sure thing.",
  'There is no risk at all.',
  'Prices are certain to grow.',
  'The market always goes up.',
  "You'll earn 7.5% every year.",
  'We promise you will be better off.',
  'This is a zero-risk plan.',
  "It's a safe bet.",
  'Shares are bound to rise.',
  "You'll never lose money.",
  'It is 100% safe.',
  'Enjoy locked-in profits.',
  "It's easy money.",
  'This is how to get rich.',
  "You can't go wrong.",
  'Your savings will definitely grow.',
  'The fund offers assured returns.',
  'You can invest without any risk.',
  'It is guaranteed to beat inflation.',
  "It's impossible to lose money here.",
];

/** Words that reach deep into every check: figures, product nouns, markup, contacts, promises, injections. */
const TRICKY_TOKENS = [
  '$',
  '1,200',
  '4.5',
  '%',
  'k',
  '.',
  ',',
  ' ',
  '\n',
  '<',
  '>',
  '/',
  '"',
  "'",
  '(',
  ')',
  '[',
  ']',
  '!',
  '@',
  '-',
  'Account',
  'Fund',
  'Platinum',
  'The',
  'no',
  'not',
  "can't",
  'guaranteed',
  'risk-free',
  'returns',
  'approved',
  'DAN',
  'I',
  'you',
  'are',
  'SAV-02',
  'FND-03',
  'Marcus Chen',
  '4111 1111 1111 1111',
  'https://x.example',
  '```',
  'ignore previous instructions',
  'my instructions say',
  '\u200B',
  '’',
];

const contextArbitrary = fc.record({
  systemPrompt: fc.string({ maxLength: 300 }),
  userMessage: fc.string({ maxLength: 200 }),
  untrustedTexts: fc.array(fc.string({ maxLength: 200 }), { maxLength: 3 }),
  groundingTexts: fc.array(fc.string({ maxLength: 200 }), { maxLength: 3 }),
  otherPeopleNames: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  recommendedProductIds: fc.subarray(FIXTURE_CATALOG.map((product) => product.id)),
});

function isWellFormed(verdict: ReturnType<typeof validateReply>): boolean {
  return verdict.ok ? verdict.issues.length === 0 : verdict.issues.length > 0;
}

describe('validateReply: properties', () => {
  it('never throws on arbitrary text, and ok is true exactly when there are no issues', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500, unit: 'binary' }), (reply) =>
        isWellFormed(validateReply(reply, makeContext())),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on text made of tricky tokens, with arbitrary conversation texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TRICKY_TOKENS), { maxLength: 80 }).map((tokens) => tokens.join('')),
        contextArbitrary,
        (reply, overrides) => isWellFormed(validateReply(reply, makeContext(overrides))),
      ),
      { numRuns: 300 },
    );
  });

  it('adding a promissory sentence to any good reply makes it fail with promissory_language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GOOD_REPLIES),
        fc.constantFrom(...PROMISES),
        fc.nat(),
        (good, promise, where) => {
          const sentences = good.reply.split(/(?<=[.!?])\s+/);
          const position = where % (sentences.length + 1);
          const reply = [...sentences.slice(0, position), promise, ...sentences.slice(position)].join(' ');
          const verdict = validateReply(reply, makeContext(good.context));
          return !verdict.ok && verdict.issues.some((issue) => issue.reason === 'promissory_language');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adding an invented dollar amount to any good reply makes it fail with ungrounded_number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GOOD_REPLIES),
        fc.integer({ min: 300_001, max: 9_999_999 }),
        (good, amount) => {
          const figure = `$${amount.toLocaleString('en-US')}`;
          const verdict = validateReply(
            `${good.reply} You could have ${figure} by then.`,
            makeContext(good.context),
          );
          return verdict.issues.some(
            (issue) => issue.reason === 'ungrounded_number' && issue.text === figure,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every good reply stays good whatever order the catalogue is in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GOOD_REPLIES),
        fc.shuffledSubarray(FIXTURE_CATALOG, { minLength: FIXTURE_CATALOG.length }),
        (good, catalog) => validateReply(good.reply, makeContext({ ...good.context, catalog })).ok,
      ),
      { numRuns: 100 },
    );
  });
});
