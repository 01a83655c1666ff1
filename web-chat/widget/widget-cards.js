// @ts-check
// What goes under an answer: product cards with "Interested", the clarifying question's topics, the sources and
// 👍/👎. Each button acts once and shows the choice the server recorded.
import { button, el, icon } from './widget-dom.js';
import { ICONS } from './widget-styles.js';

/**
 * @typedef {import('./widget-storage.js').Entry} Entry
 * @typedef {import('./widget-storage.js').ProductCard} ProductCard
 */

/** A product's type as people read it: the server's label (in the reply's language), else the type itself. @param {ProductCard} product */
export const typeLabelOf = (product) => product.typeLabel || product.type.replace(/_/g, ' ');

/** Marks a restored choice: pressed and the group disabled, as after a click. @param {Record<string, HTMLButtonElement>} group @param {string | undefined} choice */
function restoreChoice(group, choice) {
  if (!choice || !group[choice]) return;
  for (const [key, each] of Object.entries(group)) {
    each.setAttribute('aria-pressed', String(key === choice));
    each.disabled = true;
  }
}

/**
 * Returns `renderExtras(answer, entry, live)`, which draws the cards, topics, sources and rating buttons of an
 * answer; a vote is remembered in the entry (and saved), a topic button asks about it.
 * @param {{
 *   say: (key: string, params?: Record<string, string | number>) => string,
 *   post: (path: string, body: unknown) => Promise<Response>,
 *   failureText: (response: Response) => Promise<string>,
 *   unreachableText: () => Promise<string>,
 *   save: () => void,
 *   ask: (question: string) => Promise<void>,
 * }} options
 */
export function createAnswerExtras({ say, post, failureText, unreachableText, save, ask }) {
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

  /** One product's card with its "Interested" button. @param {ProductCard} product @param {string} turnId @param {import('./widget-storage.js').Chosen} chosen @param {HTMLElement} status */
  function productCard(product, turnId, chosen, status) {
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
    const typeLabel = typeLabelOf(product);
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
      const cards = reply.products.map((product) => productCard(product, turnId, chosen, status));
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

  return renderExtras;
}
