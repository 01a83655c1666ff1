// A real GGUF model through node-llama-cpp (no stand-in): stories260K.gguf writes children's stories and follows no
// instructions, which is exactly what the streaming validator must stop. Skipped only where the file is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatModel } from '../../../chains/llm/index.ts';
import { loadLlamaCppChatModel } from '../../../chains/llm/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

const MODEL_FILE = fileURLToPath(new URL('../../../../shared/models/stories260K.gguf', import.meta.url));
const QUESTION = 'How do I build an emergency fund?';

/** Passes everything through to the real model, counting the chunks it streams. */
function counting(model: ChatModel): { model: ChatModel; chunks: string[] } {
  const chunks: string[] = [];
  return {
    chunks,
    model: {
      provider: model.provider,
      model: model.model,
      generate: (prompt, options = {}) =>
        model.generate(prompt, {
          ...options,
          onToken: (chunk) => {
            chunks.push(chunk);
            options.onToken?.(chunk);
          },
        }),
    },
  };
}

/**
 * The real model's own words, cut after its first `words` words as if it had stopped there (a model that ends its
 * reply early): a short story-like reply, below the length the relevance judgement needs while streaming.
 */
function cutShort(model: ChatModel, words: number): { model: ChatModel; replies: string[] } {
  const replies: string[] = [];
  return {
    replies,
    model: {
      provider: model.provider,
      model: model.model,
      generate: async (prompt, options = {}) => {
        const enough = new AbortController();
        let generated = '';
        try {
          await model.generate(prompt, {
            signal: options.signal ? AbortSignal.any([options.signal, enough.signal]) : enough.signal,
            onToken: (chunk) => {
              generated += chunk;
              if ((generated.match(/\S+\s/g) ?? []).length >= words) enough.abort();
            },
          });
        } catch (error) {
          if (!enough.signal.aborted || options.signal?.aborted) throw error;
        }
        const pieces = (generated.match(/\S+\s*/g) ?? []).slice(0, words);
        const reply = pieces.join('').trim();
        replies.push(reply);
        for (const piece of pieces) {
          options.signal?.throwIfAborted();
          options.onToken?.(piece);
        }
        return reply;
      },
    },
  };
}

describe.skipIf(!existsSync(MODEL_FILE))('streaming a real llama.cpp model (stories260K.gguf)', () => {
  let fixture: AdvisorFixture;
  let llama: ChatModel;
  beforeAll(async () => {
    [fixture, llama] = await Promise.all([createAdvisorFixture(120), loadLlamaCppChatModel(MODEL_FILE)]);
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('the model streams real tokens; the validator stops its story and the grounded answer is what the channel ends with', async () => {
    const watched = counting(llama);
    const chain = fixture.chain({ model: watched.model });
    expect(chain.provider).toEqual({ name: 'llamacpp', model: 'stories260K.gguf' });
    let view = '';
    const replacements: string[] = [];
    const reply = await fixture.core(chain).handle(
      {
        actor: { channel: 'web', userId: 'C-000007', role: 'customer', customerId: 'C-000007' },
        threadId: 'stories',
        text: QUESTION,
      },
      {
        onToken: (text) => {
          view += text;
        },
        onReplace: (text) => {
          replacements.push(text);
          view = text;
        },
      },
    );
    expect(watched.chunks.length).toBeGreaterThan(5);
    const story = watched.chunks.join('');
    expect(reply.provider).toEqual({ name: 'grounded', model: 'grounded-composer-v1' });
    expect(reply.validator).toMatchObject({ ok: true, fellBack: true, repaired: true });
    expect(reply.validator.issues.map((issue) => issue.reason)).toContain('off_topic');
    const grounded = await fixture.chain().advise({
      question: QUESTION,
      customerId: 'C-000007',
      audience: 'customer',
      history: [],
    });
    expect(reply.text).toBe(grounded.text);
    expect(view).toBe(reply.text);
    // Not one sentence of the story reached the channel, not even before the replacement.
    const storySentences = story.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim().length > 12);
    for (const sentence of storySentences) expect(view).not.toContain(sentence.trim());
    for (const replacement of replacements)
      for (const sentence of storySentences) expect(replacement).not.toContain(sentence.trim());

    const records = (await fixture.audit.turns({ openings: true })).filter(
      (record) => record.threadId === 'stories',
    );
    expect(records.map((record) => record.stage?.kind)).toEqual(['opening', 'final']);
    // The opening names the configured model that was asked; the final names what wrote the text; never "mistral".
    expect(records[0]?.provider).toEqual({ name: 'llamacpp', model: 'stories260K.gguf' });
    expect(records[1]?.provider).toEqual(reply.provider);
    expect(JSON.stringify(records)).not.toMatch(/mistral/i);
  });

  it('a short story-like reply (the model stopping after a few words) is stopped too: the channel shows exactly the grounded answer', async () => {
    const short = cutShort(llama, 7);
    const chain = fixture.chain({ model: short.model });
    let view = '';
    const reply = await fixture.core(chain).handle(
      {
        actor: { channel: 'web', userId: 'C-000011', role: 'customer', customerId: 'C-000011' },
        threadId: 'short-story',
        text: QUESTION,
      },
      {
        onToken: (text) => {
          view += text;
        },
        onReplace: (text) => {
          view = text;
        },
      },
    );
    // The first draft and the repair were both the real model's few words, each stopped as off topic.
    expect(short.replies).toHaveLength(2);
    for (const words of short.replies) expect(words.split(/\s+/).length).toBeLessThanOrEqual(7);
    expect(reply.validator.issues.map((issue) => issue.reason)).toEqual(['off_topic', 'off_topic']);
    expect(reply.provider).toEqual({ name: 'grounded', model: 'grounded-composer-v1' });
    const grounded = await fixture.chain().advise({
      question: QUESTION,
      customerId: 'C-000011',
      audience: 'customer',
      history: [],
    });
    expect(reply.text).toBe(grounded.text);
    expect(view).toBe(grounded.text);
    for (const words of short.replies) expect(view).not.toContain(words);
  });

  it('without streaming the whole story is judged off topic the same way', async () => {
    const reply = await fixture.chain({ model: llama }).advise({
      question: QUESTION,
      customerId: null,
      audience: 'customer',
      history: [],
    });
    expect(reply.provider.name).toBe('grounded');
    expect(reply.validator.fellBack).toBe(true);
    expect(reply.validator.issues.map((issue) => issue.reason)).toContain('off_topic');
  });
});
