import type { AuditWritability } from '../bot/audit/index.ts';
import type { AuditHealth, StoreHealth } from '../bot/core/index.ts';
import { type ChatModel, probeOllama } from '../chains/llm/index.ts';

/** The parts `/readyz` checks, named as it reports them. */
export type ReadinessPart = 'chroma' | 'audit' | 'writer';

/** One part's state: ok, or why not. */
export interface PartReadiness {
  ok: boolean;
  detail: string;
}

/** The `/readyz` body: ready only when every checked part is; `down` names the parts that are not. */
export interface ReadinessReport {
  ready: boolean;
  down: ReadinessPart[];
  checks: Partial<Record<ReadinessPart, PartReadiness>>;
}

/** What readiness looks at; a part left out is not checked (and not reported). */
export interface ReadinessSources {
  store?: StoreHealth;
  audit?: {
    health: AuditHealth;
    /** Whether new records can reach the disk (see probeAuditWritable). */
    probe: () => Promise<AuditWritability>;
  };
  writer?: Pick<ChatModel, 'provider' | 'model'> & { baseUrl?: string };
}

/**
 * After a failed audit append, readiness stays off at least this long even if the disk probe passes, so a load
 * balancer drains the instance; afterwards the probe decides and the next real append confirms.
 */
export const AUDIT_FAILURE_HOLD_MS = 10_000;

/** Checks every part at once (each bounded by its own timeout) and says which are down. */
export async function checkReadiness(sources: ReadinessSources): Promise<ReadinessReport> {
  const entries = await Promise.all([
    sources.store ? (['chroma', checkStore(sources.store)] as const) : undefined,
    sources.audit ? (['audit', checkAudit(sources.audit)] as const) : undefined,
    sources.writer ? (['writer', checkWriter(sources.writer)] as const) : undefined,
  ]);
  const checks: Partial<Record<ReadinessPart, PartReadiness>> = {};
  for (const entry of entries) {
    if (entry) checks[entry[0]] = await entry[1];
  }
  const down = (Object.keys(checks) as ReadinessPart[]).filter((part) => !checks[part]?.ok);
  return { ready: down.length === 0, down, checks };
}

async function checkStore(store: StoreHealth): Promise<PartReadiness> {
  if (await store.check()) return { ok: true, detail: 'Chroma answers its heartbeat' };
  return {
    ok: false,
    detail:
      store.status() === 'restarting'
        ? 'Chroma stopped; it is being restarted'
        : 'Chroma does not answer its heartbeat',
  };
}

async function checkAudit(audit: NonNullable<ReadinessSources['audit']>): Promise<PartReadiness> {
  const since = audit.health.sinceLastFailureMs();
  if (since !== undefined && since < AUDIT_FAILURE_HOLD_MS) {
    return { ok: false, detail: `audit appends are failing: ${audit.health.reason ?? 'unknown reason'}` };
  }
  const writable = await audit.probe();
  if (!writable.ok) return { ok: false, detail: `audit store is not writable: ${writable.reason}` };
  return { ok: true, detail: 'audit store is writable' };
}

async function checkWriter(writer: NonNullable<ReadinessSources['writer']>): Promise<PartReadiness> {
  if (writer.provider !== 'ollama') {
    return { ok: true, detail: `${writer.provider} (${writer.model}) runs in this process` };
  }
  const probe = await probeOllama(writer.baseUrl ?? '', writer.model);
  return probe.ok ? { ok: true, detail: `Ollama has ${writer.model}` } : { ok: false, detail: probe.reason };
}
