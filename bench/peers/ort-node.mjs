// onnxruntime-node's side of `./gz bench inference`: the same model, CPU, the same thread counts, the same
// input, the same timing rule as the .NET side (warm-up, then each run timed alone, median reported).
// Usage: node ort-node.mjs <model.onnx> <runs> <intraOpThreads>; prints one JSON line.
import * as ort from 'onnxruntime-node';

const [model, runsArg, threadsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const session = await ort.InferenceSession.create(model, {
  executionProviders: ['cpu'],
  intraOpNumThreads: Number(threadsArg),
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
});
const name = session.inputNames[0];
const meta = session.inputMetadata?.[0];
const shape = meta?.shape ?? [1, 16];
const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.5);
const feeds = { [name]: new ort.Tensor('float32', data, shape) };

for (let i = 0; i < Math.min(500, runs); i++) {
  await session.run(feeds);
}

const times = new Float64Array(runs);
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  await session.run(feeds);
  times[i] = Number(process.hrtime.bigint() - start) / 1000;
}

times.sort();
console.log(JSON.stringify({ runtime: `onnxruntime-node ${ort.env.versions?.node ?? ''}`.trim(), model, runs, medianUs: times[Math.floor(runs / 2)] }));
