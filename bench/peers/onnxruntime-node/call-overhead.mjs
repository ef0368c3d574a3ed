// Our own measurement script: per-call latency of onnxruntime-node (the same libonnxruntime.so.1 as HybridAI's
// binding) on the PaddleOCR orientation classifier (batch 1 and 32) and on a tiny model, for side-by-side ratios.
// Uses the onnxruntime-node that eng/fetch-deps.sh installed into the cache (no second download).
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";

const deps = join(process.env.HYBRIDAI_CACHE || join(homedir(), ".cache", "hybridai"), "deps", "current");
const require = createRequire(join(deps, "node_modules", "package.json"));
const ort = require("onnxruntime-node");
const model = join(deps, "data", "ocr-models", "ch_ppocr_mobile_v2.0_cls_infer.onnx");

const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1 });
async function measure(batch, iterations) {
  const data = new Float32Array(batch * 3 * 48 * 192).map((_, i) => (i % 255) / 255);
  const feeds = { x: new ort.Tensor("float32", data, [batch, 3, 48, 192]) };
  for (let i = 0; i < 20; i++) await session.run(feeds);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await session.run(feeds);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / iterations;
  console.log(`onnxruntime-node ${ort.env.versions?.common ?? ""} ocr-cls batch ${batch}: ${us.toFixed(1)} us/run, ${(batch * 1e6 / us).toFixed(0)} items/s`);
}
await measure(1, 500);
await measure(32, 50);

// Per-call overhead on a tiny model: ONNX's own node test `test_add` (x + y, float [3,4,5]).
const tiny = await ort.InferenceSession.create("/usr/share/libonnx-testdata/data/node/test_add/model.onnx", { intraOpNumThreads: 1, interOpNumThreads: 1 });
const x = new ort.Tensor("float32", new Float32Array(60).fill(1.5), [3, 4, 5]);
const y = new ort.Tensor("float32", new Float32Array(60).fill(2.5), [3, 4, 5]);
for (let i = 0; i < 2000; i++) await tiny.run({ x, y });
const n = 50000, t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) await tiny.run({ x, y });
console.log(`onnxruntime-node test_add (tiny model) per call: ${(Number(process.hrtime.bigint() - t0) / 1000 / n).toFixed(2)} us`);
