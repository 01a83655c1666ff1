export type { EligibilityFacts } from './eligibility.ts';
export { isEligibleOn, youngestAgeOn } from './eligibility.ts';
export type { GeneratedFile, GenerateOptions, GenerateSummary } from './generate-dataset.ts';
export { customerStream, generateDataset } from './generate-dataset.ts';
export type { FinancialNeed, LifeStage } from './hidden-traits.ts';
export { FINANCIAL_NEEDS, LIFE_STAGES } from './hidden-traits.ts';
export { ADVERSARIAL_POST_TEMPLATES } from './post-generator.ts';
export { PRODUCT_CATALOG } from './product-catalog.ts';
export { DATA_END, DATA_START, SPLIT_DATE } from './timeline.ts';
