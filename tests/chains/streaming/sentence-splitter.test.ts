import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SentenceSplitter, sentencesOf } from '../../../chains/streaming/sentence-splitter.ts';

describe('SentenceSplitter', () => {
  it.each([
    [
      'Rates vary, e.g. 3.5% a year. Fees are $1,015.80 in total. Ask us!',
      ['Rates vary, e.g. 3.5% a year. ', 'Fees are $1,015.80 in total. ', 'Ask us!'],
    ],
    [
      'Do this:\n1. Open the app.\n2. Tap Cards.\n\nThat is all.',
      ['Do this:\n', '1. Open the app.\n', '2. Tap Cards.\n\n', 'That is all.'],
    ],
    [
      '- **What it holds.** Shares of 500 firms.\n- **Cost.** 0.04% a year.',
      ['- **What it holds.** ', 'Shares of 500 firms.\n', '- **Cost.** ', '0.04% a year.'],
    ],
    ['Is it safe? "Yes." Mr. Smith said so.', ['Is it safe? ', '"Yes." ', 'Mr. Smith said so.']],
    ['Das ist z.B. gut. Gracias.', ['Das ist z.B. gut. ', 'Gracias.']],
  ])('splits %j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('waits for what follows a "." before deciding: a streamed "$1,015." is not a sentence end yet', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('It costs $1,015')).toEqual([]);
    expect(splitter.push('.')).toEqual([]);
    expect(splitter.push('80 a year. Next')).toEqual(['It costs $1,015.80 a year. ']);
    expect(splitter.finish()).toBe('Next');
  });

  it('any chunking of any text gives sentences that add up to the text, each ending where the whole text splits (property)', () => {
    const pieces = fc.constantFrom(
      'Hello',
      ' ',
      '.',
      'e.g.',
      '3.5%',
      '\n',
      '1.',
      '!',
      '?',
      '"',
      '**',
      'word',
      '$1,015.80',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }),
        fc.array(fc.nat(5), { maxLength: 40 }),
        (parts, cuts) => {
          const text = parts.join('');
          const splitter = new SentenceSplitter();
          const streamed: string[] = [];
          let position = 0;
          for (const cut of cuts) {
            streamed.push(...splitter.push(text.slice(position, position + cut)));
            position += cut;
          }
          streamed.push(...splitter.push(text.slice(position)));
          const rest = splitter.finish();
          if (rest.length > 0) streamed.push(rest);
          expect(streamed.join('')).toBe(text);
          expect(streamed).toEqual(sentencesOf(text));
        },
      ),
    );
  });
});
