// @ts-check
// Advisor handoff: while an adviser is looking at the customer's question, ask the server what they did.

/** @typedef {{ id: string, status: string, text: string, label: string | null }} Handoff */

/** How often the widget asks while a handoff is pending (well inside the per-customer rate limit). */
const HANDOFF_POLL_MS = 5_000;

/**
 * Returns `watchHandoff()`, which reads the customer's newest handoff (`GET /api/handoff`) and shows each new state
 * once — "an adviser is looking at this", then the adviser's message with its label, or the honest message when
 * nobody answered in time — asking again every 5 s while it is pending.
 * @param {{ call: (method: string, path: string) => Promise<Response>, showHandoff: (handoff: Handoff) => void }} options
 */
export function createHandoffWatcher({ call, showHandoff }) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let handoffTimer;
  let shownHandoff = '';

  async function watchHandoff() {
    clearTimeout(handoffTimer);
    try {
      const response = await call('GET', '/api/handoff');
      if (!response.ok) return;
      /** @type {{ handoff: Handoff | null }} */
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
  return watchHandoff;
}
