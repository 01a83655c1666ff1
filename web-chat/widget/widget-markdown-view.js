// @ts-check
// Markdown: markdown-it, served beside the widget, with raw HTML off, images off and safe links only.
import { el } from './widget-dom.js';
import { PREFIX } from './widget-styles.js';

/**
 * @typedef {{ render(text: string): string, validateLink: (url: string) => boolean, disable(rule: string): unknown, renderer: { rules: Record<string, Function> } }} MarkdownRenderer
 */

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

/**
 * Loads the renderer (`/widget-markdown.js`) and returns `showText`, which shows an answer's text: Markdown once
 * the renderer is here, plain text until then (and those answers are rendered when it arrives).
 * @param {string} endpoint the advisor server's base URL ('' for this page's origin)
 */
export function createMarkdownView(endpoint) {
  /** @type {MarkdownRenderer | null} */
  let markdown = null;
  /** Answers shown before the renderer arrived, as plain text. @type {Map<HTMLElement, string>} */
  const waitingForMarkdown = new Map();

  /** @param {HTMLElement} target @param {string} text */
  function showText(target, text) {
    if (!markdown) {
      waitingForMarkdown.set(target, text);
      target.classList.remove(`${PREFIX}-md`);
      target.textContent = text;
      return;
    }
    waitingForMarkdown.delete(target);
    target.classList.add(`${PREFIX}-md`);
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
  return showText;
}
