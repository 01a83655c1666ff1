import { ChainError } from '../chains/chain-error.ts';
import { loadUnderstandingConfig, prepareIntentModel } from '../chains/understand/index.ts';
import { loadConfig } from '../knowledge/index.ts';
import { printIntentModel } from './print-intent-model.ts';

/** Trains the intent model into `<STORE_DIR>/understanding/` unless its inputs are unchanged. */
const knowledge = loadConfig();
const understanding = loadUnderstandingConfig();
console.log(`Training data: ${understanding.banking77File} and ${understanding.examplesDirectory}/*.csv`);
try {
  printIntentModel(await prepareIntentModel(knowledge.storeDir, understanding));
} catch (error) {
  if (!(error instanceof ChainError)) throw error;
  console.error(`Training the intent model failed (${error.code}): ${error.message}`);
  process.exit(1);
}
