// Regenerates tiktoken-cases.json: the token ids js-tiktoken@1.0.21 itself gives for each case, per encoding
// (gpt2 too: its ranks, turned into a tokenizer.json by the tests, check the Hugging Face byte-level BPE tokenizer).
// Run from the repository root after eng/fetch-deps.sh:
//   node tests/Generators.Tests/Tokenization/make-tiktoken-cases.cjs > tests/Generators.Tests/Tokenization/tiktoken-cases.json
const path = require("path");
const os = require("os");
const deps = path.join(process.env.HYBRIDAI_CACHE || path.join(os.homedir(), ".cache", "hybridai"), "deps", "current", "node_modules");
const { Tiktoken } = require(path.join(deps, "js-tiktoken", "dist", "lite.cjs"));
const encodings = {};
for (const name of ["cl100k_base", "o200k_base", "gpt2"]) {
  encodings[name] = new Tiktoken(require(path.join(deps, "js-tiktoken", "dist", "ranks", name + ".cjs")));
}

const fixed = [
  "", "Hello, world!", "hello world", "Hello World", " Hello", "  Hello", "\tHello", "HELLO", "HELLOworld", "JSONParser", "camelCaseWords",
  "I'm sure you'll see they've done it, didn't they? 'S 'LL 'Re", "'sound 'tis", "don't DON'T Don'T",
  "1234567890", "$100.99 and 3,000,000", "x1y22z333w4444", "٣٤٥ ①②③ Ⅻ",
  "Café naïve résumé", "Cafe\u0301 decomposed", "\u0301\u0301 marks", "Ünïcödé ÄÖÜ straße",
  "中文分词测试，你好世界！", "日本語のテキストです。", "한국어 텍스트", "Привет, мир! Как дела?", "مرحبا بالعالم", "שלום עולם", "हिन्दी पाठ",
  "😀😃😄 emoji 👍🏽 👨‍👩‍👧‍👦 🇫🇷", "🙂hello", "a😀b", "𝐀𝐁𝐂 𝒶𝒷𝒸 𝟏𝟐𝟑", "𠀀𠀁 ext-B", "𐐀𐐨 Deseret",
  "line one\nline two\r\nline three\n\n\nend", "  \n  x", "\n\n", "   ", "a   b", "a    \n    b", "trailing   ", "\t\t\ttabs\t",
  " " .repeat(100), " ".repeat(1000) + "x", "\n".repeat(50), "-".repeat(200), "a".repeat(500), "ab".repeat(300),
  "nbsp\u00a0here\u00a0\u00a0two", "zwsp\u200bjoin", "bom\ufeffinside", "nel\u0085char", "ideographic\u3000space",
  "<|endoftext|> is a special token", "fim <|fim_prefix|>x<|fim_suffix|>",
  "https://example.com/path/to/page?query=1&b=2#frag", "user@example.com", "C:\\Windows\\System32\\drivers",
  "def f(x):\n    return x ** 2  # square\n", "for (int i = 0; i < n; i++) { sum += a[i]; }", "{\"key\": [1, 2, 3], \"nested\": {\"a\": null}}",
  "!!!???...", " !!!\n\n", "a/b//c///\n/", "...\n/\n/",
  "The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX. the Quick bRown fOX.",
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
];

// Seeded random strings over an alphabet of every class the patterns distinguish, to exercise the matchers' corners.
let seed = 20261203;
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
const alphabet = ["a", "b", "Z", "Q", "é", "É", "ǅ", "ʰ", "中", "\u0301", "'", "s", "t", "l", "e", "r", "v", "m", "d", "S", "L", "1", "2", "٣",
  "①", " ", " ", "\t", "\n", "\r", "\u00a0", "\u3000", "!", ".", "/", "-", "😀", "𝐀", "𝟏", "\ud83c\udffd", "\u200b", "_", "$"];
const random = [];
for (let i = 0; i < 300; i++) {
  const length = Math.floor(next() * 40);
  let s = "";
  for (let j = 0; j < length; j++) s += alphabet[Math.floor(next() * alphabet.length)];
  random.push(s);
}

const cases = [...fixed, ...random].map(text => {
  const ids = {};
  for (const [name, encoding] of Object.entries(encodings)) ids[name] = encoding.encode(text, [], []);
  return { text, ids };
});

// The per-message overhead rule OpenAI publishes for chat models (3 tokens per message, 1 more for a name, 3 to prime the reply).
const chat = [
  { role: "system", content: "You are a helpful, pattern-following assistant that translates corporate jargon into plain English." },
  { role: "system", name: "example_user", content: "New synergies will help drive top-line growth." },
  { role: "system", name: "example_assistant", content: "Things working well together will increase revenue." },
  { role: "system", name: "example_user", content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
  { role: "system", name: "example_assistant", content: "Let's talk later when we're less busy about how to do better." },
  { role: "user", content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
];
const chatCounts = {};
for (const name of ["cl100k_base", "o200k_base"]) {
  const encoding = encodings[name];
  let n = 3;
  for (const m of chat) {
    n += 3;
    for (const [key, value] of Object.entries(m)) { n += encoding.encode(value, [], []).length; if (key === "name") n += 1; }
  }
  chatCounts[name] = n;
}

process.stdout.write(JSON.stringify({ generator: "js-tiktoken@1.0.21", cases, chat: { messages: chat, counts: chatCounts } }, null, 0) + "\n");
