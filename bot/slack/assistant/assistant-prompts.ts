import type { Actor, AdminReports } from '../../core/index.ts';

/** A suggested prompt as `assistant.threads.setSuggestedPrompts` takes it: what the user sees, what it sends. */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

/** What a new assistant thread opens with: a greeting and the prompts suggested to this person. */
export interface ThreadWelcome {
  greeting: string;
  title: string;
  prompts: SuggestedPrompt[];
}

/** The messages of the admins' report prompts; typed or clicked in an assistant thread, they run the report. */
export const ADMIN_REPORT_PROMPTS: Readonly<Record<keyof AdminReports, SuggestedPrompt>> = {
  bias: { title: 'Bias report', message: 'Show the bias report' },
  bench: { title: 'Latency and validator figures', message: 'Show the benchmark figures' },
};

const GENERAL_PROMPTS: readonly SuggestedPrompt[] = [
  { title: 'How suggestions are chosen', message: 'How do you choose the products you suggest?' },
  { title: 'Investment risk', message: 'What are the risks of an investment fund?' },
];

/**
 * The greeting and suggested prompts for someone opening an assistant thread: advisors get prompts about the
 * first customer in their book, admins get the bias and benchmark reports; unknown people get no prompts.
 */
export function threadWelcome(actor: Actor | undefined, notRegistered: string): ThreadWelcome {
  if (!actor || actor.role === 'customer') return { greeting: notRegistered, title: '', prompts: [] };
  if (actor.role === 'admin') {
    return {
      greeting:
        'Hello! Ask me about any customer (for example "what would suit C-000042?"), or run the bias report and the latency and validator figures here. Every answer is validated and written to the audit log.',
      title: 'Reports and questions for admins',
      prompts: [ADMIN_REPORT_PROMPTS.bias, ADMIN_REPORT_PROMPTS.bench, ...GENERAL_PROMPTS.slice(0, 1)],
    };
  }
  const first = actor.book ? [...actor.book].toSorted()[0] : undefined;
  if (!first) {
    return {
      greeting:
        'Hello! Ask me about any of your customers by id (for example "what would suit C-000042?"): suitable products, their spending, or how a product works. Every answer is validated and written to the audit log.',
      title: 'Questions advisors ask',
      prompts: [...GENERAL_PROMPTS],
    };
  }
  return {
    greeting: `Hello! Ask me about the customers in your book (${describeBook(actor.book)}): suitable products, their spending, or how a product works. Every answer is validated and written to the audit log.`,
    title: `Questions about your customers`,
    prompts: [
      { title: `Products for ${first}`, message: `What would suit ${first}?` },
      { title: `${first}'s spending`, message: `How much did ${first} spend last month?` },
      ...GENERAL_PROMPTS.slice(1),
    ],
  };
}

/** Which admin report an assistant-thread message asks for, or null for an ordinary question. */
export function adminReportRequested(text: string): keyof AdminReports | null {
  const asked = text
    .trim()
    .replace(/[.!?]+$/, '')
    .toLowerCase();
  for (const report of ['bias', 'bench'] as const) {
    if (asked === ADMIN_REPORT_PROMPTS[report].message.toLowerCase() || asked === `/${report}`) return report;
  }
  return null;
}

function describeBook(book: ReadonlySet<string> | null): string {
  if (!book) return 'all customers';
  const sorted = [...book].toSorted();
  return sorted.length <= 5
    ? sorted.join(', ')
    : `${sorted.slice(0, 5).join(', ')} and ${sorted.length - 5} more`;
}
