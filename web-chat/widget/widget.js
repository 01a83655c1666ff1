// @ts-check
// Embeddable advisor chat: <script src=".../widget.js" data-token data-endpoint async>. Classes are `fadv-`-prefixed.
// Served by widget-asset.ts, which wraps this file with WIDGET_UI_TEXTS (widget-texts.json).

/**
 * @typedef {{ productId: string, name: string, type: string, typeLabel?: string, reasons: string[], riskDisclosure: string | null, movedByFeedback: boolean, explored: boolean }} ProductCard
 * @typedef {{ threadId?: string, text: string, products: ProductCard[], sources: { title: string }[], turnId: string, quickReplies?: string[] }} Reply
 * @typedef {{ rating?: string, interested?: string[] }} Chosen
 * @typedef {{ question: string, reply: Reply, chosen?: Chosen }} Entry
 * @typedef {{ turnId: string, question: string, reply: string, products: { productId: string, name: string, type: string, typeLabel: string }[] }} HistoryTurn
 * @typedef {{ code?: string, message?: string, retryAfterSeconds?: number }} ErrorInfo
 * @typedef {{ render(text: string): string, validateLink: (url: string) => boolean, disable(rule: string): unknown, renderer: { rules: Record<string, Function> } }} MarkdownRenderer
 */

