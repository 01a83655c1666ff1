/** What `/?lang=` accepts: a language tag such as `de` or `es-MX`. */
export const DEMO_PAGE_LANGUAGE = /^[a-z]{2}(?:-[A-Za-z]{2})?$/;

/** Lifetime of a demo-page token: long enough to try the widget, well under the one-hour cap. */
export const DEMO_TOKEN_LIFETIME_SECONDS = 15 * 60;

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&"<>']/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character);
}

/**
 * A fictional bank's page with the widget embedded the way a real host page does it: one script tag carrying a
 * token. Its own CSS is deliberately opinionated (buttons, lists, headings) to show the widget's styles hold up.
 */
export function renderDemoPage(options: { token: string; customerId: string; lang?: string }): string {
  const token = escapeHtml(options.token);
  const customer = escapeHtml(options.customerId);
  // The widget speaks the page's language (en, de, es): `/?lang=de` shows it as a German bank's page would.
  const lang = escapeHtml(options.lang ?? 'en');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Northwind Bank — Your accounts</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #1d2433; background: #f4f1ea; line-height: 1.6; }
  header { background: #0b3d2e; color: #fff; padding: 1rem clamp(1rem, 5vw, 2rem); display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 2rem; }
  header strong { font-size: 1.4rem; letter-spacing: 0.04em; }
  nav a { color: #d8efe4; margin-right: 1.25rem; text-decoration: none; }
  nav a:hover, nav a:focus { text-decoration: underline; }
  main { max-width: 60rem; margin: 2rem auto; padding: 0 clamp(1rem, 5vw, 2rem); }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
  .cards section { background: #fff; border-radius: 6px; padding: 1rem 1.25rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
  h1 { font-size: 2rem; } h3 { font-size: 1.3rem; text-transform: uppercase; }
  ul { list-style: square; } button { background: #c0392b; color: #fff; border: 3px solid #000; font-size: 1.1rem; text-transform: uppercase; }
  footer { text-align: center; padding: 2rem; color: #5b6473; font-size: 0.9rem; }
</style>
</head>
<body>
<header>
  <strong>Northwind Bank</strong>
  <nav aria-label="Main">
    <a href="#accounts">Accounts</a><a href="#savings">Savings</a><a href="#help">Help</a>
  </nav>
</header>
<main>
  <h1>Welcome back</h1>
  <p>You are signed in as customer <span data-customer>${customer}</span>. This is a demo page of a fictional bank;
     the assistant in the corner is the embedded web chat.</p>
  <div class="cards">
    <section id="accounts"><h3>Current account</h3><p>Everyday banking with contactless payments and instant notifications.</p></section>
    <section id="savings"><h3>Savings</h3><ul><li>Easy-access saver</li><li>Fixed-rate bonds</li><li>Cash ISA</li></ul></section>
    <section id="help"><h3>Help &amp; support</h3><p>Lost your card? Questions about a payment? Ask the assistant, or call us any time.</p><button type="button">Call us</button></section>
  </div>
</main>
<footer>Northwind Bank is fictional. Products, rates and people on this page are generated demo data.</footer>
<script src="/widget.js" data-token="${token}" data-endpoint="" async></script>
</body>
</html>
`;
}
