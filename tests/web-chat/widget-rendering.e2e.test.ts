import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDemoPage } from '../../web-chat/demo-page.ts';
import { loadMarkdownAsset, loadWidgetAsset } from '../../web-chat/widget-asset.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium.ts';

const suite = hasChromium ? describe : describe.skip;
const HOST = 'http://bank.test';
/** The widget's history request, whatever its query (it names the widget's language). */
const isHistory = (url: URL) => url.href.startsWith(`${HOST}/api/history`);

/** One Server-Sent Event as the real server writes it (chat-reply-stream.ts). */
const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** A reply event in the shape the server sends, with the fields the widget reads. */
function replyEvent(text: string, products: object[] = [], needsHuman = false): string {
  return sse('reply', {
    threadId: 'thread-1',
    text,
    customerId: 'C-000001',
    intent: 'general',
    needsHuman,
    quickReplies: [],
    products,
    sources: [],
    provider: { name: 'grounded', model: 'composer' },
    validator: { ok: true },
    bias: { flagged: false },
    turnId: 'AAAAAAAAAAAAAAAAAAAAAA',
  });
}

suite(
  hasChromium
    ? 'the widget renders replies safely in a real browser (local SSE stand-in for /api/chat)'
    : `the widget renders replies — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  () => {
    let browser: Browser;
    let widget: string;
    let markdown: string;

    beforeAll(async () => {
      [widget, markdown] = [(await loadWidgetAsset()).body, (await loadMarkdownAsset()).body];
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /**
     * The real demo page and the real served scripts, through Playwright's router (no server): `/api/chat` answers
     * with the given SSE body, as the streaming server does, and `/api/history` with an empty conversation.
     */
    async function open(
      chatBody: string,
      options: {
        width?: number;
        feedback?: (route: Route) => Promise<void>;
        handoff?: (route: Route) => Promise<void>;
      } = {},
    ): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 } });
      const page = await context.newPage();
      const script = (body: string) => ({ contentType: 'application/javascript; charset=utf-8', body });
      await page.route(`${HOST}/`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: renderDemoPage({
            token: 'header.eyJzdWIiOiJDLTAwMDAwMSJ9.signature',
            customerId: 'C-000001',
          }),
        }),
      );
      await page.route(`${HOST}/widget.js`, (route) => route.fulfill(script(widget)));
      await page.route(`${HOST}/widget-markdown.js`, (route) => route.fulfill(script(markdown)));
      await page.route(isHistory, (route) => route.fulfill({ json: { turns: [] } }));
      await page.route(`${HOST}/api/chat`, (route) =>
        route.fulfill({ contentType: 'text/event-stream; charset=utf-8', body: chatBody }),
      );
      if (options.feedback) await page.route(`${HOST}/api/feedback`, options.feedback);
      if (options.handoff) await page.route(`${HOST}/api/handoff`, options.handoff);
      await page.goto(`${HOST}/`);
      return { context, page };
    }

    async function askAndWait(page: Page, question: string): Promise<void> {
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByRole('textbox', { name: 'Your message' }).fill(question);
      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: 'Was this answer helpful?' }).last().waitFor();
    }

    it('renders Markdown (bold, a list, a safe link) and keeps unsafe links as text', async () => {
      const text =
        'Here is **what it holds**:\n\n- Easy Saver\n- Fixed Bond\n\nRead [the guide](https://bank.example/guide) or [this](javascript:alert(1)).';
      const { context, page } = await open(sse('token', { text }) + replyEvent(text) + sse('done', {}));
      await page.waitForFunction(
        () => typeof (window as { fadvMarkdownIt?: unknown }).fadvMarkdownIt === 'function',
      );
      await askAndWait(page, 'What does it hold?');
      const answer = page.locator('.fadv-bot .fadv-text').last();
      expect(await answer.locator('strong').allTextContents()).toEqual(['what it holds']);
      expect(await answer.locator('ul > li').allTextContents()).toEqual(['Easy Saver', 'Fixed Bond']);
      const links = answer.locator('a');
      expect(await links.count()).toBe(1);
      expect(await links.first().getAttribute('href')).toBe('https://bank.example/guide');
      expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
      expect(await links.first().getAttribute('target')).toBe('_blank');
      expect(await answer.textContent()).toContain('[this](javascript:alert(1))');
      // The markdown build does not claim the page's `markdownit` global.
      expect(await page.evaluate(() => 'markdownit' in window)).toBe(false);
      await context.close();
    });

    it('after a reply flagged for a person, shows "an adviser is looking at this", then the adviser\'s message with its label', async () => {
      // The handoff route as the server answers it (web-chat/handoff-routes.ts): pending, then the adviser's edit.
      const states = [
        { status: 'pending', text: 'An adviser is looking at this.', label: null, author: null },
        {
          status: 'edited',
          text: 'Hello, I have **frozen your card**; a new one is on its way.',
          label: 'Checked and sent by your adviser',
          author: 'advisor_edited',
        },
      ];
      let asked = 0;
      const common = {
        id: 'h-1',
        openedAt: '2026-12-05T08:00:00.000Z',
        expiresAt: '2026-12-05T08:05:00.000Z',
      };
      const text = 'I have passed this to your adviser.';
      const { context, page } = await open(
        sse('token', { text }) + replyEvent(text, [], true) + sse('done', {}),
        {
          handoff: async (route) => {
            const state = states[Math.min(asked, states.length - 1)];
            asked += 1;
            await route.fulfill({ json: { handoff: { ...common, ...state } } });
          },
        },
      );
      await askAndWait(page, 'I want to talk to a person');
      const pending = page.locator('.fadv-handoff-pending');
      await pending.waitFor();
      expect(await pending.textContent()).toContain('An adviser is looking at this.');
      // The widget asks again while the handoff is pending (every 5 s) and shows the adviser's answer once.
      const answered = page.locator('.fadv-handoff-edited');
      await answered.waitFor({ timeout: 15_000 });
      expect(await answered.locator('.fadv-handoff-label').textContent()).toBe(
        'Checked and sent by your adviser',
      );
      expect(await answered.locator('strong').allTextContents()).toEqual(['frozen your card']);
      expect(await page.locator('.fadv-handoff').count()).toBe(2);
      expect(asked).toBe(2);
      await context.close();
    });

    it('shows a <script> and an <img onerror> in a reply as text: nothing runs, no element is made', async () => {
      const text =
        'Hello <script>window.pwned = "script"</script> and <img src="x" onerror="window.pwned = \'img\'"> and ![pic](https://tracker.example/p.png)';
      const { context, page } = await open(sse('token', { text }) + replyEvent(text) + sse('done', {}));
      await page.waitForFunction(
        () => typeof (window as { fadvMarkdownIt?: unknown }).fadvMarkdownIt === 'function',
      );
      await askAndWait(page, 'Say something');
      const answer = page.locator('.fadv-bot .fadv-text').last();
      expect(await answer.textContent()).toContain('<script>window.pwned = "script"</script>');
      expect(await answer.textContent()).toContain('<img src="x" onerror="window.pwned = \'img\'">');
      expect(await answer.locator('script, img').count()).toBe(0);
      expect(await page.locator('.fadv-root img').count()).toBe(0);
      expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
      await context.close();
    });

    it('shows progress as a status line and replaces the streamed text on `replace`', async () => {
      const body =
        sse('progress', { step: 'retrieving' }) +
        sse('token', { text: 'A sentence that failed. ' }) +
        sse('replace', { text: 'The **repaired** answer.' }) +
        sse('token', { text: ' And more.' }) +
        replyEvent('The **repaired** answer. And more.') +
        sse('done', {});
      const { context, page } = await open(body);
      await page.evaluate(() => {
        const seen: string[] = [];
        Object.assign(window, { progressSeen: seen });
        const line = document.querySelector('.fadv-progress');
        new MutationObserver(() => seen.push(line?.textContent ?? '')).observe(line as Node, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      await askAndWait(page, 'Question');
      expect(
        await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen),
      ).toContain('Looking through our guides…');
      expect(await page.getByRole('status').first().textContent()).toBe('');
      const answer = page.locator('.fadv-bot .fadv-text').last();
      expect((await answer.textContent())?.trim()).toBe('The repaired answer. And more.');
      expect(await answer.locator('strong').allTextContents()).toEqual(['repaired']);
      expect(await answer.textContent()).not.toContain('failed');
      await context.close();
    });

    it('labels product types for people and lets a feedback button act once, showing the choice the server kept', async () => {
      const product = {
        productId: 'SAV-01',
        name: 'Easy Saver',
        type: 'savings',
        typeLabel: 'savings account',
        reasons: ['Fits your goals.'],
        riskDisclosure: null,
        movedByFeedback: false,
        explored: false,
      };
      const answers = [
        { recorded: true, repeated: true, choice: 'up' }, // the helper's new answer: a repeat of an earlier 👍
        { recorded: true }, // today's answer
      ];
      const { context, page } = await open(replyEvent('Try this.', [product]) + sse('done', {}), {
        feedback: (route) => route.fulfill({ status: 201, json: answers.shift() }),
      });
      await askAndWait(page, 'Recommend something');
      const answer = page.locator('.fadv-bot').last();
      expect(await answer.locator('.fadv-card .fadv-muted').first().textContent()).toBe('savings account');
      const up = answer.getByRole('button', { name: 'Yes, this was helpful' });
      const down = answer.getByRole('button', { name: 'No, this was not helpful' });
      await down.click();
      await answer.getByText('You already told us this. Thanks.').waitFor();
      expect(await up.getAttribute('aria-pressed')).toBe('true');
      expect(await down.getAttribute('aria-pressed')).toBe('false');
      expect([await up.isDisabled(), await down.isDisabled()]).toEqual([true, true]);
      const interest = answer.getByRole('button', { name: "I'm interested in Easy Saver" });
      await interest.click();
      await answer.getByText('Thanks for your feedback.').waitFor();
      expect(await interest.getAttribute('aria-pressed')).toBe('true');
      expect(await interest.isDisabled()).toBe(true);
      await context.close();
    });

    it('at 375 px the demo page does not scroll sideways and the open widget fills the screen', async () => {
      const { context, page } = await open(replyEvent('Hi.') + sse('done', {}), { width: 375 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.getByRole('button', { name: 'Open chat' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ask our assistant' });
      await dialog.waitFor();
      expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.getByRole('button', { name: 'Close chat' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await context.close();
    });
  },
);
