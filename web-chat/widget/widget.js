// @ts-check
// Embeddable advisor chat: <script src=".../widget.js" data-token data-endpoint async>. Classes are `fadv`-prefixed.
// The server serves this file and the modules it imports as one script (widget-asset.ts), with WIDGET_UI_TEXTS
// (widget-texts.json) inlined: a bank embeds one <script> tag.
import { createAnswerExtras } from './widget-cards.js';
import { button, el, icon } from './widget-dom.js';
import { createHandoffWatcher } from './widget-handoff.js';
import { createTranslator } from './widget-language.js';
import { createMarkdownView } from './widget-markdown-view.js';
import { createMessageLog } from './widget-messages.js';
import { createRequests, readEvents } from './widget-requests.js';
import { createConversationStore, fromHistory } from './widget-storage.js';
import { ICONS, PREFIX, STYLES } from './widget-styles.js';
import { downloadTranscript } from './widget-transcript.js';

/** @typedef {import('./widget-storage.js').Entry} Entry @typedef {import('./widget-storage.js').Reply} Reply */
/** @typedef {import('./widget-storage.js').HistoryTurn} HistoryTurn */

/** Puts the chat on the page: the bubble, the panel, and the conversation this tab or the server remembers. */
export function startWidget() {
  if (document.getElementById(`${PREFIX}-styles`)) return; // loaded twice: the first copy owns the page

  /** @type {HTMLScriptElement | null} */
  const script =
    document.currentScript instanceof HTMLScriptElement
      ? document.currentScript
      : document.querySelector('script[data-token][src*="widget.js"]');
  const token = script?.dataset.token ?? '';
  const endpoint = (script?.dataset.endpoint ?? '').replace(/\/+$/, '');
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const { language, say, progressText } = createTranslator(WIDGET_UI_TEXTS, script);
  const showText = createMarkdownView(endpoint);
  document.head.append(el('style', '', { id: `${PREFIX}-styles` }, STYLES.replaceAll('.~', `.${PREFIX}-`)));

  const bubble = button(
    'bubble',
    { 'aria-label': say('open'), 'aria-expanded': 'false', 'aria-controls': `${PREFIX}-panel` },
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
      const text = say(key);
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
    id: `${PREFIX}-input`,
    maxlength: '2000',
    autocomplete: 'off',
    placeholder: say('placeholder'),
  });
  const send = el('button', 'send', {}, say('send'));
  const form = el(
    'form',
    'form',
    {},
    el('label', 'sr', { for: `${PREFIX}-input` }, say('yourMessage')),
    input,
    send,
  );
  const panel = el(
    'div',
    'panel',
    { id: `${PREFIX}-panel`, role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': `${PREFIX}-title` },
    el(
      'div',
      'header',
      {},
      el('h2', 'title', { id: `${PREFIX}-title` }, say('title')),
      download,
      remove,
      close,
    ),
    log,
    progress,
    form,
  );
  panel.hidden = true;
  const root = el('div', 'root', { lang: language }, panel, bubble);
  document.body.append(root);

  const { call, post, failureText, unreachableText, serverErrorText } = createRequests({
    endpoint,
    token,
    say,
  });
  const messages = createMessageLog({ log, say, showText, reducedMotion });
  const { scroll, showQuestion, assistantMessage, showError } = messages;
  const store = createConversationStore(token);
  const save = () => store.save();
  const renderExtras = createAnswerExtras({ say, post, failureText, unreachableText, save, ask });
  const watchHandoff = createHandoffWatcher({ call, showHandoff: messages.showHandoff });

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

  /** Shows the conversation as remembered: questions, answers, cards and the choices already made. */
  function renderConversation() {
    for (const node of [...log.children]) if (node !== welcome && node !== starters) node.remove();
    starters.hidden = store.conversation.entries.length > 0;
    for (const entry of store.conversation.entries) {
      showQuestion(entry.question);
      const { answer, text } = assistantMessage();
      showText(text, entry.reply.text);
      renderExtras(answer, entry, false);
    }
    scroll();
  }

  let askedSinceLoad = false;
  /** The server's record of this customer's conversation wins (another tab may have deleted it); what this tab kept wins per turn (it has the reasons, sources and choices). */
  async function syncHistory() {
    try {
      const response = await call('GET', `/api/history?lang=${encodeURIComponent(language)}`);
      if (!response.ok || askedSinceLoad) return;
      /** @type {{ turns: HistoryTurn[] }} */
      const { turns } = await response.json();
      if (askedSinceLoad || !Array.isArray(turns)) return;
      const kept = new Map(store.conversation.entries.map((entry) => [entry.reply.turnId, entry]));
      store.conversation.entries = turns.map((turn) => kept.get(turn.turnId) ?? fromHistory(turn));
      save();
      renderConversation();
    } catch {} // offline or not allowed: what this tab kept is shown; the next question says what is wrong
  }

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
      const response = await post('/api/chat', { message: question, threadId: store.conversation.threadId });
      if (!response.ok || !response.body) return showError(await failureText(response));
      const { answer, text } = assistantMessage();
      const writer = messages.typewriter(text);
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
        store.conversation.threadId = outcome.reply.threadId;
        /** @type {Entry} */
        const entry = { question, reply: outcome.reply };
        store.conversation.entries.push(entry);
        save();
        renderExtras(answer, entry, true);
        // A turn flagged for a person may be handed to the customer's adviser: follow what they do.
        if (outcome.reply.needsHuman) void watchHandoff();
      } else showError(outcome.failed ? serverErrorText : say('cutOff'));
    } catch {
      showError(await unreachableText());
    } finally {
      progress.textContent = '';
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

  download.onclick = () => downloadTranscript(store.conversation.entries, say, language);

  // "Delete my conversation": asked once more in the log, then the server clears the customer's view (the bank's
  // audit log keeps its record) and so does this tab.
  remove.onclick = () => {
    if (log.querySelector(`.${PREFIX}-confirm`)) return;
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
        store.clear();
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
}
