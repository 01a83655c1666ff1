import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAdvisor, loadAppConfig } from '../bot/index.ts';
import { ChainError } from '../chains/chain-error.ts';
import {
  answerQuestion,
  evaluateIntents,
  readQuestionFile,
  renderIntentEvaluation,
  renderSeedSummary,
  saveUnderstandingRun,
  seedFigures,
  splitSeeds,
  summariseSeeds,
} from '../chains/eval/understanding/index.ts';
import {
  evaluateSafety,
  renderSafetyEvaluation,
  savedSafetyFigures,
} from '../chains/eval/understanding/safety-evaluation.ts';
import { GroundedChatModel } from '../chains/grounded/grounded-chat-model.ts';
import { detectLanguage } from '../chains/understand/detect-language.ts';
import {
  DEFAULT_INTENT_TRAINING,
  loadIntentData,
  prepareIntentModel,
  RULE_INJECTION_SCREEN,
  understand,
} from '../chains/understand/index.ts';
import { connectChroma, injectionDetectorOrRules, KnowledgeError } from '../knowledge/index.ts';

const usage =
  'Usage: npm run eval:understanding -- [--questions FILE.csv] [--jsonl] [--promissory FILE] [--compliant FILE] ' +
  '[--injections FILE] [--benign FILE] [--seeds N] [--no-save]\n' +
  '  --seeds N  also train and evaluate on N other split seeds and print their mean (default 3; 0: only the default split)';
const fileOption = { type: 'string' } as const;
let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      questions: fileOption,
      jsonl: { type: 'boolean' },
      promissory: fileOption,
      compliant: fileOption,
      injections: fileOption,
      benign: fileOption,
      seeds: { type: 'string', default: '3' },
      'no-save': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
try {
  ({ values } = parse());
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const seedCount = Number(values.seeds);
if (!Number.isInteger(seedCount) || seedCount < 0) {
  console.error(`--seeds must be a whole number ≥ 0, got "${values.seeds}"\n${usage}`);
  process.exit(2);
}
if (values.jsonl && !values.questions) {
  console.error(`--jsonl needs --questions FILE.csv\n${usage}`);
  process.exit(2);
}

const config = loadAppConfig();
try {
  const prepared = await prepareIntentModel(config.knowledge.storeDir, config.understanding);
  const model = prepared.model;
  const questions = values.questions ? await readQuestionFile(values.questions) : null;

  if (values.jsonl && questions) {
    // One JSON object per question, nothing else on stdout, so the output pipes into jq.
    if (!existsSync(path.join(config.knowledge.storeDir, 'ingest-manifest.json'))) {
      console.error(
        `No store in ${config.knowledge.storeDir}: --jsonl runs the real chain over the store. ` +
          'Run `npm start` or `npm run ingest` first (or set STORE_DIR to a built store).',
      );
      process.exit(1);
    }
    const connection = await connectChroma({
      chromaUrl: config.knowledge.chromaUrl,
      storeDir: config.knowledge.storeDir,
    });
    const grounded = new GroundedChatModel();
    try {
      const advisor = await createAdvisor(
        { ...config, knowledge: { ...config.knowledge, chromaUrl: connection.url } },
        {
          model: grounded,
          intents: model,
          safety: { injectionDetector: await injectionDetectorOrRules(config.knowledge.storeDir, () => {}) },
        },
      );
      try {
        for (const question of questions)
          console.log(JSON.stringify(await answerQuestion(advisor.chain, question.text)));
      } finally {
        await advisor.close();
      }
    } finally {
      await connection.release();
    }
    process.exit(0);
  }

  const data = await loadIntentData(config.understanding);
  const validation = evaluateIntents(
    model,
    data.split.validation,
    (example) => example.source === config.understanding.banking77File,
  );
  console.log(
    `Intent model ${prepared.trained ? `trained now in ${prepared.trainingSeconds.toFixed(1)} s` : 'loaded (inputs unchanged)'}` +
      ` from ${data.sourceFiles.length} files; seeded validation split.`,
  );
  console.log(renderIntentEvaluation('Validation split', validation));

  let seedSummary = null;
  if (seedCount > 0) {
    const seedResults = [];
    for (const seed of splitSeeds(DEFAULT_INTENT_TRAINING.splitSeed, seedCount)) {
      const options = { ...DEFAULT_INTENT_TRAINING, splitSeed: seed };
      // Each seed's model is kept in its own folder of the store, so a re-run with unchanged inputs only loads.
      const seedStore = path.join(config.knowledge.storeDir, 'understanding-seeds', `seed-${seed}`);
      const seedModel = (await prepareIntentModel(seedStore, config.understanding, options)).model;
      const seedData = await loadIntentData(config.understanding, options);
      seedResults.push(
        seedFigures(
          seed,
          evaluateIntents(
            seedModel,
            seedData.split.validation,
            (example) => example.source === config.understanding.banking77File,
          ),
        ),
      );
    }
    seedSummary = summariseSeeds(seedResults);
    console.log(`\n${renderSeedSummary(seedSummary)}`);
  }

  let questionEvaluation = null;
  if (questions) {
    const labelled = questions.flatMap((question) =>
      question.expectedIntent
        ? [{ text: question.text, intent: question.expectedIntent, source: values.questions ?? '' }]
        : [],
    );
    if (labelled.length > 0) {
      const evaluation = evaluateIntents(model, labelled, () => false);
      console.log(renderIntentEvaluation(`\n${values.questions}`, evaluation));
      questionEvaluation = { ...evaluation, file: path.resolve(values.questions ?? '') };
    }
    const unlabelled = questions.filter((question) => !question.expectedIntent);
    if (unlabelled.length > 0)
      console.log(`\nPredicted intents (${unlabelled.length} questions without an expected intent):`);
    for (const question of unlabelled) {
      const understanding = await understand(question.text, {
        intents: model,
        detectLanguage: (text) => detectLanguage(text),
        injection: RULE_INJECTION_SCREEN,
      });
      const flags = Object.entries(understanding.flags)
        .filter(([, on]) => on)
        .map(([flag]) => flag);
      console.log(
        `  ${understanding.intent} (${understanding.confidence.toFixed(2)}${flags.length ? `, ${flags.join(', ')}` : ''}): ${question.text}`,
      );
    }
  }

  // Injection recall / false alarms by language and promissory recall / false rejections: on the project's
  // seeded validation splits, or on the user's own files when given.
  const safety = await evaluateSafety({
    storeDir: config.knowledge.storeDir,
    ...(values.injections ? { injectionsFile: values.injections } : {}),
    ...(values.benign ? { benignFile: values.benign } : {}),
    ...(values.promissory ? { promissoryFile: values.promissory } : {}),
    ...(values.compliant ? { compliantFile: values.compliant } : {}),
  });
  console.log(`\n${renderSafetyEvaluation(safety).join('\n')}`);

  if (!values['no-save']) {
    const file = await saveUnderstandingRun({
      timestamp: new Date().toISOString(),
      fingerprint: model.fingerprint,
      validation,
      questions: questionEvaluation,
      safety: savedSafetyFigures(safety),
      seeds: seedSummary,
    });
    console.log(`\nSaved: ${file}`);
  }
} catch (error) {
  if (!(error instanceof ChainError || error instanceof KnowledgeError)) throw error;
  console.error(`Evaluation failed (${error.code}): ${error.message}`);
  process.exit(1);
}
