import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AdvisorChain } from '../chains/advisor-chain.ts';
import { GroundedChatModel } from '../chains/grounded/grounded-chat-model.ts';
import { type ChatModel, createChatModel } from '../chains/llm/index.ts';
import { answerOwnData } from '../chains/own-data/index.ts';
import { AdvisorRetriever } from '../chains/retrieve/advisor-retriever.ts';
import { createWrittenTextChecker } from '../chains/steps/index.ts';
import { type IntentModel, prepareIntentModel } from '../chains/understand/index.ts';
import type { PromissoryModel } from '../chains/validate/index.ts';
import { type InjectionDetector, type KnowledgeBase, openKnowledgeBase } from '../knowledge/index.ts';
import type { AppConfig } from './app-config.ts';
import {
  historyClearancesFile,
  openSqliteAuditStore,
  openSqliteHistoryClearances,
  type SqliteAuditStore,
} from './audit/index.ts';
import type { StoreHealth } from './core/conversation-core.ts';
import { HandoffDesk, openSqliteHandoffStore } from './core/handoff/index.ts';
import {
  type AdminReports,
  type AnalyticsSource,
  analyticsReports,
  ConversationCore,
  createAnalyticsSource,
  FeedbackPreferences,
  RoleDirectory,
  TurnIdCodec,
} from './core/index.ts';

/** The running advisor: the core every channel calls, and the parts behind it. */
export interface Advisor {
  core: ConversationCore;
  chain: AdvisorChain;
  knowledge: KnowledgeBase;
  audit: SqliteAuditStore;
  roles: RoleDirectory;
  adminReports: AdminReports;
  /** The structured analytics behind `/bias`, `/bench` and the admin dashboard. */
  analytics: AnalyticsSource;
  model: ChatModel;
  /** Why this model was chosen (printed at start-up). */
  modelReason: string;
  /** The advisor handoff desk (customer asks for a person → their advisor answers in Slack or Teams). */
  handoffs: HandoffDesk;
  close(): Promise<void>;
}

/** Wires the real implementations together in one place: store, retriever, model, chain, audit log, core. */
export async function createAdvisor(
  config: AppConfig,
  options: {
    model?: ChatModel;
    /** The trained intent model; prepared from the store folder (trained if its inputs changed) when absent. */
    intents?: IntentModel;
    /** The store's supervisor: turns fail fast with STORE_UNAVAILABLE while Chroma is away. */
    store?: StoreHealth;
    /** The trained safety models (see injectionDetectorOrRules, ensureValidatorPromissoryModel). */
    safety?: { injectionDetector?: InjectionDetector; promissoryModel?: PromissoryModel };
  } = {},
): Promise<Advisor> {
  const roles = config.rolesFile
    ? await RoleDirectory.fromFile(config.rolesFile)
    : new RoleDirectory({ users: [] });
  const knowledge = await openKnowledgeBase(config.knowledge);
  try {
    const grounded = new GroundedChatModel();
    const chosen = options.model
      ? { model: options.model, reason: 'given by the caller' }
      : await createChatModel(config.llm, grounded);
    const retriever = AdvisorRetriever.create({
      chromaUrl: knowledge.connection.url,
      embedder: knowledge.embedder.embedder,
    });
    // Trains only when the training data or options changed since the model in the store folder was made.
    const [intents] = await Promise.all([
      options.intents ??
        prepareIntentModel(config.knowledge.storeDir, config.understanding).then(
          (prepared) => prepared.model,
        ),
      retriever.warm(),
    ]);
    await mkdir(path.dirname(config.auditDb), { recursive: true });
    const log = openSqliteAuditStore(config.auditDb);
    const preferences = await FeedbackPreferences.fromAuditLog(log, {
      profileOf: async (customerId) => (await retriever.customer(customerId))?.record.customer ?? null,
    });
    const audit = preferences.observe(log);
    const chain = new AdvisorChain({
      retriever,
      model: chosen.model,
      grounded,
      intents,
      answerOwnData,
      feedback: (customer) => preferences.forCustomer(customer),
      fairReranking: config.fairReranking,
      ...(options.safety?.injectionDetector ? { injection: options.safety.injectionDetector } : {}),
      ...(options.safety?.promissoryModel ? { promissoryModel: options.safety.promissoryModel } : {}),
    });
    // Keyed by the bank's web secret so turn ids in old messages stay valid across restarts; random in demo runs.
    const turnIds = config.webTokenSecret ? new TurnIdCodec(config.webTokenSecret) : new TurnIdCodec();
    const clearances = openSqliteHistoryClearances(historyClearancesFile(config.auditDb));
    const core = new ConversationCore({
      chain,
      audit,
      turnIds,
      clearances,
      catalog: () => retriever.catalog(),
      opinions: preferences,
      ...(options.store ? { store: options.store } : {}),
    });
    const handoffStore = openSqliteHandoffStore(config.handoff.file);
    const handoffs = new HandoffDesk({
      store: handoffStore,
      audit,
      roles,
      checkText: createWrittenTextChecker(retriever, options.safety?.promissoryModel),
      timeoutSeconds: config.handoff.timeoutSeconds,
    });
    handoffs.start();
    const analytics = createAnalyticsSource({
      audit,
      dataDir: config.knowledge.dataDir,
      fairReranking: config.fairReranking,
    });
    return {
      core,
      chain,
      knowledge,
      audit,
      roles,
      adminReports: analyticsReports({ audit, analytics }),
      analytics,
      model: chosen.model,
      modelReason: chosen.reason,
      handoffs,
      close: async () => {
        handoffs.stop();
        await handoffStore.dispose();
        await clearances.close();
        await audit.close();
        await retriever.close();
        await knowledge.close();
      },
    };
  } catch (error) {
    await knowledge.close();
    throw error;
  }
}
