export {
  articlePassageDocument,
  intentsFromMetadata,
  intentsMetadata,
  PASSAGE_INTENTS_KEY,
} from './article-passage-document.ts';
export { type KnowledgeConfig, loadConfig } from './config.ts';
export { type EmbedderChoice, resolveEmbedder } from './embedding/create-embedder.ts';
export type { Embedder, EmbedderKind } from './embedding/embedder.ts';
export { type DataIssue, DatasetError, KnowledgeError, type KnowledgeErrorCode } from './errors.ts';
export { type IngestEvent, type IngestSummary, ingestDataset, lsaModelDir } from './ingest.ts';
export {
  ARTICLES_DIR,
  type ArticleChunk,
  chunkArticle,
  type KnowledgeArticle,
  loadArticles,
} from './knowledge-articles.ts';
export { type KnowledgeBase, openKnowledgeBase } from './open-knowledge-base.ts';
export { type AgeBand, ageBand, incomeBand } from './preprocess/index.ts';
export { PRODUCT_RECORD_KEY, PRODUCT_TYPE_LABELS, productDocument } from './product-document.ts';
export { PROFILE_RECORD_KEY, ProfileRecord, parseProfileRecord, spendingOf } from './profile-record.ts';
export {
  ensureInjectionDetector,
  type InjectionDetector,
  type InjectionVerdict,
  injectionDetectorOrRules,
  loadInjectionDetector,
  rulesOnlyDetector,
} from './safety/index.ts';
export {
  type Adoption,
  type Customer,
  GENDERS,
  INVESTMENT_PRODUCT_TYPES,
  PRODUCT_TYPES,
  Product,
  type ProductType,
  RISK_TOLERANCES,
  type RiskTolerance,
  type SocialPost,
  type Transaction,
} from './schemas.ts';
export { createChromaClient } from './store/chroma-client.ts';
export {
  ChromaRecords,
  type CollectionAddress,
  type NearestRecords,
  type RecordField,
  type RecordsById,
} from './store/chroma-records.ts';
export { type ChromaServer, startChromaServer } from './store/chroma-server.ts';
export {
  type ChromaStatus,
  type ChromaSupervisor,
  type SupervisorTiming,
  superviseOwnedChroma,
  watchExternalChroma,
} from './store/chroma-supervisor.ts';
export { type ChromaConnection, type ConnectChromaOptions, connectChroma } from './store/connect-chroma.ts';
export {
  COLLECTIONS,
  type CollectionKey,
  KnowledgeStore,
  type StoreDocument,
  type StoreHit,
  type SyncSummary,
} from './store/knowledge-store.ts';
