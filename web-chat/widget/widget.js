// @ts-check
// Embeddable advisor chat: <script src=".../widget.js" data-token data-endpoint async>. Classes are `fadv-`-prefixed.

/**
 * @typedef {{ productId: string, name: string, type: string, reasons: string[], riskDisclosure: string | null, movedByFeedback: boolean, explored: boolean }} ProductCard
 * @typedef {{ threadId: string, text: string, products: ProductCard[], sources: { title: string }[], turnId: string, quickReplies?: string[] }} Reply
 * @typedef {{ code?: string, message?: string, retryAfterSeconds?: number }} ErrorInfo
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

  // The widget's own words in the customer's language: the script tag's data-lang, else the page's
  // <html lang>, else the browser's language; English when that language has no texts here.
  const UI_TEXTS = {
    en: {
      open: 'Open chat',
      close: 'Close chat',
      title: 'Ask our assistant',
      conversation: 'Conversation',
      welcome: 'Hello! Ask me about our products, cards, payments and fees. (Guidance, not personal advice.)',
      placeholder: 'Type your question…',
      yourMessage: 'Your message',
      send: 'Send',
      sessionEnded: 'Your session has ended. Please refresh the page.',
      onlyOwnAccounts: 'Sorry, I can only help with your own accounts.',
      noRecord: "We couldn't find your customer record.",
      tooLong: 'That message is too long.',
      unavailable: 'The assistant is unavailable. Please try again soon.',
      notRecorded: 'The assistant is unavailable: nothing was shown or recorded. Please try again later.',
      retrySoon: 'The assistant is restarting. Please try again in {seconds} seconds.',
      offline: "Can't reach the assistant. Check your connection.",
      notAllowed: 'This site is not allowed to use the assistant. Please use the bank’s own website or app.',
      notSent: "That couldn't be sent: {message}",
      checkIt: 'please check it.',
      tooMany: 'Too many messages. Please try again in {seconds} seconds.',
      cutOff: 'The answer was cut off. Please retry.',
      sending: 'Sending…',
      thanks: 'Thanks for your feedback.',
      interested: "I'm interested",
      interestedIn: "I'm interested in {name}",
      movedByFeedback: 'Ranked using earlier feedback.',
      explored: 'Shown so we can learn whether it suits customers like you.',
      recommended: 'Recommended products',
      sources: 'Sources',
      helpfulYes: 'Yes, this was helpful',
      helpfulNo: 'No, this was not helpful',
      helpfulQuestion: 'Was this answer helpful?',
      helpful: 'Helpful?',
    },
    de: {
      open: 'Chat öffnen',
      close: 'Chat schließen',
      title: 'Fragen Sie unseren Assistenten',
      conversation: 'Unterhaltung',
      welcome:
        'Hallo! Fragen Sie mich zu unseren Produkten, Karten, Zahlungen und Gebühren. (Allgemeine Hinweise, keine persönliche Beratung.)',
      placeholder: 'Ihre Frage eingeben…',
      yourMessage: 'Ihre Nachricht',
      send: 'Senden',
      sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte laden Sie die Seite neu.',
      onlyOwnAccounts: 'Entschuldigung, ich kann Ihnen nur zu Ihren eigenen Konten helfen.',
      noRecord: 'Wir konnten Ihre Kundendaten nicht finden.',
      tooLong: 'Diese Nachricht ist zu lang.',
      unavailable: 'Der Assistent ist nicht verfügbar. Bitte versuchen Sie es bald noch einmal.',
      notRecorded:
        'Der Assistent ist nicht verfügbar: Es wurde nichts angezeigt oder gespeichert. Bitte versuchen Sie es später noch einmal.',
      retrySoon: 'Der Assistent startet neu. Bitte versuchen Sie es in {seconds} Sekunden noch einmal.',
      offline: 'Der Assistent ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
      notAllowed:
        'Diese Website darf den Assistenten nicht nutzen. Bitte verwenden Sie die Website oder App der Bank.',
      notSent: 'Das konnte nicht gesendet werden: {message}',
      checkIt: 'Bitte prüfen Sie Ihre Eingabe.',
      tooMany: 'Zu viele Nachrichten. Bitte versuchen Sie es in {seconds} Sekunden erneut.',
      cutOff: 'Die Antwort wurde unterbrochen. Bitte versuchen Sie es erneut.',
      sending: 'Wird gesendet…',
      thanks: 'Danke für Ihr Feedback.',
      interested: 'Interessiert mich',
      interestedIn: '{name} interessiert mich',
      movedByFeedback: 'Die Reihenfolge berücksichtigt früheres Feedback.',
      explored: 'Angezeigt, damit wir lernen, ob es zu Kunden wie Ihnen passt.',
      recommended: 'Empfohlene Produkte',
      sources: 'Quellen',
      helpfulYes: 'Ja, das war hilfreich',
      helpfulNo: 'Nein, das war nicht hilfreich',
      helpfulQuestion: 'War diese Antwort hilfreich?',
      helpful: 'Hilfreich?',
    },
    es: {
      open: 'Abrir chat',
      close: 'Cerrar chat',
      title: 'Pregunte a nuestro asistente',
      conversation: 'Conversación',
      welcome:
        '¡Hola! Pregúnteme sobre nuestros productos, tarjetas, pagos y comisiones. (Orientación general, no asesoramiento personal.)',
      placeholder: 'Escriba su pregunta…',
      yourMessage: 'Su mensaje',
      send: 'Enviar',
      sessionEnded: 'Su sesión ha terminado. Vuelva a cargar la página.',
      onlyOwnAccounts: 'Lo siento, solo puedo ayudarle con sus propias cuentas.',
      noRecord: 'No hemos encontrado sus datos de cliente.',
      tooLong: 'Ese mensaje es demasiado largo.',
      unavailable: 'El asistente no está disponible. Inténtelo de nuevo en breve.',
      notRecorded:
        'El asistente no está disponible: no se ha mostrado ni registrado nada. Inténtelo más tarde.',
      retrySoon: 'El asistente se está reiniciando. Inténtelo de nuevo dentro de {seconds} segundos.',
      offline: 'No se puede contactar con el asistente. Compruebe su conexión.',
      notAllowed:
        'Este sitio no tiene permiso para usar el asistente. Utilice la web o la aplicación del banco.',
      notSent: 'No se ha podido enviar: {message}',
      checkIt: 'revíselo, por favor.',
      tooMany: 'Demasiados mensajes. Inténtelo de nuevo dentro de {seconds} segundos.',
      cutOff: 'La respuesta se ha cortado. Inténtelo de nuevo.',
      sending: 'Enviando…',
      thanks: 'Gracias por su opinión.',
      interested: 'Me interesa',
      interestedIn: 'Me interesa {name}',
      movedByFeedback: 'Ordenado teniendo en cuenta opiniones anteriores.',
      explored: 'Se muestra para saber si encaja con clientes como usted.',
      recommended: 'Productos recomendados',
      sources: 'Fuentes',
      helpfulYes: 'Sí, me ha sido útil',
      helpfulNo: 'No, no me ha sido útil',
      helpfulQuestion: '¿Le ha sido útil esta respuesta?',
      helpful: '¿Útil?',
    },
  };
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
.~root :where(button,input):focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.~root svg{width:20px;height:20px;fill:currentColor}
.~bubble{width:56px;height:56px;margin-left:auto;border-radius:50%;background:var(--a);color:#fff;box-shadow:0 4px 14px #0004}
.~bubble svg{width:28px;height:28px}
.~panel{display:flex;flex-direction:column;position:absolute;right:0;bottom:68px;width:min(380px,calc(100vw - 40px));height:min(580px,calc(100vh - 110px));background:#fff;border-radius:14px;box-shadow:0 10px 40px #0005;overflow:hidden}
.~panel[hidden]{display:none}
.~header{display:flex;align-items:center;padding:12px 14px;background:var(--a);color:#fff}
.~title{flex:1;font-size:16px;font-weight:600}
.~close{width:32px;height:32px}
.~log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:#f6f7f9}
.~msg{max-width:92%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.~user{align-self:flex-end;background:var(--a);color:#fff}
.~bot{align-self:flex-start;background:#fff;border:1px solid var(--l)}
.~error{align-self:stretch;background:#fdecea;color:#8a1c12;border:1px solid #f3b8b1}
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
.~quick{display:flex;flex-wrap:wrap;gap:6px}
.~sources{margin-top:10px;color:var(--m)}
.~rate{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px;color:var(--m)}
.~rate button{width:30px;height:30px;border:1px solid var(--l)}
.~rate svg{width:16px;height:16px}
.~rate [aria-pressed=true]{color:var(--a);border-color:var(--a);background:#e6f0fb}
.~down svg{transform:rotate(180deg)}
.~form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--l)}
.~input{flex:1;padding:8px 12px;border:1px solid #b9c0cb;border-radius:99px}
.~send{padding:8px 16px;background:var(--a);color:#fff;border-radius:99px;font-weight:600}
.~sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}`;

  const ICONS = {
    chat: 'M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z',
    close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
    thumb:
      'M1 21h4V9H1zm22-11a2 2 0 0 0-2-2h-6.3l1.1-5.7L14.2 1 7.6 7.6A2 2 0 0 0 7 9v10a2 2 0 0 0 2 2h9l4-8z',
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

  document.head.append(el('style', '', { id: `${P}-styles` }, STYLES.replaceAll('.~', `.${P}-`)));

  const bubble = button(
    'bubble',
    { 'aria-label': say('open'), 'aria-expanded': 'false', 'aria-controls': `${P}-panel` },
    icon(ICONS.chat),
  );
  const close = button('close', { 'aria-label': say('close') }, icon(ICONS.close));
  const log = el(
    'div',
    'log',
    { 'aria-live': 'polite', 'aria-label': say('conversation') },
    el('p', 'msg bot', {}, say('welcome')),
  );
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
    el('div', 'header', {}, el('h2', 'title', { id: `${P}-title` }, say('title')), close),
    log,
    form,
  );
  panel.hidden = true;
  document.body.append(el('div', 'root', { lang: uiLanguage }, panel, bubble));

  /** @param {boolean} open */
  function toggle(open) {
    panel.hidden = !open;
    bubble.setAttribute('aria-expanded', String(open));
    bubble.setAttribute('aria-label', say(open ? 'close' : 'open'));
    (open ? input : bubble).focus();
  }
  bubble.onclick = () => toggle(panel.hidden);
  close.onclick = () => toggle(false);
  panel.onkeydown = (event) => {
    if (event.key === 'Escape') toggle(false);
  };

  /** @param {string} path @param {unknown} body */
  const post = (path, body) =>
    fetch(endpoint + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

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

  // Replies are validated before streaming, so tokens come in a burst: reveal a share per frame.
  /** @param {HTMLElement} target */
  function typewriter(target) {
    const node = target.appendChild(document.createTextNode(''));
    /** @type {string[]} */
    const queue = [];
    let frame = 0;
    let idle = () => {};
    const step = () => {
      const share = reducedMotion ? queue.length : Math.max(2, Math.ceil(queue.length / 8));
      node.appendData(queue.splice(0, share).join(''));
      scroll();
      frame = queue.length > 0 ? requestAnimationFrame(step) : 0;
      if (!frame) idle();
    };
    return {
      /** @param {string} text */
      push(text) {
        queue.push(text);
        frame ||= requestAnimationFrame(step);
      },
      /** Resolves when all is on screen (pauses in hidden tabs). @returns {Promise<void>} */
      drained: () =>
        new Promise((done) => {
          idle = done;
          if (!frame) done();
        }),
      /** @param {string} text */
      settle(text) {
        if (node.data !== text) node.data = text;
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
   * Posts feedback; once saved, marks the chosen button pressed and disables its group.
   * @param {HTMLElement} status @param {object} body @param {HTMLButtonElement} chosen @param {HTMLButtonElement[]} group
   */
  async function sendFeedback(status, body, chosen, group) {
    status.textContent = say('sending');
    try {
      const response = await post('/api/feedback', body);
      status.textContent = response.ok ? say('thanks') : await failureText(response);
      if (!response.ok) return;
      chosen.setAttribute('aria-pressed', 'true');
      for (const each of group) each.disabled = true;
    } catch {
      status.textContent = await unreachableText();
    }
  }

  /** Product cards, sources and rating buttons under an answer. @param {HTMLElement} answer @param {Reply} reply */
  function renderExtras(answer, reply) {
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
        const body = { turnId, rating: null, productId: product.productId, accepted: true };
        interest.onclick = () => sendFeedback(status, body, interest, [interest]);
        return el(
          'li',
          'card',
          {},
          el('h3', '', {}, product.name),
          el('p', 'muted', {}, product.type.replace(/_/g, ' ')),
          el('ul', '', {}, ...product.reasons.map((reason) => el('li', '', {}, reason))),
          ...(product.riskDisclosure ? [el('p', 'risk', { role: 'note' }, product.riskDisclosure)] : []),
          ...(product.movedByFeedback ? [el('p', 'muted', {}, say('movedByFeedback'))] : []),
          ...(product.explored ? [el('p', 'muted', {}, say('explored'))] : []),
          interest,
        );
      });
      extra.append(el('ul', 'cards', { 'aria-label': say('recommended') }, ...cards));
    }
    // A clarifying question offers its topics as buttons; a press asks about that topic.
    const choices = (reply.quickReplies ?? []).map((label) => {
      const choice = button('chip', {}, label);
      choice.onclick = () => {
        for (const each of choices) each.disabled = true;
        ask(label);
      };
      return choice;
    });
    if (choices.length > 0) extra.append(el('div', 'quick', { role: 'group' }, ...choices));
    const titles = [...new Set(reply.sources.map((source) => source.title))];
    if (titles.length > 0) {
      const list = el('ul', '', {}, ...titles.map((title) => el('li', '', {}, title)));
      extra.append(el('div', 'sources', {}, el('p', '', {}, say('sources')), list));
    }
    const ratings = ['up', 'down'].map((rating) => {
      const label = say(rating === 'up' ? 'helpfulYes' : 'helpfulNo');
      const choice = button(rating, { 'aria-label': label, 'aria-pressed': 'false' }, icon(ICONS.thumb));
      choice.onclick = () => sendFeedback(status, { turnId, rating }, choice, ratings);
      return choice;
    });
    const group = { role: 'group', 'aria-label': say('helpfulQuestion') };
    extra.append(el('div', 'rate', group, el('span', '', {}, say('helpful')), ...ratings, status));
    answer.append(extra);
  }

  /** @type {string | undefined} */
  let threadId;

  /** @param {string} question */
  async function ask(question) {
    send.disabled = true;
    log.append(el('p', 'msg user', {}, question));
    log.setAttribute('aria-busy', 'true');
    scroll();
    try {
      const response = await post('/api/chat', { message: question, threadId });
      if (!response.ok || !response.body) return showError(await failureText(response));
      const text = el('p');
      const answer = el('div', 'msg bot', {}, text);
      log.append(answer);
      const writer = typewriter(text);
      /** @type {{ reply?: Reply, failed?: boolean }} */
      const outcome = {};
      await readEvents(response.body, (event, data) => {
        if (event === 'token') writer.push(data.text);
        else if (event === 'reply') outcome.reply = data;
        else if (event === 'error') outcome.failed = true;
      });
      await writer.drained();
      if (outcome.reply) {
        writer.settle(outcome.reply.text);
        threadId = outcome.reply.threadId;
        renderExtras(answer, outcome.reply);
      } else showError(outcome.failed ? SAY[500] : say('cutOff'));
    } catch {
      showError(await unreachableText());
    } finally {
      send.disabled = false;
      log.removeAttribute('aria-busy');
      scroll();
    }
  }

  form.onsubmit = (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question || send.disabled) return;
    input.value = '';
    void ask(question);
  };
})();
