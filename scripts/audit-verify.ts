import { parseArgs } from 'node:util';
import {
  AuditError,
  type ChainBreakReason,
  type ChainHead,
  openSqliteAuditStore,
} from '../bot/audit/index.ts';

const usage = 'Usage: npm run audit:verify -- [--db .store/audit.sqlite] [--head SEQ:HASH]';
const explanations: Record<ChainBreakReason, string> = {
  hash_mismatch: 'the record no longer matches its own hash (its content was changed)',
  broken_link: "the record's prevHash is not the previous record's hash (a record was replaced or reordered)",
  sequence_gap: 'this record is missing (deleted, or the chain does not start at 1)',
  head_mismatch: 'the published head is missing or different (the tail was truncated or rewritten)',
};

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let values: { db?: string; head?: string };
try {
  ({ values } = parseArgs({ options: { db: { type: 'string' }, head: { type: 'string' } } }));
} catch (error) {
  fail((error as Error).message);
}
const file = values.db ?? '.store/audit.sqlite';
let head: ChainHead | undefined;
if (values.head !== undefined) {
  const match = /^(\d+):([0-9a-fA-F]{64})$/.exec(values.head);
  if (!match?.[1] || !match[2] || Number(match[1]) < 1) {
    fail(`--head must be SEQ:HASH (a seq from 1 and 64 hex digits), got "${values.head}"`);
  }
  head = { seq: Number(match[1]), hash: match[2].toLowerCase() };
}

let store: ReturnType<typeof openSqliteAuditStore>;
try {
  store = openSqliteAuditStore(file, { readonly: true });
} catch (error) {
  if (!(error instanceof AuditError)) throw error;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  fail(`Cannot verify: ${error.message}${cause}`);
}
try {
  const result = await store.verify(head ? { head } : {});
  if (result.ok) {
    const describe = (chainHead: ChainHead | null): string =>
      chainHead ? `${chainHead.seq}:${chainHead.hash}` : '(empty)';
    console.log(`Audit log ${file} is intact.`);
    console.log(`  turns:    ${result.turns}  head ${describe(result.head)}`);
    console.log(`  feedback: ${result.feedback}  head ${describe(result.feedbackHead)}`);
    if (head) console.log(`  contains the expected head ${head.seq}:${head.hash}`);
  } else {
    console.log(`Audit log ${file} is BROKEN.`);
    console.log(
      `  first break: ${result.table} seq ${result.seq} — ${result.reason}: ${explanations[result.reason]}`,
    );
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
