import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWidgetAsset } from '../../web-chat/widget-asset.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium.ts';

const suite = hasChromium ? describe : describe.skip;
const HOST = 'http://bank.test';

/** A host page that embeds the real widget script (as served) inline, with the page language and script attributes given. */
function hostPage(widget: string, options: { lang?: string; dataLang?: string }): string {
  const lang = options.lang === undefined ? '' : ` lang="${options.lang}"`;
  const dataLang = options.dataLang === undefined ? '' : ` data-lang="${options.dataLang}"`;
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><title>Bank</title></head><body>
<script data-token="t" data-endpoint=""${dataLang}>${widget}</script></body></html>`;
}

suite(
  hasChromium
    ? 'the widget speaks the page’s language in a real browser'
    : `the widget speaks the page’s language — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  () => {
    let browser: Browser;
    let widget: string;

    beforeAll(async () => {
      widget = (await loadWidgetAsset()).body;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /**
     * Opens the host page in a fresh context. The page is served by Playwright's router (no server needed to
     * show UI text); `/api/chat` answers with the status given, standing in for the real server's refusal.
     */
    async function open(
      options: { lang?: string; dataLang?: string; locale?: string; chatStatus?: number } = {},
    ): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ locale: options.locale ?? 'en-US' });
      const page = await context.newPage();
      await page.route(`${HOST}/`, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(widget, options) }),
      );
      await page.route(`${HOST}/api/chat`, (route) =>
        route.fulfill({ status: options.chatStatus ?? 500, contentType: 'application/json', body: '{}' }),
      );
      await page.goto(`${HOST}/`);
      return { context, page };
    }

    const placeholder = (page: Page) => page.locator('#fadv-input').getAttribute('placeholder');

    it('shows German UI texts when the page says lang="de"', async () => {
      const { context, page } = await open({ lang: 'de' });
      expect(await placeholder(page)).toBe('Ihre Frage eingeben…');
      await page.getByRole('button', { name: 'Chat öffnen' }).click();
      await page.getByRole('dialog', { name: 'Fragen Sie unseren Assistenten' }).waitFor();
      expect(await page.locator('.fadv-send').textContent()).toBe('Senden');
      expect(await page.locator('.fadv-root').getAttribute('lang')).toBe('de');
      await context.close();
    });

    it('says what went wrong in German too (413 from the server)', async () => {
      const { context, page } = await open({ lang: 'de-AT', chatStatus: 413 });
      await page.getByRole('button', { name: 'Chat öffnen' }).click();
      await page.getByRole('textbox', { name: 'Ihre Nachricht' }).fill('Hallo');
      await page.keyboard.press('Enter');
      await page.locator('.fadv-error').waitFor();
      expect(await page.locator('.fadv-error').textContent()).toBe('Diese Nachricht ist zu lang.');
      await context.close();
    });

    it('lets the script tag’s data-lang override the page: Spanish on an English page', async () => {
      const { context, page } = await open({ lang: 'en', dataLang: 'es' });
      expect(await placeholder(page)).toBe('Escriba su pregunta…');
      await context.close();
    });

    it('follows the browser’s language when the page names none', async () => {
      const { context, page } = await open({ locale: 'es-MX' });
      expect(await placeholder(page)).toBe('Escriba su pregunta…');
      await context.close();
    });

    it('stays English for a language it has no texts for (lang="fr")', async () => {
      const { context, page } = await open({ lang: 'fr', locale: 'de-DE' });
      expect(await placeholder(page)).toBe('Type your question…');
      expect(await page.locator('.fadv-root').getAttribute('lang')).toBe('en');
      await context.close();
    });
  },
);
