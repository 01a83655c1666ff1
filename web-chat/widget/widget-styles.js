// @ts-check
// The widget's look: one style sheet (`.~` becomes the class prefix when it is added to the page) and its icons.

/** The prefix of every class and id the widget adds to the bank's page. */
export const PREFIX = 'fadv';

/** The widget's style sheet; `.~` stands for `.fadv-`. Everything is scoped under `.~root`. */
export const STYLES = `.~root{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.45 system-ui,sans-serif;color:#1d2433;--a:#0b5cad;--m:#5b6473;--l:#dde1e7}
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

/** SVG paths of the widget's icons (24×24). */
export const ICONS = {
  chat: 'M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z',
  close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
  thumb: 'M1 21h4V9H1zm22-11a2 2 0 0 0-2-2h-6.3l1.1-5.7L14.2 1 7.6 7.6A2 2 0 0 0 7 9v10a2 2 0 0 0 2 2h9l4-8z',
  download: 'M5 20h14v-2H5zM19 9h-4V3H9v6H5l7 7z',
  trash: 'M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z',
};
