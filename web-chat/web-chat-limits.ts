/** Abuse limits of the web chat; set a rate to `Infinity` to switch it off (load tests). */
export interface WebChatLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Requests one customer may make per window, per route (chat and feedback count separately). */
  customerRequestsPerWindow: number;
  /** Requests one client address may make per window, across all API routes and customers. */
  addressRequestsPerWindow: number;
  /** Length of the rate-limit window, in milliseconds. */
  windowMs: number;
}

/** 8 KiB bodies, 20 requests a minute per customer, 60 a minute per address. */
export const DEFAULT_WEB_CHAT_LIMITS: Readonly<WebChatLimits> = Object.freeze({
  maxBodyBytes: 8 * 1024,
  customerRequestsPerWindow: 20,
  addressRequestsPerWindow: 60,
  windowMs: 60_000,
});

/** Fills in defaults and rejects nonsense (a zero window, a negative size) at start-up rather than per request. */
export function resolveWebChatLimits(overrides: Partial<WebChatLimits> = {}): WebChatLimits {
  const limits = { ...DEFAULT_WEB_CHAT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(value > 0)) throw new RangeError(`web chat limit ${name} must be a positive number, got ${value}`);
  }
  if (!Number.isFinite(limits.windowMs) || !Number.isFinite(limits.maxBodyBytes)) {
    throw new RangeError('web chat limits windowMs and maxBodyBytes must be finite');
  }
  return limits;
}
