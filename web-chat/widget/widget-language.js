// @ts-check
// The widget's own words in the customer's language (widget-texts.json, inlined by the server as WIDGET_UI_TEXTS).

/**
 * Picks the widget's language — the script tag's data-lang, else the page's <html lang>, else the browser's
 * language; English when that language has no texts here — and says texts in it.
 * @param {Record<string, Record<string, string>>} texts the UI texts by language (English is always there)
 * @param {HTMLScriptElement | null} script the widget's own script tag
 */
export function createTranslator(texts, script) {
  const requested = (script?.dataset.lang || document.documentElement.lang || navigator.language || 'en')
    .slice(0, 2)
    .toLowerCase();
  const language = requested === 'de' || requested === 'es' ? requested : 'en';
  const own = texts[language] ?? texts.en ?? {};
  /** A UI text in the widget's language, `{name}` filled in. @param {string} key @param {Record<string, string | number>} [params] */
  const say = (key, params = {}) =>
    (own[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => String(params[name] ?? whole));
  /** The status line for a chain step (`progress` event), or '' for a step without one. @param {unknown} step */
  const progressText = (step) => (`progress_${step}` in own ? say(`progress_${step}`) : '');
  return { language, say, progressText };
}
