import { prepareTestModels } from './intent-model.ts';

// Run by the global setup before any test file: fills this machine's model cache (tests then only load).
await prepareTestModels();
