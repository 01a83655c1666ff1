import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import vader from 'vader-sentiment';
import type { SocialPost } from '../schemas.ts';
import { cleanText } from './clean-text.ts';

/** A post whose sentiment score is known. */
export type ScoredPost = SocialPost & { sentiment_score: number };

/** Sentiment scoring running in the background; `cancel` stops it if the result is no longer wanted. */
export interface SentimentJob {
  posts(): Promise<ScoredPost[]>;
  cancel(): void;
}

/** Below this many texts a worker costs more to start than it saves. */
export const MIN_TEXTS_FOR_WORKER = 2000;
const WORKER_URL = new URL('./vader-worker.cjs', import.meta.url);
const VADER_PATH = createRequire(import.meta.url).resolve('vader-sentiment');

const compound = (cleaned: string): number =>
  vader.SentimentIntensityAnalyzer.polarity_scores(cleaned).compound;

/**
 * VADER compound polarity of a text, −1 (most negative) … 1 (most positive). The text is cleaned
 * first so markup, links and account numbers do not sway the score.
 */
export function sentimentScore(text: string): number {
  return compound(cleanText(text));
}

/** The post with a sentiment score: the one it came with, or VADER's when it had none. */
export function withSentiment(post: SocialPost): ScoredPost {
  return { ...post, sentiment_score: post.sentiment_score ?? sentimentScore(post.content) };
}

/** Every post with a sentiment score, as {@link withSentiment}; each distinct text is scored once. */
export function withSentiments(posts: readonly SocialPost[]): ScoredPost[] {
  const scores = new Map<string, number>();
  return posts.map((post) => {
    if (post.sentiment_score !== undefined) return { ...post, sentiment_score: post.sentiment_score };
    let score = scores.get(post.content);
    if (score === undefined) {
      score = sentimentScore(post.content);
      scores.set(post.content, score);
    }
    return { ...post, sentiment_score: score };
  });
}

function scoreOnWorker(cleaned: readonly string[]): { scores: Promise<number[]>; cancel: () => void } {
  let worker: Worker | undefined;
  const scores = new Promise<number[]>((resolve) => {
    // Any failure to run the worker falls back to scoring here: slower, same numbers.
    const fallBack = () => resolve(cleaned.map(compound));
    try {
      worker = new Worker(WORKER_URL, { workerData: { vaderPath: VADER_PATH, texts: cleaned } });
    } catch {
      fallBack();
      return;
    }
    worker.once('message', (message: unknown) => {
      if (message instanceof Float64Array && message.length === cleaned.length) resolve(Array.from(message));
      else fallBack();
    });
    worker.once('error', fallBack);
  });
  return { scores, cancel: () => void worker?.terminate() };
}

/**
 * Starts scoring the posts that have no sentiment score. VADER is the slowest step of loading, so
 * with many texts it runs on a worker thread while the caller goes on (e.g. parsing transactions);
 * `posts()` then gives the same result as {@link withSentiments}.
 */
export function startSentimentScoring(
  posts: readonly SocialPost[],
  options: { minTextsForWorker?: number } = {},
): SentimentJob {
  const distinct = [
    ...new Set(posts.flatMap((post) => (post.sentiment_score === undefined ? [post.content] : []))),
  ];
  if (distinct.length < (options.minTextsForWorker ?? MIN_TEXTS_FOR_WORKER)) {
    return { posts: async () => withSentiments(posts), cancel: () => {} };
  }
  const job = scoreOnWorker(distinct.map(cleanText));
  return {
    posts: async () => {
      const scores = await job.scores;
      const scoreOf = new Map(distinct.map((content, index) => [content, scores[index] ?? 0]));
      return posts.map((post) => ({
        ...post,
        sentiment_score: post.sentiment_score ?? scoreOf.get(post.content) ?? 0,
      }));
    },
    cancel: job.cancel,
  };
}
