import MarkdownIt from 'markdown-it';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_DISCLOSURE } from '../../chains/grounded/grounded-chat-model.ts';
import { INVESTMENT_PRODUCT_TYPES, type ProductType } from '../../knowledge/schemas.ts';
import {
  createWebChatApp,
  type RunningWebServer,
  startWebServer,
  type WebChatReply,
} from '../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium.ts';

const suite = hasChromium ? describe : describe.skip;
const SECRET = 'e2e-secret-for-the-web-chat-widget-0123456789';

/** Reads the reply event out of a finished `/api/chat` response as the browser received it. */
function replyFromSse(body: string): WebChatReply {
  const block = body.split('\n\n').find((part) => part.startsWith('event: reply'));
  const data = block ? /^data: (.*)$/m.exec(block)?.[1] : undefined;
  if (!data) throw new Error(`no reply event in ${body.slice(0, 200)}`);
  return JSON.parse(data) as WebChatReply;
}

/** The reply as the widget renders it: markdown-it with the widget's options (no raw HTML, no images). */
function markdownHtml(text: string): string {
  const renderer = new MarkdownIt({ html: false, linkify: true, breaks: true });
  renderer.disable('image');
  return renderer.render(text);
}

suite(
  hasChromium
    ? 'the web chat widget in a real browser (real server, real advisor)'
    : `the web chat widget in a real browser — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  () => {
    let fixture: AdvisorFixture;
    let server: RunningWebServer;
    let browser: Browser;
    let page: Page;
    let customerId = '';

    beforeAll(async () => {
      fixture = await createAdvisorFixture(120);
      // A customer whose recommendations include an investment product, so the risk disclosure must show.
      const chain = fixture.chain();
      for (let number = 1; number <= 120 && !customerId; number++) {
        const candidate = `C-${String(number).padStart(6, '0')}`;
        const advice = await chain.advise({
          question: 'What would you recommend for me?',
          customerId: candidate,
          audience: 'customer',
          history: [],
        });
        const types = advice.recommendations.map((item) => item.product.type as ProductType);
        if (types.some((type) => INVESTMENT_PRODUCT_TYPES.includes(type))) customerId = candidate;
      }
      expect(customerId).not.toBe('');
      const app = createWebChatApp({
        core: fixture.core(),
        audit: fixture.audit,
        tokenSecret: SECRET,
        demo: { enabled: true },
      });
      server = await startWebServer(app, 0);
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
      await page.route('**/api/chat', async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        chatBodies.push(body);
        await route.fulfill({ response, body });
      });
      await page.goto(`${server.url}/?customer=${customerId}`);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await fixture?.dispose();
    });

    const bubble = () => page.getByRole('button', { name: 'Open chat' });
    const dialog = () => page.getByRole('dialog', { name: 'Ask our assistant' });
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

    /**
     * Every /api/chat response body the browser received. Read through a pass-through route (the real server
     * answers; the body is handed to the page unchanged) because Chromium may drop a streamed body before
     * DevTools can read it on a busy machine.
     */
    const chatBodies: string[] = [];
    const nextChatBody = async (): Promise<string> => {
      const seen = chatBodies.length;
      for (let waited = 0; chatBodies.length === seen; waited += 50) {
        if (waited > 30_000) throw new Error('no /api/chat response within 30 s');
        await page.waitForTimeout(50);
      }
      return chatBodies[seen] ?? '';
    };

    /** Sends a question with the keyboard and returns the reply the server streamed for it. */
    async function ask(question: string): Promise<WebChatReply> {
      const body = nextChatBody();
      // Counted, not the last answer's group: until the new answer is on screen the last one is the previous answer.
      const rated = await page.getByRole('group', { name: 'Was this answer helpful?' }).count();
      await page.getByRole('textbox', { name: 'Your message' }).fill(question);
      await page.keyboard.press('Enter');
      const reply = replyFromSse(await body);
      await page.getByRole('group', { name: 'Was this answer helpful?' }).nth(rated).waitFor();
      return reply;
    }

    it('opens from the keyboard (Tab, Enter), moves focus to the input, and Esc closes it again', async () => {
      await bubble().waitFor();
      for (let press = 0; press < 40; press++) {
        if (await bubble().evaluate((element) => element === document.activeElement)) break;
        await page.keyboard.press('Tab');
      }
      expect(await bubble().evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await dialog().waitFor();
      expect(await dialog().getAttribute('aria-modal')).toBe('false');
      expect(await focusedId()).toBe('fadv-input');
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      expect(await bubble().evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await bubble().getAttribute('aria-expanded')).toBe('false');
    });

    it('streams a recommendation in, then shows product cards with reasons and the risk disclosure', async () => {
      await bubble().click();
      await dialog().waitFor();
      expect(await focusedId()).toBe('fadv-input');
      // Count the lengths the answer passes through while it streams.
      await page.evaluate(() => {
        const log = document.querySelector('.fadv-log');
        const lengths: number[] = [];
        Object.assign(window, { answerLengths: lengths });
        new MutationObserver(() => {
          const answer = log?.querySelector('.fadv-bot:last-child .fadv-text');
          if (answer) lengths.push(answer.textContent?.length ?? 0);
        }).observe(log as Node, { subtree: true, childList: true, characterData: true });
      });
      const reply = await ask('What would you recommend for me?');

      const answer = page.locator('.fadv-bot').last();
      expect(await answer.locator('.fadv-text').innerHTML()).toBe(markdownHtml(reply.text));
      const shownLength = (await answer.locator('.fadv-text').textContent())?.length ?? 0;
      const lengths = await page.evaluate(
        () => (window as unknown as { answerLengths: number[] }).answerLengths,
      );
      const partial = new Set(lengths.filter((length) => length > 0 && length < shownLength));
      expect(partial.size).toBeGreaterThanOrEqual(2);

      const cards = answer.locator('.fadv-card');
      expect(await cards.count()).toBe(reply.products.length);
      for (const [index, product] of reply.products.entries()) {
        const card = cards.nth(index);
        expect(await card.locator('h3').textContent()).toBe(product.name);
        expect(await card.locator('ul li').allTextContents()).toEqual(product.reasons);
      }
      const investment = reply.products.findIndex((product) =>
        INVESTMENT_PRODUCT_TYPES.includes(product.type as ProductType),
      );
      expect(investment).toBeGreaterThanOrEqual(0);
      expect(await cards.nth(investment).getByRole('note').textContent()).toBe(RISK_DISCLOSURE);
      await page.screenshot({ path: '/tmp/widget.png' });

      await answer.getByRole('button', { name: 'Yes, this was helpful' }).click();
      await answer.getByText('Thanks for your feedback.').waitFor();
      const first = reply.products[0];
      await answer.getByRole('button', { name: `I'm interested in ${first?.name}` }).click();
      await page.waitForFunction(
        () =>
          document.querySelector('.fadv-bot:last-child .fadv-chip')?.getAttribute('aria-pressed') === 'true',
      );
      const turnSeq = (await fixture.audit.turns({ customerId })).find(
        (each) => each.reply === reply.text,
      )?.seq;
      const feedback = await fixture.audit.feedback({ turnSeq: turnSeq ?? -1 });
      expect(
        feedback.map(({ rating, productId, accepted, channel, actor }) => ({
          rating,
          productId,
          accepted,
          channel,
          actor,
        })),
      ).toEqual([
        {
          rating: 'up',
          productId: null,
          accepted: null,
          channel: 'web',
          actor: { id: customerId, role: 'customer' },
        },
        {
          rating: null,
          productId: first?.productId,
          accepted: true,
          channel: 'web',
          actor: { id: customerId, role: 'customer' },
        },
      ]);
      const turn = (await fixture.audit.turns({ customerId })).find((each) => each.seq === turnSeq);
      expect(turn).toMatchObject({ channel: 'web', reply: reply.text });
    });

    it('answers a knowledge question with its source, and Esc closes the panel', async () => {
      const reply = await ask('I lost my card');
      expect(reply.sources.length).toBeGreaterThan(0);
      const answer = page.locator('.fadv-bot').last();
      expect(await answer.locator('.fadv-text').innerHTML()).toBe(markdownHtml(reply.text));
      const sources = await answer.locator('.fadv-sources li').allTextContents();
      expect(sources[0]).toContain(reply.sources[0]?.title);
      await page.screenshot({ path: '/tmp/widget-sources.png' });
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      expect(await bubble().evaluate((element) => element === document.activeElement)).toBe(true);
    });

    it("offers a clarifying question's topics as buttons; pressing one asks about that topic", async () => {
      await bubble().click();
      await dialog().waitFor();
      // Which vague message the trained model is unsure about depends on the model: try a few.
      let clarifying: WebChatReply | undefined;
      for (const vague of ['payment problem', 'card problem', 'problem with money', 'help']) {
        const reply = await ask(vague);
        if (reply.quickReplies.length > 0) {
          clarifying = reply;
          break;
        }
      }
      if (!clarifying) throw new Error('none of the vague messages got a clarifying question');
      // Pinned to this answer: the follow-up adds a newer one.
      const answers = page.locator('.fadv-bot');
      const buttons = answers.nth((await answers.count()) - 1).locator('.fadv-quick button');
      expect(await buttons.allTextContents()).toEqual(clarifying.quickReplies);
      const chosen = clarifying.quickReplies[0] ?? '';
      const next = page.waitForRequest((candidate) => candidate.url().endsWith('/api/chat'));
      const answered = nextChatBody();
      await buttons.first().click();
      expect(JSON.parse((await next).postData() ?? '{}').message).toBe(chosen);
      expect(await page.locator('.fadv-user').last().textContent()).toBe(`You said: ${chosen}`);
      expect(await buttons.first().isDisabled()).toBe(true);
      await answered;
      await answers
        .nth((await answers.count()) - 1)
        .getByRole('group', { name: 'Was this answer helpful?' })
        .waitFor();
      await page.getByRole('button', { name: 'Send' }).and(page.locator(':enabled')).waitFor();
      await page.getByRole('textbox', { name: 'Your message' }).focus();
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
    });

    it('tells the customer what went wrong: 401, 403, 413, 429 with the retry time, and network errors', async () => {
      await bubble().click();
      await dialog().waitFor();
      const errors = page.locator('.fadv-error');
      const send = async (question: string) => {
        const before = await errors.count();
        await page.getByRole('textbox', { name: 'Your message' }).fill(question);
        await page.keyboard.press('Enter');
        await errors.nth(before).waitFor();
        return await errors.nth(before).textContent();
      };
      const someoneElse = customerId === 'C-000002' ? 'C-000003' : 'C-000002';
      expect(await send(`What would you recommend for ${someoneElse}?`)).toBe(
        'Sorry, I can only help with your own accounts.',
      );
      // A forged token reaches the real server, which answers 401.
      await page.route(
        '**/api/chat',
        (route) =>
          route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer forged' } }),
        { times: 1 },
      );
      expect(await send('hello')).toBe('Your session has ended. Please refresh the page.');
      const refuse = (status: number, headers: Record<string, string> = {}) =>
        page.route('**/api/chat', (route) => route.fulfill({ status, headers, body: '{}' }), { times: 1 });
      await refuse(429, { 'Retry-After': '42' });
      expect(await send('hello')).toBe('Too many messages. Please try again in 42 seconds.');
      await refuse(413);
      expect(await send('hello')).toBe('That message is too long.');
      await page.route('**/api/chat', (route) => route.abort('internetdisconnected'), { times: 1 });
      expect(await send('hello')).toBe("Can't reach the assistant. Check your connection.");
    });
  },
);
