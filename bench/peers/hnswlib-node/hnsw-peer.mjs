// Peer of HybridAI's `hnsw` benchmark: hnswlib-node (native hnswlib behind N-API) on the exact vectors, queries,
// M and efConstruction the .NET run used, read from the binary file it exported. Single thread (hnswlib-node's
// addPoint and searchKnn are synchronous on the JS thread). Prints one JSON object per line.
//
// File layout (little-endian): int32 count, queries, dimensions, m, efConstruction, k; then count*dims float32
// (unit vectors), queries*dims float32, queries*k int32 (exact neighbours, the truth for recall).
// Usage: node hnsw-peer.mjs <file> <ef,ef,...>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { HierarchicalNSW } = require('hnswlib-node');

const [file, efList = '10,20,40,80,160'] = process.argv.slice(2);
const bytes = readFileSync(file);
const header = new Int32Array(bytes.buffer, bytes.byteOffset, 6);
const [count, queries, dims, m, efConstruction, k] = header;
let at = bytes.byteOffset + 24;
const vectors = new Float32Array(bytes.buffer.slice(at, at + count * dims * 4)); at += count * dims * 4;
const queryBlock = new Float32Array(bytes.buffer.slice(at, at + queries * dims * 4)); at += queries * dims * 4;
const truth = new Int32Array(bytes.buffer.slice(at, at + queries * k * 4));

// hnswlib-node takes plain arrays; convert before timing so only the library's own work is measured.
const rows = (block, n) => Array.from({ length: n }, (_, i) => Array.from(block.subarray(i * dims, (i + 1) * dims)));
const points = rows(vectors, count);
const queryRows = rows(queryBlock, queries);

const index = new HierarchicalNSW('ip', dims);
index.initIndex(count, m, efConstruction, 42);
const buildCpu = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) index.addPoint(points[i], i);
const buildSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const buildUsed = process.cpuUsage(buildCpu);
console.log(JSON.stringify({ kind: 'build', count, dims, m, efConstruction, seconds: buildSeconds, cpuSeconds: (buildUsed.user + buildUsed.system) / 1e6 }));

for (const ef of efList.split(',').map(Number)) {
  index.setEf(ef);
  let hit = 0;
  for (let q = 0; q < queries; q++) {
    const found = new Set(index.searchKnn(queryRows[q], k).neighbors);
    for (let j = 0; j < k; j++) if (found.has(truth[q * k + j])) hit++;
  }

  // Best of 5 short windows, per wall-clock second and per CPU-second of this process (the latter holds up on a
  // machine shared with other work), as the .NET side measures.
  let qps = 0, cpuQps = 0;
  for (let window = 0; window < 5; window++) {
    let done = 0, q = 0;
    const cpu = process.cpuUsage();
    const begin = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 0.4) {
      for (let j = 0; j < 50; j++, q = (q + 1) % queries) index.searchKnn(queryRows[q], k);
      done += 50;
      elapsed = Number(process.hrtime.bigint() - begin) / 1e9;
    }

    const used = process.cpuUsage(cpu);
    qps = Math.max(qps, done / elapsed);
    cpuQps = Math.max(cpuQps, done / ((used.user + used.system) / 1e6));
  }

  console.log(JSON.stringify({ kind: 'search', ef, recall: hit / (queries * k), qps, cpuQps }));
}
