export {
  ADMIN_TOKEN_AUDIENCE,
  type AdminRoutesDependencies,
  type BenchRunsResponse,
  createAdminRoutes,
  type LoggedFairnessResponse,
  type OperationsResponse,
  type PopulationFairnessResponse,
  signAdminToken,
  verifyAdminToken,
} from './admin/index.ts';
export type { WebChatReply } from './chat-reply-stream.ts';
export { clientAddress, type TrustProxy, trustedHops, UNKNOWN_ADDRESS } from './client-address.ts';
export { createWebChatApp, type WebChatDependencies, type WebChatEnv } from './create-web-chat-app.ts';
export {
  CUSTOMER_TOKEN_AUDIENCE,
  CustomerTokenClaims,
  MAX_TOKEN_LIFETIME_SECONDS,
  signCustomerToken,
  TOKEN_ALGORITHM,
  verifyCustomerToken,
} from './customer-token.ts';
export { DEMO_PAGE_LANGUAGE, DEMO_TOKEN_LIFETIME_SECONDS } from './demo-page.ts';
export { FixedWindowRateLimiter, type RateDecision } from './fixed-window-rate-limiter.ts';
export { hostOriginCors } from './host-origin-cors.ts';
export {
  AUDIT_FAILURE_HOLD_MS,
  checkReadiness,
  type PartReadiness,
  type ReadinessPart,
  type ReadinessReport,
  type ReadinessSources,
} from './readiness.ts';
export { type RunningWebServer, startWebServer } from './start-web-server.ts';
export {
  WebChatError,
  type WebChatErrorBody,
  type WebChatErrorCode,
} from './web-chat-error.ts';
export { DEFAULT_WEB_CHAT_LIMITS, type WebChatLimits } from './web-chat-limits.ts';
export { ChatRequest, FeedbackRequest, HistoryQuery } from './web-chat-requests.ts';
