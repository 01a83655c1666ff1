export { ADMIN_PAGE_SECURITY_POLICY, renderAdminPage } from './admin-page.ts';
export type {
  BenchRunsResponse,
  FourFifthsBand,
  LoggedFairnessResponse,
  OperationsResponse,
  PopulationFairnessResponse,
} from './admin-responses.ts';
export { ADMIN_TOKEN_AUDIENCE, AdminTokenClaims, signAdminToken, verifyAdminToken } from './admin-token.ts';
export {
  type AdminRoutesDependencies,
  createAdminRoutes,
  DEFAULT_BENCH_RUNS,
  MAX_BENCH_RUNS,
} from './create-admin-routes.ts';
