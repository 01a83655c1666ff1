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