(() => {
  const P = 'fadv';
  if (document.getElementById(`${P}-styles`)) return; // loaded twice: the first copy owns the page

  /** @type {HTMLScriptElement | null} */
  const script =
    document.currentScript instanceof HTMLScriptElement
      ? document.currentScript
      : document.querySelector('script[data-token][src*="widget.js"]');
  const token = script?.dataset.token ?? '';
  const endpoint = (script?.dataset.endpoint ?? '').replace(/\/+$/, '');
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

  // The widget's own words in the customer's language (widget-texts.json, inlined by the server as
  // WIDGET_UI_TEXTS): the script tag's data-lang, else the page's <html lang>, else the browser's language;
  // English when that language has no texts here.
  const UI_TEXTS = WIDGET_UI_TEXTS;
  const requested = (script?.dataset.lang || document.documentElement.lang || navigator.language || 'en')
    .slice(0, 2)
    .toLowerCase();
  /** @type {keyof typeof UI_TEXTS} */
  const uiLanguage = requested === 'de' || requested === 'es' ? requested : 'en';
  /** A UI text in the widget's language, `{name}` filled in. @param {keyof typeof UI_TEXTS.en} key @param {Record<string, string | number>} [params] */
  const say = (key, params = {}) =>
    UI_TEXTS[uiLanguage][key].replace(/\{(\w+)\}/g, (whole, name) => String(params[name] ?? whole));

  const STYLES = `.~root{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.45 system-ui,sans-serif;color:#1d2433;--a:#0b5cad;--m:#5b6473;--l:#dde1e7}
.~root :where(*){box-sizing:border-box;margin:0;padding:0;border:0;font:inherit;color:inherit;background:none;text-transform:none;letter-spacing:0;text-align:left;box-shadow:none;list-style:none}
.~root :where(button){cursor:pointer;border-radius:8px;display:grid;place-items:center}
.~root :disabled{cursor:default;opacity:.7}
.~root :where(button,input,a):focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.~root svg{width:20px;height:20px;fill:currentColor}
.~bubble{width:56px;height:56px;margin-left:auto;border-radius:50%;background:var(--a);color:#fff;box-shadow:0 4px 14px #0004}
.~bubble svg{width:28px;height:28px}
.~panel{display:flex;flex-direction:column;position:absolute;right:0;bottom:68px;width:min(380px,calc(100vw - 40px));height:min(580px,calc(100vh - 110px));background:#fff;border-radius:14px;box-shadow:0 10px 40px #0005;overflow:hidden}
.~root [hidden]{display:none}
.~header{display:flex;align-items:center;gap:4px;padding:12px 14px;background:var(--a);color:#fff}
.~title{flex:1;font-size:16px;font-weight:600}
.~tool{width:32px;height:32px}
.~log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:#f6f7f9}
.~msg{max-width:92%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.~user{align-self:flex-end;background:var(--a);color:#fff}
.~bot{align-self:flex-start;background:#fff;border:1px solid var(--l)}
.~handoff{border-left:4px solid var(--a)}
.~handoff-label{display:block;font-weight:600;margin-bottom:4px}
.~error{align-self:stretch;background:#fdecea;color:#8a1c12;border:1px solid #f3b8b1}
.~notice{align-self:center;color:var(--m);font-size:13px}
.~md{white-space:normal}
.~md>*+*{margin-top:6px}
.~md strong{font-weight:700}
.~md em{font-style:italic}
.~md a{color:var(--a);text-decoration:underline}
.~md code{font-family:ui-monospace,monospace;background:#eef1f5;padding:0 3px;border-radius:4px}
.~md :where(h1,h2,h3,h4){font-weight:700}
.~md :where(ul,ol){margin-left:20px}
.~md ul>li{list-style:disc}
.~md ol>li{list-style:decimal}
.~md blockquote{border-left:3px solid var(--l);padding-left:8px;color:var(--m)}
.~extra{white-space:normal;font-size:13px}
.~cards{display:grid;gap:8px;margin-top:10px}
.~card{padding:10px;border:1px solid var(--l);border-radius:10px;background:#fbfcfd}
.~card h3{font-size:14px;font-weight:650}
.~muted{font-size:12px;color:var(--m)}
.~card ul,.~sources ul{margin:6px 0 0 18px}
.~card li,.~sources li{list-style:disc}
.~risk{margin-top:6px;padding:6px 8px;border-left:3px solid #d48806;background:#fff8e6;font-size:12px}
.~chip{margin-top:8px;padding:4px 10px;border:1px solid var(--a);color:var(--a);border-radius:99px}
.~chip[aria-pressed=true]{background:var(--a);color:#fff}
.~quick,.~starters{display:flex;flex-wrap:wrap;gap:6px}
.~starters .~chip{margin-top:0;background:#fff}
.~confirm{align-self:stretch;display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:9px 12px;border:1px solid #f3b8b1;border-radius:12px;background:#fff}
.~confirm p{flex-basis:100%}
.~confirm button{padding:4px 12px;border:1px solid var(--l);border-radius:99px}
.~confirm .~danger{background:#b42318;border-color:#b42318;color:#fff}
.~sources{margin-top:10px;color:var(--m)}
.~rate{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px;color:var(--m)}
.~rate button{width:30px;height:30px;border:1px solid var(--l)}
.~rate svg{width:16px;height:16px}
.~rate [aria-pressed=true]{color:var(--a);border-color:var(--a);background:#e6f0fb}
.~down svg{transform:rotate(180deg)}
.~progress{padding:0 14px;min-height:0;font-size:12px;color:var(--m);background:#f6f7f9}
.~progress:not(:empty){padding:4px 14px}
.~form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--l)}
.~input{flex:1;min-width:0;padding:8px 12px;border:1px solid #b9c0cb;border-radius:99px}
.~send{padding:8px 16px;background:var(--a);color:#fff;border-radius:99px;font-weight:600}
.~sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
@media (max-width:480px){.~root[data-open] .~panel{position:fixed;inset:0;width:auto;height:auto;border-radius:0}
.~root[data-open] .~bubble{display:none}.~input{font-size:16px}}`;

  const ICONS = {
    chat: 'M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z',
    close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
    thumb:
      'M1 21h4V9H1zm22-11a2 2 0 0 0-2-2h-6.3l1.1-5.7L14.2 1 7.6 7.6A2 2 0 0 0 7 9v10a2 2 0 0 0 2 2h9l4-8z',
    download: 'M5 20h14v-2H5zM19 9h-4V3H9v6H5l7 7z',
    trash: 'M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z',
  };

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag @param {string} [className] @param {Record<string, string>} [attributes] @param {...(Node|string)} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, className = '', attributes = {}, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className.replace(/(^|\s)(?=\w)/g, `$1${P}-`);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }
  /** @param {string} className @param {Record<string, string>} attributes @param {...(Node|string)} children */
  const button = (className, attributes, ...children) =>
    el('button', className, { type: 'button', ...attributes }, ...children);

  /** @param {string} path */
  function icon(path) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    const shape = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    shape.setAttribute('d', path);
    svg.append(shape);
    return svg;
  }

  // ---- Markdown: markdown-it, served beside the widget, with raw HTML off, images off and safe links only.
  /** @type {MarkdownRenderer | null} */
  let markdown = null;
  /** Answers shown before the renderer arrived, as plain text; rendered once it has. @type {Map<HTMLElement, string>} */
  const waitingForMarkdown = new Map();
  const SAFE_LINK = /^(https?:|mailto:)/i;

  /** Configures markdown-it so nothing the model writes can become markup, script or a request. @param {any} factory */
  function createMarkdown(factory) {
    /** @type {MarkdownRenderer} */
    const renderer = factory({ html: false, linkify: true, breaks: true });
    // An image would make the browser fetch whatever URL the model wrote (a way to leak data): links only.
    renderer.disable('image');
    renderer.validateLink = (url) => SAFE_LINK.test(url.trim());
    const openLink = renderer.renderer.rules.link_open;
    renderer.renderer.rules.link_open = (
      /** @type {any[]} */ tokens,
      /** @type {number} */ index,
      /** @type {unknown} */ options,
      /** @type {unknown} */ environment,
      /** @type {any} */ self,
    ) => {
      tokens[index].attrSet('target', '_blank');
      tokens[index].attrSet('rel', 'noopener noreferrer');
      return openLink
        ? openLink(tokens, index, options, environment, self)
        : self.renderToken(tokens, index, options);
    };
    return renderer;
  }

  /** Shows an answer's text: Markdown once the renderer is here, plain text until then. @param {HTMLElement} target @param {string} text */
  function showText(target, text) {
    if (!markdown) {
      waitingForMarkdown.set(target, text);
      target.classList.remove(`${P}-md`);
      target.textContent = text;
      return;
    }
    waitingForMarkdown.delete(target);
    target.classList.add(`${P}-md`);
    // The only markup the widget inserts: markdown-it's output with html:false, which escapes every tag the text
    // holds and keeps only http(s)/mailto links (see createMarkdown).
    target.innerHTML = markdown.render(text);
  }

  const markdownScript = el('script', '', { src: `${endpoint}/widget-markdown.js`, async: '' });
  markdownScript.onload = () => {
    const factory = /** @type {any} */ (window).fadvMarkdownIt;
    if (typeof factory !== 'function') return;
    markdown = createMarkdown(factory);
    for (const [target, text] of [...waitingForMarkdown]) showText(target, text);
  };
  document.head.append(markdownScript);

  document.head.append(el('style', '', { id: `${P}-styles` }, STYLES.replaceAll('.~', `.${P}-`)));

  const bubble = button(
    'bubble',
    { 'aria-label': say('open'), 'aria-expanded': 'false', 'aria-controls': `${P}-panel` },
    icon(ICONS.chat),
  );
  const close = button('tool', { 'aria-label': say('close') }, icon(ICONS.close));
  const download = button(
    'tool',
    { 'aria-label': say('download'), title: say('download') },
    icon(ICONS.download),
  );
  const remove = button('tool', { 'aria-label': say('delete'), title: say('delete') }, icon(ICONS.trash));
  const welcome = el('p', 'msg bot', {}, say('welcome'));
  const starters = el(
    'div',
    'starters',
    { role: 'group', 'aria-label': say('starters') },
    ...['starter1', 'starter2', 'starter3', 'starter4'].map((key) => {
      const text = say(/** @type {keyof typeof UI_TEXTS.en} */ (key));
      const starter = button('chip', {}, text);
      starter.onclick = () => void ask(text);
      return starter;
    }),
  );
  const log = el(
    'div',
    'log',
    { role: 'log', 'aria-live': 'polite', 'aria-label': say('conversation') },
    welcome,
    starters,
  );
  const progress = el('p', 'progress', { role: 'status' });
  const input = el('input', 'input', {
    id: `${P}-input`,
    maxlength: '2000',
    autocomplete: 'off',
    placeholder: say('placeholder'),
  });
  const send = el('button', 'send', {}, say('send'));
  const form = el(
    'form',
    'form',
    {},
    el('label', 'sr', { for: `${P}-input` }, say('yourMessage')),
    input,
    send,
  );
  const panel = el(
    'div',
    'panel',
    { id: `${P}-panel`, role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': `${P}-title` },
    el('div', 'header', {}, el('h2', 'title', { id: `${P}-title` }, say('title')), download, remove, close),
    log,
    progress,
    form,
  );
  panel.hidden = true;
  const root = el('div', 'root', { lang: uiLanguage }, panel, bubble);
  document.body.append(root);

  let synced = false;
  /** @param {boolean} open */
  function toggle(open) {
    // The server's copy is fetched when the customer first opens the chat, not on every page view of the bank's site.
    if (open && !synced) {
      synced = true;
      void syncHistory();
    }
    panel.hidden = !open;
    root.toggleAttribute('data-open', open);
    bubble.setAttribute('aria-expanded', String(open));
    bubble.setAttribute('aria-label', say(open ? 'close' : 'open'));
    (open ? input : bubble).focus();
  }
  bubble.onclick = () => toggle(panel.hidden);
  close.onclick = () => toggle(false);
  panel.onkeydown = (event) => {
    if (event.key === 'Escape') toggle(false);
  };

  /** @param {string} method @param {string} path @param {unknown} [body] */
  const call = (method, path, body) =>
    fetch(endpoint + path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** @param {string} path @param {unknown} body */
  const post = (path, body) => call('POST', path, body);

  /** @type {Record<string, string>} */
  const SAY = {
    401: say('sessionEnded'),
    403: say('onlyOwnAccounts'),
    404: say('noRecord'),
    413: say('tooLong'),
    500: say('unavailable'),
  };
  const OFFLINE = say('offline');
  const NOT_ALLOWED = say('notAllowed');

  /**
   * Why a request failed before any answer. A browser hides CORS refusals behind the same error as a lost
   * connection; a no-cors probe tells them apart: it succeeds whenever the server is reachable at all, so a
   * reachable server that refused us means this page's origin is not on the bank's list (WEB_ALLOWED_ORIGINS).
   */
  async function unreachableText() {
    const base = new URL(endpoint || location.origin, location.href);
    if (base.origin === location.origin) return OFFLINE;
    try {
      await fetch(`${base.origin}${base.pathname.replace(/\/+$/, '')}/healthz`, {
        mode: 'no-cors',
        cache: 'no-store',
      });
      return NOT_ALLOWED;
    } catch {
      return OFFLINE;
    }
  }

  /** Says what went wrong in the customer's terms. @param {number} status @param {ErrorInfo} info */
  function describe(status, info) {
    if (status === 422) return say('notSent', { message: info.message ?? say('checkIt') });
    if (status === 429) return say('tooMany', { seconds: info.retryAfterSeconds ?? 60 });
    if (info.code === 'AUDIT_UNAVAILABLE') return say('notRecorded');
    if (status === 503 && info.retryAfterSeconds)
      return say('retrySoon', { seconds: info.retryAfterSeconds });
    return SAY[status] ?? SAY[500];
  }

  /** @param {Response} response */
  async function failureText(response) {
    /** @type {ErrorInfo} */
    let info = {};
    try {
      info = (await response.json()).error ?? {};
    } catch {}
    const retryAfter = Number(response.headers.get('Retry-After'));
    return describe(response.status, retryAfter > 0 ? { ...info, retryAfterSeconds: retryAfter } : info);
  }

  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };
  /** @param {string} text */
  const showError = (text) => log.append(el('p', 'msg error', {}, text));

  // ---- The conversation as this tab remembers it: per customer (the token's subject), so a renewed token keeps
  // it and another customer signing in on the same tab never sees it.
  const storageKey = (() => {
    try {
      const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')));
      return typeof payload.sub === 'string' && payload.sub ? `${P}-conversation:${payload.sub}` : null;
    } catch {
      return null;
    }
  })();
  const MAX_ENTRIES = 50;
  /** @type {{ threadId?: string, entries: Entry[] }} */
  let conversation = { entries: [] };
  function save() {
    if (!storageKey) return;
    try {
      conversation.entries = conversation.entries.slice(-MAX_ENTRIES);
      sessionStorage.setItem(storageKey, JSON.stringify(conversation));
    } catch {} // storage full or blocked: the conversation still works, it just won't survive a refresh
  }
  function load() {
    try {
      const stored = storageKey ? JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') : null;
      if (stored && Array.isArray(stored.entries)) return stored;
    } catch {}
    return { entries: [] };
  }

  // Tokens arrive in bursts (whole validated sentences): reveal a share per frame, rendering the Markdown of what
  // is on screen so far. `replace` voids what was shown (a sentence failed validation and the reply was redone).
  /** @param {HTMLElement} target */
  function typewriter(target) {
    let shown = '';
    /** @type {string[]} */
    const queue = [];
    let frame = 0;
    let idle = () => {};
    const step = () => {
      const share = reducedMotion ? queue.length : Math.max(2, Math.ceil(queue.length / 8));
      shown += queue.splice(0, share).join('');
      showText(target, shown);
      scroll();
      frame = queue.length > 0 ? requestAnimationFrame(step) : 0;
      if (!frame) idle();
    };
    return {
      /** @param {string} text */
      push(text) {
        queue.push(...(text.match(/\s*\S+\s*|\s+/g) ?? []));
        frame ||= requestAnimationFrame(step);
      },
      /** @param {string} text */
      replace(text) {
        queue.length = 0;
        shown = text;
        showText(target, shown);
      },
      /** Resolves when all is on screen (pauses in hidden tabs). @returns {Promise<void>} */
      drained: () =>
        new Promise((done) => {
          idle = done;
          if (!frame) done();
        }),
      /** @param {string} text */
      settle(text) {
        shown = text;
        showText(target, text);
      },
    };
  }

  /** @param {ReadableStream<Uint8Array>} body @param {(event: string, data: any) => void} onEvent */
  async function readEvents(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      // One `data:` line per event (JSON has no raw newlines).
      for (const block of blocks) {
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        onEvent(/^event: ?(.*)$/m.exec(block)?.[1] ?? 'message', data ? JSON.parse(data) : null);
      }
    }
  }

  /**
   * Posts feedback. A button acts once: the group is disabled at the click and stays so once saved, with the
   * choice the server recorded shown as chosen (`{ recorded, repeated, choice }`; an older server answers only
   * `{ recorded }`, and then the clicked one is the choice). A refusal enables the group again.
   * @param {HTMLElement} status @param {object} body @param {HTMLButtonElement} clicked
   * @param {Record<string, HTMLButtonElement>} group buttons by the choice they make @param {(choice: string) => void} remember
   */
  async function sendFeedback(status, body, clicked, group, remember) {
    const buttons = Object.values(group);
    for (const each of buttons) each.disabled = true;
    status.textContent = say('sending');
    try {
      const response = await post('/api/feedback', body);
      if (!response.ok) {
        status.textContent = await failureText(response);
        for (const each of buttons) each.disabled = false;
        return;
      }
      /** @type {{ repeated?: boolean, choice?: unknown }} */
      let answer = {};
      try {
        answer = await response.json();
      } catch {}
      const clickedChoice = Object.keys(group).find((key) => group[key] === clicked) ?? '';
      const choice =
        typeof answer.choice === 'string' && group[answer.choice] ? answer.choice : clickedChoice;
      for (const [key, each] of Object.entries(group))
        each.setAttribute('aria-pressed', String(key === choice));
      status.textContent = say(answer.repeated ? 'alreadyRecorded' : 'thanks');
      remember(choice);
    } catch {
      status.textContent = await unreachableText();
      for (const each of buttons) each.disabled = false;
    }
  }

  /** Marks a restored choice: pressed and the group disabled, as after a click. @param {Record<string, HTMLButtonElement>} group @param {string | undefined} choice */
  function restoreChoice(group, choice) {
    if (!choice || !group[choice]) return;
    for (const [key, each] of Object.entries(group)) {
      each.setAttribute('aria-pressed', String(key === choice));
      each.disabled = true;
    }
  }

  /** Product cards, sources and rating buttons under an answer. @param {HTMLElement} answer @param {Entry} entry @param {boolean} live */
  function renderExtras(answer, entry, live) {
    const { reply } = entry;
    entry.chosen ??= {};
    const chosen = entry.chosen;
    const status = el('span', 'muted', { role: 'status' });
    const turnId = reply.turnId;
    const extra = el('div', 'extra');
    if (reply.products.length > 0) {
      const cards = reply.products.map((product) => {
        const interest = button(
          'chip',
          { 'aria-pressed': 'false', 'aria-label': say('interestedIn', { name: product.name }) },
          say('interested'),
        );
        const group = { accepted: interest };
        restoreChoice(group, chosen.interested?.includes(product.productId) ? 'accepted' : undefined);
        const body = { turnId, rating: null, productId: product.productId, accepted: true };
        interest.onclick = () =>
          sendFeedback(status, body, interest, group, () => {
            chosen.interested = [...(chosen.interested ?? []), product.productId];
            save();
          });
        const typeLabel = product.typeLabel || product.type.replace(/_/g, ' ');
        return el(
          'li',
          'card',
          {},
          el('h3', '', {}, product.name),
          ...(typeLabel ? [el('p', 'muted', {}, typeLabel)] : []),
          ...(product.reasons.length > 0
            ? [el('ul', '', {}, ...product.reasons.map((reason) => el('li', '', {}, reason)))]
            : []),
          ...(product.riskDisclosure ? [el('p', 'risk', { role: 'note' }, product.riskDisclosure)] : []),
          ...(product.movedByFeedback ? [el('p', 'muted', {}, say('movedByFeedback'))] : []),
          ...(product.explored ? [el('p', 'muted', {}, say('explored'))] : []),
          interest,
        );
      });
      extra.append(el('ul', 'cards', { 'aria-label': say('recommended') }, ...cards));
    }
    // A clarifying question offers its topics as buttons; a press asks about that topic. Only on a live answer:
    // a restored question's moment has passed.
    const choices = (live ? (reply.quickReplies ?? []) : []).map((label) => {
      const choice = button('chip', {}, label);
      choice.onclick = () => {
        for (const each of choices) each.disabled = true;
        void ask(label);
      };
      return choice;
    });
    if (choices.length > 0) extra.append(el('div', 'quick', { role: 'group' }, ...choices));
    const titles = [...new Set(reply.sources.map((source) => source.title))];
    if (titles.length > 0) {
      const list = el('ul', '', {}, ...titles.map((title) => el('li', '', {}, title)));
      extra.append(el('div', 'sources', {}, el('p', '', {}, say('sources')), list));
    }
    /** @type {Record<string, HTMLButtonElement>} */
    const ratings = {};
    for (const rating of ['up', 'down']) {
      const label = say(rating === 'up' ? 'helpfulYes' : 'helpfulNo');
      const choice = button(rating, { 'aria-label': label, 'aria-pressed': 'false' }, icon(ICONS.thumb));
      choice.onclick = () =>
        sendFeedback(status, { turnId, rating }, choice, ratings, (recorded) => {
          chosen.rating = recorded;
          save();
        });
      ratings[rating] = choice;
    }
    restoreChoice(ratings, chosen.rating);
    const group = { role: 'group', 'aria-label': say('helpfulQuestion') };
    extra.append(
      el('div', 'rate', group, el('span', '', {}, say('helpful')), ...Object.values(ratings), status),
    );
    answer.append(extra);
  }

  let messageCount = 0;
  /** The customer's message in the log, labelled for screen readers. @param {string} question */
  function showQuestion(question) {
    log.append(el('p', 'msg user', {}, el('span', 'sr', {}, `${say('you')} `), question));
  }
  /** An empty assistant message, labelled; returns it and the element its text goes into. */
  function assistantMessage() {
    const labelId = `${P}-reply-${++messageCount}`;
    const text = el('div', 'text');
    const answer = el(
      'div',
      'msg bot',
      { role: 'article', 'aria-labelledby': labelId },
      el('span', 'sr', { id: labelId }, say('assistant')),
      text,
    );
    log.append(answer);
    return { answer, text };
  }

  /** Shows the conversation as remembered: questions, answers, cards and the choices already made. */
  function renderConversation() {
    for (const node of [...log.children]) if (node !== welcome && node !== starters) node.remove();
    starters.hidden = conversation.entries.length > 0;
    for (const entry of conversation.entries) {
      showQuestion(entry.question);
      const { answer, text } = assistantMessage();
      showText(text, entry.reply.text);
      renderExtras(answer, entry, false);
    }
    scroll();
  }

  /** An answer from the server's history, in the shape a streamed reply has (no reasons or sources kept). @param {HistoryTurn} turn @returns {Entry} */
  const fromHistory = (turn) => ({
    question: turn.question,
    reply: {
      text: turn.reply,
      turnId: turn.turnId,
      sources: [],
      products: turn.products.map((product) => ({
        ...product,
        reasons: [],
        riskDisclosure: null,
        movedByFeedback: false,
        explored: false,
      })),
    },
  });

  let askedSinceLoad = false;
  /** The server's record of this customer's conversation wins (another tab may have deleted it); what this tab kept wins per turn (it has the reasons, sources and choices). */
  async function syncHistory() {
    try {
      const response = await call('GET', `/api/history?lang=${encodeURIComponent(uiLanguage)}`);
      if (!response.ok || askedSinceLoad) return;
      /** @type {{ turns: HistoryTurn[] }} */
      const { turns } = await response.json();
      if (askedSinceLoad || !Array.isArray(turns)) return;
      const kept = new Map(conversation.entries.map((entry) => [entry.reply.turnId, entry]));
      conversation.entries = turns.map((turn) => kept.get(turn.turnId) ?? fromHistory(turn));
      save();
      renderConversation();
    } catch {} // offline or not allowed: what this tab kept is shown; the next question says what is wrong
  }

  conversation = load();
  renderConversation();

  /** @param {string} question */
  async function ask(question) {
    askedSinceLoad = true;
    send.disabled = true;
    starters.hidden = true;
    showQuestion(question);
    log.setAttribute('aria-busy', 'true');
    scroll();
    try {
      const response = await post('/api/chat', { message: question, threadId: conversation.threadId });
      if (!response.ok || !response.body) return showError(await failureText(response));
      const { answer, text } = assistantMessage();
      const writer = typewriter(text);
      /** @type {{ reply?: Reply, failed?: boolean }} */
      const outcome = {};
      await readEvents(response.body, (event, data) => {
        if (event === 'token') writer.push(data.text);
        else if (event === 'replace') writer.replace(data.text);
        else if (event === 'progress') progress.textContent = progressText(data.step);
        else if (event === 'reply') outcome.reply = data;
        else if (event === 'error') outcome.failed = true;
      });
      await writer.drained();
      if (outcome.reply) {
        writer.settle(outcome.reply.text);
        conversation.threadId = outcome.reply.threadId;
        /** @type {Entry} */
        const entry = { question, reply: outcome.reply };
        conversation.entries.push(entry);
        save();
        renderExtras(answer, entry, true);
        // A turn flagged for a person may be handed to the customer's adviser: follow what they do.
        if (outcome.reply.needsHuman) void watchHandoff();
      } else showError(outcome.failed ? SAY[500] : say('cutOff'));
    } catch {
      showError(await unreachableText());
    } finally {
      progress.textContent = '';
      send.disabled = false;
      log.removeAttribute('aria-busy');
      scroll();
    }
  }

  // ---- Advisor handoff: while an adviser is looking at the customer's question, ask the server what they did.
  /** How often the widget asks while a handoff is pending (well inside the per-customer rate limit). */
  const HANDOFF_POLL_MS = 5_000;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let handoffTimer;
  let shownHandoff = '';

  /**
   * Reads the customer's newest handoff (`GET /api/handoff`) and shows each new state once: "an adviser is looking
   * at this", then the adviser's message with its label, or the honest message when nobody answered in time.
   */
  async function watchHandoff() {
    clearTimeout(handoffTimer);
    try {
      const response = await call('GET', '/api/handoff');
      if (!response.ok) return;
      /** @type {{ handoff: { id: string, status: string, text: string, label: string | null } | null }} */
      const { handoff } = await response.json();
      if (!handoff) return;
      const state = `${handoff.id}:${handoff.status}`;
      if (state !== shownHandoff) {
        shownHandoff = state;
        showHandoff(handoff);
      }
      if (handoff.status === 'pending') handoffTimer = setTimeout(() => void watchHandoff(), HANDOFF_POLL_MS);
    } catch {} // offline: the next answer or a refresh shows what happened
  }

  /** @param {{ status: string, text: string, label: string | null }} handoff */
  function showHandoff(handoff) {
    const labelId = `${P}-handoff-${++messageCount}`;
    const text = el('div', 'text');
    const message = el(
      'div',
      `msg bot handoff handoff-${handoff.status}`,
      { role: 'article', 'aria-labelledby': labelId },
      el('span', handoff.label ? 'handoff-label' : 'sr', { id: labelId }, handoff.label ?? say('assistant')),
      text,
    );
    showText(text, handoff.text);
    log.append(message);
    scroll();
  }

  /** @param {unknown} step */
  function progressText(step) {
    const key = `progress_${step}`;
    return key in UI_TEXTS.en ? say(/** @type {keyof typeof UI_TEXTS.en} */ (key)) : '';
  }

  form.onsubmit = (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question || send.disabled) return;
    input.value = '';
    void ask(question);
  };

  // ---- Transcript: a plain-text file made here in the browser from what the customer sees.
  download.onclick = () => {
    const lines = [say('transcriptTitle'), new Date().toLocaleString(uiLanguage), ''];
    for (const { question, reply } of conversation.entries) {
      lines.push(`${say('transcriptYou')}: ${question}`, '', `${say('transcriptAssistant')}: ${reply.text}`);
      if (reply.products.length > 0) {
        lines.push('', `${say('transcriptProducts')}:`);
        for (const product of reply.products) {
          const typeLabel = product.typeLabel || product.type.replace(/_/g, ' ');
          lines.push(`- ${product.name}${typeLabel ? ` (${typeLabel})` : ''}`);
        }
      }
      lines.push('', '');
    }
    const file = new Blob([lines.join('\n')], { type: 'text/plain;charset=utf-8' });
    const link = el('a', '', {
      href: URL.createObjectURL(file),
      download: `conversation-${new Date().toISOString().slice(0, 10)}.txt`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  // ---- "Delete my conversation": asked once more in the log, then the server clears the customer's view
  // (the bank's audit log keeps its record) and so does this tab.
  remove.onclick = () => {
    if (log.querySelector(`.${P}-confirm`)) return;
    const yes = button('danger', {}, say('deleteYes'));
    const no = button('', {}, say('deleteNo'));
    const confirmation = el(
      'div',
      'confirm',
      { role: 'group' },
      el('p', '', {}, say('deleteConfirm')),
      yes,
      no,
    );
    no.onclick = () => {
      confirmation.remove();
      remove.focus();
    };
    yes.onclick = async () => {
      yes.disabled = true;
      try {
        const response = await call('DELETE', '/api/history');
        confirmation.remove();
        if (!response.ok) return showError(await failureText(response));
        conversation = { entries: [] };
        if (storageKey) sessionStorage.removeItem(storageKey);
        renderConversation();
        log.append(el('p', 'notice', {}, say('deleted')));
        input.focus();
      } catch {
        confirmation.remove();
        showError(await unreachableText());
      }
    };
    log.append(confirmation);
    scroll();
    yes.focus();
  };
})();
