import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Actor, ConversationCore } from '../bot/core/index.ts';
import type { ChatModel } from '../chains/llm/index.ts';
import { percentile } from './bench-advisor.ts';

/**
 * A chat model whose target can be swapped between runs, so one advisor (one store, one audit log) measures
 * every provider through exactly the same chain and core.
 */
export class SwitchableChatModel implements ChatModel {
  constructor(private target: ChatModel) {}
  get provider() {
    return this.target.provider;
  }
  get model() {
    return this.target.model;
  }
  /** Makes `target` write the next replies. */
  use(target: ChatModel): void {
    this.target = target;
  }
  generate: ChatModel['generate'] = (prompt, options) => this.target.generate(prompt, options);
}

/** Time to the first validated sentence and to the whole reply, per turn, for one provider. */
export interface FirstSentenceFigures {
  label: string;
  turns: number;
  firstSentenceMs: number[];
  wholeReplyMs: number[];
  /** Which provider wrote the final texts, with counts (a model whose drafts fail falls back to grounded). */
  writtenBy: Map<string, number>;
  /** Every final text the configured model wrote itself (not replaced by the grounded fallback), with the verdict. */
  modelWritten: { text: string; issues: string[] }[];
}

/** Runs `turns` streamed turns through the core and times the first `onToken` and the whole reply. */
export async function measureFirstSentence(
  core: ConversationCore,
  label: string,
  turns: number,
  questionFor: (index: number) => { actor: Actor; threadId: string; text: string },
): Promise<FirstSentenceFigures> {
  const figures: FirstSentenceFigures = {
    label,
    turns,
    firstSentenceMs: [],
    wholeReplyMs: [],
    writtenBy: new Map(),
    modelWritten: [],
  };
  for (let index = 0; index < turns; index++) {
    const started = performance.now();
    let first: number | undefined;
    const reply = await core.handle(questionFor(index), {
      onToken: () => {
        first ??= performance.now() - started;
      },
    });
    const whole = performance.now() - started;
    figures.firstSentenceMs.push(first ?? whole);
    figures.wholeReplyMs.push(whole);
    const writer = `${reply.provider.name}/${reply.provider.model}`;
    figures.writtenBy.set(writer, (figures.writtenBy.get(writer) ?? 0) + 1);
    if (reply.provider.name !== 'grounded') {
      const issues = reply.validator.issues.map((issue) => `${issue.reason}: ${issue.detail}`);
      figures.modelWritten.push({ text: reply.text, issues });
    }
  }
  return figures;
}

/** One line per provider: p50/p95 time to first validated sentence, then to the whole reply. */
export function describeFirstSentence(figures: FirstSentenceFigures): string {
  const sorted = (values: number[]) => [...values].sort((first, second) => first - second);
  const first = sorted(figures.firstSentenceMs);
  const whole = sorted(figures.wholeReplyMs);
  const writers = [...figures.writtenBy].map(([writer, count]) => `${writer} ×${count}`).join(', ');
  return (
    `${figures.label.padEnd(34)} first sentence p50 ${percentile(first, 0.5).toFixed(1)} ms, p95 ${percentile(first, 0.95).toFixed(1)} ms; ` +
    `whole reply p50 ${percentile(whole, 0.5).toFixed(1)} ms, p95 ${percentile(whole, 0.95).toFixed(1)} ms ` +
    `(${figures.turns} turns; written by ${writers})`
  );
}

/** The texts the model itself wrote, each cut to a line, with what the validator said on the way: to read, not count. */
export function describeModelWritten(figures: FirstSentenceFigures): string {
  const lines = figures.modelWritten.map(({ text, issues }, index) => {
    const excerpt = text.replace(/\s+/g, ' ').slice(0, 160);
    return `  ${index + 1}. ${JSON.stringify(excerpt)} — validator: ${issues.length === 0 ? 'no issues' : issues.join('; ')}`;
  });
  return [
    `${figures.label}: ${figures.modelWritten.length} of ${figures.turns} replies written by the model`,
    ...lines,
  ].join('\n');
}

/** The llama.cpp model to measure: LLAMACPP_MODEL_PATH when set, else the shared stories260K.gguf if present. */
export function benchLlamaCppModelPath(configured: string | undefined): string | null {
  const candidate = configured ?? path.resolve('../shared/models/stories260K.gguf');
  return existsSync(candidate) ? candidate : null;
}
