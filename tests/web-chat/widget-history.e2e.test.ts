import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationCore } from '../../bot/core/index.ts';
import {
  createWebChatApp,
  type RunningWebServer,
  signCustomerToken,
  startWebServer,
} from '../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium.ts';
import { GERMAN_TYPE_LABELS } from '../support/product-type-labels.ts';

const suite = hasChromium ? describe : describe.skip;
const SECRET = 'e2e-secret-for-the-widget-history-0123456789';
const A = 'C-000001';
const B = 'C-000002';
/** The widget's history request, whatever its query (it names the widget's language). */
const isHistory = (url: URL) => url.pathname === '/api/history';

interface HistoryResponse {
  turns: {
    turnId: string;
    question: string;
    reply: string;
    products: { name: string; type: string; typeLabel: string }[];
  }[];
}

suite(
  hasChromium
    ? 'widget history in a real browser (real server, real advisor, real audit log)'
    : `widget history — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  () => {
    let fixture: AdvisorFixture;
    let server: RunningWebServer;
    let browser: Browser;

    beforeAll(async () => {
      fixture = await createAdvisorFixture(60);
      const core = new ConversationCore({
        chain: fixture.chain(),
        audit: fixture.audit,
        catalog: () => fixture.retriever.catalog(),
      });
      const app = createWebChatApp({
        core,
        audit: fixture.audit,
        tokenSecret: SECRET,
        demo: { enabled: true },
      });
      server = await startWebServer(app, 0);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await fixture?.dispose();
    });

    /** `/api/history` called the way the widget calls it, with a token for `customerId`. */
    async function history(
      customerId: string,
      method: 'GET' | 'DELETE' = 'GET',
      query = '',
    ): Promise<HistoryResponse> {
      const token = await signCustomerToken({
        customerId,
        secret: SECRET,
        nowMs: Date.now(),
        lifetimeSeconds: 600,
      });
      const response = await fetch(`${server.url}/api/history${query}`, {
        method,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as HistoryResponse;
    }

    async function openDemo(
      customerId: string,
      lang = 'en',
    ): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${server.url}/?customer=${customerId}&lang=${lang}`);
      return { context, page };
    }

    const questions = (page: Page) => page.locator('.fadv-user').allTextContents();
    const waitForAnswers = (page: Page, count: number) =>
      page.waitForFunction(
        (expected) => document.querySelectorAll('.fadv-bot .fadv-rate').length >= expected,
        count,
      );

    async function ask(page: Page, question: string): Promise<void> {
      const answered = await page.locator('.fadv-bot .fadv-rate').count();
      await page.getByRole('textbox', { name: 'Your message' }).fill(question);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, answered + 1);
    }

    let pageA: Page;
    let contextA: BrowserContext;

    it('keeps the conversation over a refresh (a new token for the same customer) and downloads it as text', async () => {
      ({ context: contextA, page: pageA } = await openDemo(A));
      await pageA.getByRole('button', { name: 'Open chat' }).click();
      expect(await pageA.getByRole('group', { name: 'Suggested questions' }).isVisible()).toBe(true);
      await ask(pageA, 'I lost my card');
      await ask(pageA, 'What would you recommend for me?');
      const shown = await pageA.locator('.fadv-bot .fadv-text').allTextContents();

      // The demo page mints a fresh token on every load: a refresh is also a token renewal.
      await pageA.reload();
      await pageA.getByRole('button', { name: 'Open chat' }).click();
      await waitForAnswers(pageA, 2);
      // Restored answers are shown as text at once and as Markdown when the renderer has loaded.
      await pageA.waitForFunction(() => document.querySelectorAll('.fadv-bot .fadv-md').length >= 2);
      expect(await questions(pageA)).toEqual([
        'You said: I lost my card',
        'You said: What would you recommend for me?',
      ]);
      expect(await pageA.locator('.fadv-bot .fadv-text').allTextContents()).toEqual(shown);
      expect(await pageA.getByRole('group', { name: 'Suggested questions' }).isVisible()).toBe(false);
      expect(await pageA.getByRole('log', { name: 'Conversation' }).getAttribute('aria-live')).toBe('polite');

      // This tab's copy alone is enough: with /api/history unreachable the conversation still comes back.
      await pageA.route(isHistory, (route) => route.abort('internetdisconnected'));
      await pageA.reload();
      await waitForAnswers(pageA, 2);
      expect((await questions(pageA)).length).toBe(2);
      await pageA.unroute(isHistory);

      const download = pageA.waitForEvent('download');
      await pageA.getByRole('button', { name: 'Open chat' }).click();
      await pageA.getByRole('button', { name: 'Download the conversation as a text file' }).click();
      const file = await (await download).path();
      const transcript = await readFile(file, 'utf8');
      expect(transcript).toContain('You: I lost my card');
      expect(transcript).toContain('You: What would you recommend for me?');
      expect(transcript).toContain('Assistant: ');
    });

    it('a new tab gets the conversation from GET /api/history; the server names the products for people', async () => {
      const token = await signCustomerToken({
        customerId: A,
        secret: SECRET,
        nowMs: Date.now(),
        lifetimeSeconds: 600,
      });
      const badLimit = await fetch(`${server.url}/api/history?limit=0`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(badLimit.status).toBe(422);
      expect(((await badLimit.json()) as { error: { message: string } }).error.message).toBe(
        'Invalid query: limit: must be at least 1.',
      );
      expect((await fetch(`${server.url}/api/history`)).status).toBe(401);
      const served = await history(A);
      expect(served.turns.map((turn) => turn.question)).toEqual([
        'I lost my card',
        'What would you recommend for me?',
      ]);
      const recommended = served.turns[1]?.products ?? [];
      expect(recommended.length).toBeGreaterThan(0);
      for (const product of recommended) expect(product.typeLabel).not.toMatch(/_/);
      // A turn keeps the language it was answered in (the audit log stores it): the widget's own language
      // (?lang=de) names only older turns that have none, so this English turn's cards stay English.
      const german = (await history(A, 'GET', '?lang=de')).turns[1]?.products ?? [];
      expect(german.map((product) => product.typeLabel)).toEqual(
        recommended.map((product) => product.typeLabel),
      );
      expect(german.map((product) => product.typeLabel)).not.toEqual(
        recommended.map((product) => GERMAN_TYPE_LABELS[product.type]),
      );
      const badLanguage = await fetch(`${server.url}/api/history?lang=${encodeURIComponent('<b>')}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(badLanguage.status).toBe(422);
      expect(((await badLanguage.json()) as { error: { message: string } }).error.message).toBe(
        'Invalid query: lang: expected a language tag like de or es-MX.',
      );
      const { context, page } = await openDemo(A);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await waitForAnswers(page, 2);
      expect(await questions(page)).toEqual([
        'You said: I lost my card',
        'You said: What would you recommend for me?',
      ]);
      const firstCard = page.locator('.fadv-card h3').first();
      expect(await firstCard.textContent()).toBe(recommended[0]?.name);
      await context.close();
    });

    it("never shows customer A's conversation to B's token, not even B's own question about A", async () => {
      const { context, page } = await openDemo(B);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByRole('group', { name: 'Suggested questions' }).waitFor();
      expect(await questions(page)).toEqual([]);
      await page.getByRole('textbox', { name: 'Your message' }).fill(`What would you recommend for ${A}?`);
      await page.keyboard.press('Enter');
      await page.locator('.fadv-error').waitFor();
      await context.close();
      // The refusal was shown as an error, so it is not part of B's history either (the audit log has it).
      expect(await history(B)).toEqual({ turns: [] });
      const refused = await fixture.audit.turns({ customerId: A });
      expect(refused.some((turn) => turn.actor.id === B)).toBe(true);
      const aQuestions = (await history(A)).turns.map((turn) => turn.question);
      expect(aQuestions).toEqual(['I lost my card', 'What would you recommend for me?']);
    });

    it('"Delete my conversation" clears the view, this tab’s copy and GET /api/history, while the audit log keeps the turns', async () => {
      await pageA.getByRole('button', { name: 'Delete my conversation' }).click();
      await pageA.getByRole('button', { name: 'Delete', exact: true }).click();
      await pageA.getByText('Your conversation was deleted.').waitFor();
      expect(await questions(pageA)).toEqual([]);
      expect(await pageA.locator('.fadv-bot .fadv-rate').count()).toBe(0);
      expect(await pageA.getByRole('group', { name: 'Suggested questions' }).isVisible()).toBe(true);
      expect(await pageA.evaluate(() => sessionStorage.length)).toBe(0);
      expect(await history(A)).toEqual({ turns: [] });
      const audited = await fixture.audit.turns({ customerId: A });
      expect(audited.map((turn) => turn.question)).toEqual(
        expect.arrayContaining(['I lost my card', 'What would you recommend for me?']),
      );
      await pageA.reload();
      await pageA.getByRole('button', { name: 'Open chat' }).click();
      await pageA.getByRole('group', { name: 'Suggested questions' }).waitFor();
      expect(await questions(pageA)).toEqual([]);
      await contextA.close();
    });

    it('speaks German on a German page: starter prompts, buttons and the answer to a starter', async () => {
      const { context, page } = await openDemo('C-000003', 'de');
      await page.getByRole('button', { name: 'Chat öffnen' }).click();
      const starters = page.getByRole('group', { name: 'Vorgeschlagene Fragen' });
      expect(await starters.getByRole('button').allTextContents()).toEqual([
        'Was würden Sie mir empfehlen?',
        'Wie viel habe ich letzten Monat ausgegeben?',
        'Ich habe meine Karte verloren. Was soll ich tun?',
        'Welche Gebühren hat mein Konto?',
      ]);
      expect(await page.getByRole('button', { name: 'Meine Unterhaltung löschen' }).count()).toBe(1);
      await starters.getByRole('button').first().click();
      await page.getByRole('group', { name: 'War diese Antwort hilfreich?' }).waitFor();
      expect(await questions(page)).toEqual(['Sie sagten: Was würden Sie mir empfehlen?']);
      expect(await starters.isVisible()).toBe(false);
      await context.close();
    });
  },
);
