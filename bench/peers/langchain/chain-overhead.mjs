// Our own measurement script (not LangChain code): time per invoke of a 4-step RunnableSequence of trivial
// lambdas, with and without one callback handler, the same shape as HybridAI's EngineOverheadBenchmarks.
import { RunnableLambda } from "@langchain/core/runnables";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";

const step = () => RunnableLambda.from((s) => ({ ...s, counter: s.counter + 1 }));
const chain = step().pipe(step()).pipe(step()).pipe(step());

class CountingHandler extends BaseCallbackHandler {
  name = "counting";
  events = 0;
  handleChainStart() { this.events++; }
  handleChainEnd() { this.events++; }
}

const input = () => ({ subject: "Double charge on my card", body: "I was charged twice for order CMD-48213.", counter: 0 });

async function measure(label, options) {
  for (let i = 0; i < 2000; i++) await chain.invoke(input(), options);          // warm-up (JIT)
  const n = 20000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await chain.invoke(input(), options);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  console.log(`${label}: ${us.toFixed(1)} us/invoke`);
}

await measure("langchain.js 4-step chain", undefined);
await measure("langchain.js 4-step chain + 1 callback handler", { callbacks: [new CountingHandler()] });
