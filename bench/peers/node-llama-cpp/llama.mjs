// Peer of `dotnet run --project bench -- llama`: the same measurement with node-llama-cpp over the same natives.
// node llama.mjs MODEL.gguf PROMPT_TOKENS.json THREADS MAX_TOKENS RUNS  -> one JSON line (medians)
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const [modelPath, tokensFile, threads, maxTokens, runs] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(tokensFile, "utf8"));
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({ contextSize: 1024, batchSize: 512, threads: Number(threads), sequences: 1, flashAttention: false });
const sequence = context.getSequence();

const figures = [];
for (let r = 0; r <= Number(runs); r++) { // the first run warms up
    await sequence.clearHistory();
    let t0 = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(tokens);
    const promptS = (performance.now() - t0) / 1000;

    await sequence.clearHistory();
    t0 = performance.now();
    let n = 0;
    let first = 0;
    for await (const _ of sequence.evaluate(tokens, { temperature: 0 })) {
        if (n++ === 0) first = (performance.now() - t0) / 1000;
        if (n === Number(maxTokens)) break;
    }
    const total = (performance.now() - t0) / 1000;
    if (r > 0) figures.push({ promptTps: tokens.length / promptS, genTps: (n - 1) / (total - first), ttftMs: first * 1000 });
}

const median = key => figures.map(f => f[key]).sort((a, b) => a - b)[Math.floor(figures.length / 2)];
console.log(JSON.stringify({ promptTps: median("promptTps"), genTps: median("genTps"), ttftMs: median("ttftMs") }));
await context.dispose();
await model.dispose();
