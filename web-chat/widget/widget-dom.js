// @ts-check
// Building the widget's elements: classes get the widget's prefix, so the bank's styles and ours never meet.
import { PREFIX } from './widget-styles.js';

/**
 * An element with prefixed classes, attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {string} [className] @param {Record<string, string>} [attributes] @param {...(Node|string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className = '', attributes = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className.replace(/(^|\s)(?=\w)/g, `$1${PREFIX}-`);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A `type=button` button. @param {string} className @param {Record<string, string>} attributes @param {...(Node|string)} children */
export const button = (className, attributes, ...children) =>
  el('button', className, { type: 'button', ...attributes }, ...children);

/** An inline SVG icon, hidden from screen readers (its button carries the label). @param {string} path */
export function icon(path) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const shape = document.createElementNS(ns, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}
