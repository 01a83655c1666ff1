import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * How the fake answers one POST /api/chat. Each request takes the next behaviour in the queue; the last
 * one repeats once the queue runs out.
 */
export type ChatBehaviour =
  /** 200 with NDJSON chunks, one per token, then the final `done` chunk, a hang, or a dropped socket. */
  | { kind: 'stream'; tokens: readonly string[]; delayMs?: number; ending?: 'done' | 'hang' | 'drop' }
  /** An HTTP error with Ollama's `{ error }` body. */
  | { kind: 'fail'; status: number; error?: string }
  /** Accepts the request and never answers (a model stuck loading). */
  | { kind: 'hang' }
  /** 200 with lines that are not Ollama chunks, then the end of the response. */
  | { kind: 'malformed'; lines?: readonly string[] };

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** Settles when the exchange ends: `completed` if the fake finished its answer, `aborted` if the client left. */
  outcome: Promise<'completed' | 'aborted'>;
}

/** A local stand-in for the Ollama server, speaking its HTTP API. */
export interface FakeOllama {
  url: string;
  readonly requests: RecordedRequest[];
  /** Models GET /api/tags lists, as Ollama names them (`mistral:latest`); POST /api/chat 404s for others. */
  models: string[];
  /** Resolves once at least `count` requests have been received and recorded. */
  waitForRequests(count: number): Promise<void>;
  /** Replaces the queue of chat behaviours. */
  respondWith(...behaviours: ChatBehaviour[]): void;
  close(): Promise<void>;
}

const defaultBehaviour: ChatBehaviour = { kind: 'stream', tokens: ['Hello', ' there'] };

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeOllama(
  options: { models?: string[]; chat?: ChatBehaviour[] } = {},
): Promise<FakeOllama> {
  let queue: ChatBehaviour[] = options.chat ?? [defaultBehaviour];
  const requests: RecordedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const record = (request: RecordedRequest) => {
    requests.push(request);
    for (const waiter of waiters.filter((candidate) => candidate.count <= requests.length)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const fake = {
    url: '',
    requests,
    models: options.models ?? ['mistral:latest'],
    waitForRequests: (count: number) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    respondWith: (...behaviours: ChatBehaviour[]) => {
      queue = behaviours;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };

  const nextBehaviour = (): ChatBehaviour =>
    (queue.length > 1 ? queue.shift() : queue[0]) ?? defaultBehaviour;

  const server = createServer(async (request, response) => {
    const text = await readBody(request);
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // Keep the raw text: the test will show what arrived.
    }
    const outcome = new Promise<'completed' | 'aborted'>((resolve) => {
      response.on('close', () => resolve(response.writableFinished ? 'completed' : 'aborted'));
    });
    record({ method: request.method ?? '', path: request.url ?? '', body, outcome });

    if (request.method === 'GET' && request.url === '/api/tags') return sendTags(response, fake.models);
    if (request.method === 'POST' && request.url === '/api/chat') {
      const model = modelOf(body);
      if (!hasModel(fake.models, model)) return sendError(response, 404, `model '${model}' not found`);
      return answerChat(response, model, nextBehaviour());
    }
    return sendError(response, 404, '404 page not found');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** A URL on 127.0.0.1 where nothing listens (a port that was free a moment ago), for "Ollama is down". */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The POST /api/chat requests among everything the fake received. */
export function chatRequests(fake: FakeOllama): RecordedRequest[] {
  return fake.requests.filter((request) => request.method === 'POST' && request.path === '/api/chat');
}

async function answerChat(response: ServerResponse, model: string, behaviour: ChatBehaviour): Promise<void> {
  switch (behaviour.kind) {
    case 'hang':
      return;
    case 'fail':
      return sendError(response, behaviour.status, behaviour.error ?? 'llama runner process has terminated');
    case 'malformed': {
      response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      const lines = behaviour.lines ?? [`{"model":"${model}","created_at":`, '<html>502 Bad Gateway</html>'];
      for (const line of lines) response.write(`${line}\n`);
      response.end();
      return;
    }
    case 'stream': {
      response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      for (const token of behaviour.tokens) {
        if (behaviour.delayMs) await delay(behaviour.delayMs);
        if (response.destroyed) return;
        await new Promise((resolve) => response.write(`${JSON.stringify(chunk(model, token))}\n`, resolve));
      }
      const ending = behaviour.ending ?? 'done';
      if (ending === 'hang') return;
      if (ending === 'drop') {
        // Let the client read what was sent, so the drop comes after the tokens, as a crash mid-reply would.
        await delay(20);
        response.socket?.destroy();
        return;
      }
      response.end(`${JSON.stringify(finalChunk(model, behaviour.tokens.length))}\n`);
      return;
    }
  }
}

function chunk(model: string, content: string) {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done: false,
  };
}

// The shape of Ollama's last streamed chunk: empty content, the stop reason and the timings.
function finalChunk(model: string, evalCount: number) {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: 'stop',
    total_duration: 1_234_567,
    load_duration: 123_456,
    prompt_eval_count: 42,
    prompt_eval_duration: 234_567,
    eval_count: evalCount,
    eval_duration: 345_678,
  };
}

function sendTags(response: ServerResponse, models: readonly string[]): void {
  const entries = models.map((name) => ({
    name,
    model: name,
    modified_at: '2025-01-01T00:00:00Z',
    size: 4_113_301_824,
    digest: 'f974a74358d62a017b37c6f424fcdf2744ca02926c4f952513ddf474b2fa5091',
    details: {
      parent_model: '',
      format: 'gguf',
      family: 'llama',
      families: ['llama'],
      parameter_size: '7.2B',
      quantization_level: 'Q4_0',
    },
  }));
  sendJson(response, 200, { models: entries });
}

function sendError(response: ServerResponse, status: number, error: string): void {
  sendJson(response, status, { error });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function modelOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'model' in body && typeof body.model === 'string') {
    return body.model;
  }
  return '';
}

function hasModel(models: readonly string[], model: string): boolean {
  const tagged = model.includes(':') ? model : `${model}:latest`;
  return models.includes(tagged);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
