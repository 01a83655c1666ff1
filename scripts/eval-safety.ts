import { parseArgs } from 'node:util';
import { evaluateSafety, renderSafetyEvaluation } from '../chains/eval/understanding/safety-evaluation.ts';
import { KnowledgeError, loadConfig } from '../knowledge/index.ts';

const usage =
  'Usage: npx tsx scripts/eval-safety.ts [--injections FILE] [--benign FILE] [--promissory FILE] [--compliant FILE]\n' +
  '(one text per line; without files, the seeded validation splits are used)';
let values: { injections?: string; benign?: string; promissory?: string; compliant?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      injections: { type: 'string' },
      benign: { type: 'string' },
      promissory: { type: 'string' },
      compliant: { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
try {
  const evaluation = await evaluateSafety({
    storeDir: loadConfig().storeDir,
    ...(values.injections ? { injectionsFile: values.injections } : {}),
    ...(values.benign ? { benignFile: values.benign } : {}),
    ...(values.promissory ? { promissoryFile: values.promissory } : {}),
    ...(values.compliant ? { compliantFile: values.compliant } : {}),
  });
  console.log(renderSafetyEvaluation(evaluation).join('\n'));
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(`Evaluation failed (${error.code}): ${error.message}`);
  process.exit(1);
}
