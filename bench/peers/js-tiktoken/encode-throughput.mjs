// Our own measurement script: tokens/s of js-tiktoken@1.0.21 (the package eng/fetch-deps.sh installed into the cache,
// no second download) on the corpus file the C# bench writes, for side-by-side ratios.
// Usage: node bench/peers/js-tiktoken/encode-throughput.mjs CORPUS_FILE
// Prints one line per encoding: "js-tiktoken NAME: TOKENS tokens, N tokens/s, load MS ms".
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const deps = join(process.env.HYBRIDAI_CACHE || join(homedir(), ".cache", "hybridai"), "deps", "current", "node_modules");
const require = createRequire(join(deps, "package.json"));
const { Tiktoken } = require(join(deps, "js-tiktoken", "dist", "lite.cjs"));
const texts = readFileSync(process.argv[2], "utf8").split("\u0000");

for (const name of ["cl100k_base", "o200k_base"]) {
  const t0 = process.hrtime.bigint();
  const encoding = new Tiktoken(require(join(deps, "js-tiktoken", "dist", "ranks", name + ".cjs")));
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let tokens = 0;
  for (const text of texts) tokens += encoding.encode(text, [], []).length; // warm-up pass, also the count
  let total = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 3e9) {
    for (const text of texts) total += encoding.encode(text, [], []).length;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  console.log(`js-tiktoken ${name}: ${tokens} tokens, ${Math.round(total / (elapsed / 1e9))} tokens/s, load ${loadMs.toFixed(0)} ms`);
}
