export { type AppConfig, loadAppConfig } from './app-config.ts';
export { type Advisor, createAdvisor } from './create-advisor.ts';
