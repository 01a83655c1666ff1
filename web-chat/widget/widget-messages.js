// @ts-check
// The message log: the customer's questions, the assistant's answers as they stream in, advisers' messages, errors.
import { el } from './widget-dom.js';
import { PREFIX } from './widget-styles.js';

/**
 * Appends messages to `log`, each labelled for screen readers, and keeps the newest in view.
 * @param {{ log: HTMLElement, say: (key: string) => string, showText: (target: HTMLElement, text: string) => void, reducedMotion: boolean }} options
 */
export function createMessageLog({ log, say, showText, reducedMotion }) {
  let messageCount = 0;
  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };

  /** The customer's message, labelled for screen readers. @param {string} question */
  function showQuestion(question) {
    log.append(el('p', 'msg user', {}, el('span', 'sr', {}, `${say('you')} `), question));
  }

  /** An empty assistant message, labelled; returns it and the element its text goes into. */
  function assistantMessage() {
    const labelId = `${PREFIX}-reply-${++messageCount}`;
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

  /** An adviser's message (or the handoff's state) under its label. @param {{ status: string, text: string, label: string | null }} handoff */
  function showHandoff(handoff) {
    const labelId = `${PREFIX}-handoff-${++messageCount}`;
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

  /** @param {string} text */
  const showError = (text) => log.append(el('p', 'msg error', {}, text));

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

  return { scroll, showQuestion, assistantMessage, showHandoff, showError, typewriter };
}
