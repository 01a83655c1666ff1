// Worker thread: trains one fastText model in its own WebAssembly instance and posts the model file's
// bytes back. In this wasm build, training after a model was loaded into the same instance aborts, and
// training blocks for seconds: a fresh instance on a worker avoids both.
// Plain JavaScript so that it runs the same under node, tsx and vitest without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { getFastTextClass, getFastTextModule } from 'fasttext.wasm.js';

const FastText = await getFastTextClass({ getFastTextModule });
const fastText = new FastText();
const url = `data:text/plain;base64,${Buffer.from(workerData.lines, 'utf8').toString('base64')}`;
// The training loop calls the callback; null crashes inside the wasm.
await fastText.trainSupervised(url, workerData.settings, () => {});
fastText.ft.saveModel('/trained.bin');
const bytes = fastText.fs.readFile('/trained.bin', { encoding: 'binary' });
const copy = new Uint8Array(bytes);
parentPort.postMessage(copy, [copy.buffer]);
