export type { AppliedDefault, MappingSummary } from './apply-mapping.ts';
export { applyDatasetMapping } from './apply-mapping.ts';
export { customerIdFrom } from './customer-id.ts';
export { DATE_FORMATS, type DateFormat, guessDateFormat, parseBankDate } from './date-format.ts';
export { FIELD_DEFAULTS } from './field-defaults.ts';
export { loadDatasetMapping, parseDatasetMapping } from './load-mapping.ts';
export { DatasetMapping, type FileMapping, MAPPED_FILES, type MappedFileKey } from './mapping-schema.ts';
export { type MappedData, mappedDataDir, prepareMappedData } from './prepare-mapped-data.ts';
