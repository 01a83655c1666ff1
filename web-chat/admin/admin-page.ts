/**
 * The page's Content-Security-Policy: scripts only from this server (the dashboard and Chart.js), API calls only
 * to it, and never framed (an admin page in someone else's frame invites clickjacking).
 */
export const ADMIN_PAGE_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

/** One chart panel: heading, what it shows, a status line (loading, errors), the canvas and its table. */
interface PanelSpec {
  id: string;
  title: string;
  about: string;
  /** Spans the whole row: the fairness charts have a bar per group comparison (twenty or so). */
  wide?: boolean;
}

const PANELS: readonly PanelSpec[] = [
  {
    id: 'fairness-population',
    title: 'Fairness: the recommender over every customer',
    about:
      'Disparate impact of each protected group against its reference group (overall section). Bars outside the shaded 0.8–1.25 four-fifths band are flagged in red; grey bars are untestable (too few rows). Below: the data’s own disparities beside the model’s, and 18–24 within legitimate factors.',
    wide: true,
  },
  {
    id: 'fairness-logged',
    title: 'Fairness: replies actually logged',
    about: 'The same metrics over the turns in the audit log that recommended products to a known customer.',
    wide: true,
  },
  {
    id: 'bench-ndcg',
    title: 'Benchmark: NDCG@5, ours vs baselines',
    about:
      'Each saved <code>npm run bench:quality</code> run, oldest to newest, on the time-based split, with the cost of the fairness re-ranking.',
  },
  {
    id: 'bench-map',
    title: 'Benchmark: MAP@7, ours vs baselines',
    about: 'MAP@7 (the Santander competition metric) per method across the same saved runs.',
  },
  {
    id: 'understanding',
    title: 'Understanding: intents and safety checks',
    about:
      'The latest saved <code>npm run eval:understanding</code> run: intent accuracy, macro-F1, out-of-scope precision and recall, injection recall and false alarms by language, promissory recall and false rejections.',
    wide: true,
  },
  {
    id: 'feedback',
    title: 'Feedback',
    about: 'Thumbs up and down on replies, and products accepted or declined, from every channel.',
  },
  {
    id: 'latency',
    title: 'Chat latency',
    about: 'Nearest-rank percentiles of the logged per-turn latency.',
  },
  {
    id: 'validator',
    title: 'Validator verdicts',
    about:
      'First drafts that passed, drafts repaired by the re-prompt, and drafts replaced by the grounded fallback.',
  },
];

function renderPanel(panel: PanelSpec): string {
  return `<section class="panel${panel.wide ? ' wide' : ''}" id="${panel.id}" aria-labelledby="${panel.id}-title" aria-busy="true">
  <h2 id="${panel.id}-title">${panel.title}</h2>
  <p class="about">${panel.about}</p>
  <p class="status" role="status">Waiting for sign-in…</p>
  <div class="chart" hidden><canvas id="${panel.id}-chart" role="img" aria-label="${panel.title}; the same numbers are in the table below"></canvas></div>
  <div class="summary"></div>
</section>`;
}

/**
 * The dashboard page. It holds no data and no token: the script reads the admin token from the URL fragment
 * (`/admin#token=…`, which browsers never send to the server, so it stays out of access logs) and calls the
 * APIs with it. Static, so it can be served without authentication. `basePath` is where the routes are
 * mounted (`/admin`); the scripts load from under it.
 */
export function renderAdminPage(basePath: string): string {
  const base = basePath.replace(/\/+$/, '').replace(/[&"<>']/g, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Financial advisor — admin dashboard</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1d2433; background: #f5f6f8; }
  header { background: #0b3d2e; color: #fff; padding: 0.75rem 1.5rem; }
  header h1 { margin: 0; font-size: 1.3rem; }
  main { max-width: 84rem; margin: 1.5rem auto; padding: 0 1.5rem; }
  #dashboard { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(36rem, 100%), 1fr)); gap: 1.25rem; }
  #dashboard[hidden], #sign-in[hidden] { display: none; }
  .panel { background: #fff; border-radius: 6px; padding: 1rem 1.25rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); min-width: 0; }
  .panel.wide { grid-column: 1 / -1; }
  .panel h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
  .about { color: #5b6473; margin: 0 0 0.5rem; font-size: 0.9rem; }
  .status { margin: 0.25rem 0; }
  .status.error { color: #a61b1b; font-weight: 600; }
  .panel[aria-busy="true"] .status::before { content: "⏳ "; }
  .chart { position: relative; height: 300px; }
  .summary { overflow-x: auto; }
  table { border-collapse: collapse; margin-top: 0.75rem; font-size: 0.85rem; width: 100%; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
  th, td { border-bottom: 1px solid #dde1e7; padding: 0.2rem 0.5rem; text-align: right; white-space: nowrap; }
  th:first-child, td:first-child { text-align: left; }
  td.flagged { color: #a61b1b; font-weight: 600; }
  #sign-in { background: #fff; border-radius: 6px; padding: 1rem 1.25rem; max-width: 40rem; }
  code { background: #eef0f3; padding: 0 0.25rem; border-radius: 3px; }
  .summary p { overflow-wrap: anywhere; }
  /* Phones: one column edge to edge, tables wrap their cells instead of widening the page. */
  @media (max-width: 40rem) {
    header { padding: 0.75rem; }
    main { margin: 0.75rem auto; padding: 0 0.5rem; }
    #dashboard { gap: 0.75rem; }
    .panel { padding: 0.75rem; }
    th, td { white-space: normal; overflow-wrap: anywhere; padding: 0.2rem 0.3rem; }
  }
</style>
</head>
<body>
<header><h1>Financial advisor — admin dashboard</h1></header>
<main>
  <section id="sign-in" aria-labelledby="sign-in-title" hidden>
    <h2 id="sign-in-title">Sign in</h2>
    <p id="sign-in-message">This page needs an admin token.</p>
    <p>Open the admin link with a token: <code>/admin#token=…</code>. <code>npm start</code> prints one for the demo;
       in production your single sign-on signs a short-lived admin token for a web user with the admin role.</p>
  </section>
  <noscript><p>The dashboard draws its charts with JavaScript; please enable it.</p></noscript>
  <div id="dashboard" hidden>
${PANELS.map(renderPanel).join('\n')}
  </div>
</main>
<script src="${base}/chart.umd.js" defer></script>
<script type="module" src="${base}/dashboard.js"></script>
</body>
</html>
`;
}
