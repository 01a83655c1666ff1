import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConversationCore, InboundMessage, OutboundReply } from '../bot/core/index.ts';
import { TokenRelay } from './token-relay.ts';
import { errorBody, toWebChatError, WebChatError } from './web-chat-error.ts';

/** What the widget renders beside the streamed text; internals (validator issues, bias reasons) stay server-side. */
export interface WebChatReply {
  threadId: string;
  text: string;
  customerId: string | null;
  intent: OutboundReply['intent'];
  needsHuman: boolean;
  quickReplies: string[];
  products: {
    productId: string;
    name: string;
    type: string;
    /** The type as people read it ("credit card"), the same label Slack and Teams show. */
    typeLabel: string;
    reasons: string[];
    riskDisclosure: string | null;
    movedByFeedback: boolean;
    /** Whose feedback the product has had, worded for this customer ("You marked this as interested"). */
    feedbackNotes: string[];
    explored: boolean;
  }[];
  sources: OutboundReply['sources'];
  provider: OutboundReply['provider'];
  validator: { ok: boolean };
  bias: { flagged: boolean };
  /** The opaque id feedback refers to; the audit log's global sequence number is never shown. */
  turnId: string;
}

type Outcome = { ok: true; reply: OutboundReply } | { ok: false; error: unknown };

/**
 * Runs one turn and answers it as Server-Sent Events, in order: `progress` {step} at each chain step, `token` {text}
 * for each validated sentence, `replace` {text} when what was shown must be replaced, then `reply`, then `done`.
 * The HTTP status is decided late: until reply text or a step past the lookups ('ranking') has arrived, a failure is
 * still a plain JSON error (403, 404, 503…); after that the stream is committed and a failure is an `error` event.
 */
export async function streamChatReply(
  context: Context,
  options: {
    core: Pick<ConversationCore, 'handle'>;
    inbound: InboundMessage;
    threadId: string;
    reportError: (error: unknown) => void;
  },
): Promise<Response> {
  const cancel = new AbortController();
  const requestSignal = context.req.raw.signal;
  const abortTurn = () => cancel.abort(requestSignal.reason);
  if (requestSignal.aborted) abortTurn();
  else requestSignal.addEventListener('abort', abortTurn, { once: true });
  const stopListening = () => requestSignal.removeEventListener('abort', abortTurn);

  const relay = new TokenRelay();
  const outcome: Promise<Outcome> = options.core
    .handle(options.inbound, {
      onToken: (token) => relay.push(token),
      onReplace: (text) => relay.replace(text),
      onProgress: (step) => relay.progress(step),
      signal: cancel.signal,
    })
    .then(
      (reply): Outcome => ({ ok: true, reply }),
      (error: unknown): Outcome => ({ ok: false, error }),
    )
    .finally(() => relay.close());

  await relay.active;
  if (!relay.hasTokens) {
    const early = await outcome;
    if (!early.ok) {
      stopListening();
      // A turn cancelled because the client left is not a server fault: nobody reads the answer, nothing to report.
      if (cancel.signal.aborted)
        throw new WebChatError('UNAVAILABLE', 'The request was cancelled.', { cause: early.error });
      throw early.error;
    }
  }
  context.header('X-Accel-Buffering', 'no');
  const response = streamSSE(context, async (stream) => {
    stream.onAbort(abortTurn);
    try {
      for await (const batch of relay) {
        await stream.write(batch.map((item) => sseEvent(item.event, item.data)).join(''));
      }
      const result = await outcome;
      if (result.ok) {
        await stream.write(
          sseEvent('reply', toWebChatReply(result.reply, options.threadId)) + sseEvent('done', {}),
        );
      } else {
        const failure = toWebChatError(result.error);
        if (failure.code === 'INTERNAL' && !cancel.signal.aborted) options.reportError(result.error);
        await stream.write(sseEvent('error', errorBody(failure).error));
      }
    } catch (error) {
      // Hono's writes never throw (they are dropped once the client has gone), so anything here is a bug.
      options.reportError(error);
      await stream.write(sseEvent('error', errorBody(toWebChatError(error)).error));
    } finally {
      stopListening();
    }
  });
  // Event streams are always UTF-8; saying so keeps tools that guess (proxies, DevTools) from mangling replies.
  response.headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  // A reply is one customer's advice: no cache (browser, proxy or CDN) may keep it, not even for revalidation.
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** One SSE event; JSON never contains a raw newline, so the data is always a single `data:` line. */
function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function toWebChatReply(reply: OutboundReply, threadId: string): WebChatReply {
  return {
    threadId,
    text: reply.text,
    customerId: reply.customerId,
    intent: reply.intent,
    needsHuman: reply.needsHuman,
    quickReplies: reply.quickReplies,
    products: reply.products.map((product) => ({
      productId: product.productId,
      name: product.name,
      type: product.type,
      typeLabel: product.typeLabel,
      reasons: product.reasons,
      riskDisclosure: product.riskDisclosure,
      movedByFeedback: product.movedByFeedback,
      feedbackNotes: product.feedbackNotes,
      explored: product.explored,
    })),
    sources: reply.sources,
    provider: reply.provider,
    validator: { ok: reply.validator.ok },
    bias: { flagged: reply.bias.flagged },
    turnId: reply.turnId,
  };
}
