import path from 'node:path';
import { openSqliteAuditStore, type SqliteAuditStore } from '../../bot/audit/index.ts';
import { ConversationCore } from '../../bot/core/index.ts';
import { AdvisorChain, type AdvisorChainDependencies } from '../../chains/advisor-chain.ts';
import { GroundedChatModel } from '../../chains/grounded/grounded-chat-model.ts';
import type { ChatModel } from '../../chains/llm/index.ts';
import { answerOwnData } from '../../chains/own-data/index.ts';
import { AdvisorRetriever } from '../../chains/retrieve/advisor-retriever.ts';
import type { IntentModel } from '../../chains/understand/index.ts';
import { generateDataset } from '../../knowledge/generate/index.ts';
import { ingestDataset, type KnowledgeBase, loadConfig, openKnowledgeBase } from '../../knowledge/index.ts';
import { type ScratchChroma, startScratchChroma } from './chroma.ts';
import { testIntentModel } from './intent-model.ts';

/** A real, small advisor: generated data ingested into a real Chroma with the LSA embedder, and a SQLite audit log. */
export interface AdvisorFixture {
  chroma: ScratchChroma;
  dataDir: string;
  knowledge: KnowledgeBase;
  retriever: AdvisorRetriever;
  grounded: ChatModel;
  /** The real trained intent model (shared across test files, see intent-model.ts). */
  intents: IntentModel;
  audit: SqliteAuditStore;
  auditFile: string;
  /** A chain with the given model (default: the grounded composer) and optional overrides. */
  chain(overrides?: Partial<AdvisorChainDependencies>): AdvisorChain;
  core(chain?: AdvisorChain): ConversationCore;
  dispose(): Promise<void>;
}

/** Builds the fixture; `customers` trades realism for speed (a few hundred is plenty for behaviour tests). */
export async function createAdvisorFixture(customers = 400): Promise<AdvisorFixture> {
  const chroma = await startScratchChroma();
  const dataDir = path.join(chroma.directory, 'data');
  await generateDataset({ customers, seed: 11, outDir: dataDir });
  const config = loadConfig({
    EMBEDDER: 'lsa',
    LSA_DIMENSIONS: '96',
    STORE_DIR: path.join(chroma.directory, 'store'),
    CHROMA_URL: chroma.server.url,
  });
  await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir });
  const knowledge = await openKnowledgeBase(config);
  const retriever = AdvisorRetriever.create({
    chromaUrl: chroma.server.url,
    embedder: knowledge.embedder.embedder,
  });
  const grounded = new GroundedChatModel();
  const intents = await testIntentModel();
  const auditFile = path.join(chroma.directory, 'audit.sqlite');
  const audit = openSqliteAuditStore(auditFile);
  const chain = (overrides: Partial<AdvisorChainDependencies> = {}) =>
    new AdvisorChain({
      retriever,
      model: grounded,
      grounded,
      intents,
      answerOwnData,
      ...overrides,
    });
  return {
    chroma,
    dataDir,
    knowledge,
    retriever,
    grounded,
    intents,
    audit,
    auditFile,
    chain,
    core: (given) => new ConversationCore({ chain: given ?? chain(), audit }),
    dispose: async () => {
      await audit.close();
      await retriever.close();
      await knowledge.close();
      await chroma.dispose();
    },
  };
}
