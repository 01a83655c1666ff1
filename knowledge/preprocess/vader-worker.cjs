// Worker thread: scores texts with VADER so that scoring overlaps parsing on the main thread.
// Plain CommonJS so that it runs the same under node, tsx and vitest without a TypeScript loader.
const { parentPort, workerData } = require('node:worker_threads');
const vader = require(workerData.vaderPath);

const texts = workerData.texts;
const scores = new Float64Array(texts.length);
for (let index = 0; index < texts.length; index++) {
  scores[index] = vader.SentimentIntensityAnalyzer.polarity_scores(texts[index]).compound;
}
parentPort.postMessage(scores, [scores.buffer]);
