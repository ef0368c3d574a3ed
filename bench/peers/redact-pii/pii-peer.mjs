// Our own measurement script for HybridAI's PII bench: redact-pii@3.4.0 (bench/peers/redact-pii, `npm ci` here)
// on the same labelled records as the C# detector, in the same run.
// Usage: node bench/peers/redact-pii/pii-peer.mjs DATA.jsonl FINDINGS_OUT.jsonl
//  1. Throughput: the default SyncRedactor, unchanged, redacting every record's text for at least 3 s.
//     Prints "redact-pii: RECORDS records, BYTES bytes, MBPS MB/s".
//  2. Findings: redact-pii returns text, not offsets, so a second redactor of the same configuration replaces each
//     built-in's matches by one private-use character of its own; aligning that output with the input gives each
//     redaction's span and built-in. One JSON line per record: {"spans":[{"type","start","end"}]}, with the built-in
//     mapped to HybridAI's type where one fits (digits, username, password, credentials keep their own names).
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const { SyncRedactor } = require("redact-pii");

const [dataPath, outPath] = process.argv.slice(2);
const texts = readFileSync(dataPath, "utf8").split("\n").filter((l) => l.trim().length > 0).map((l) => JSON.parse(l).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);

const plain = new SyncRedactor();
for (const t of texts) plain.redact(t); // warm-up
let passes = 0;
const t0 = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < 3) {
  for (const t of texts) plain.redact(t);
  passes++;
  elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
}
console.log(`redact-pii: ${texts.length} records, ${bytes} bytes, ${((bytes * passes) / elapsed / 1e6).toFixed(3)} MB/s`);

const ourType = {
  CREDIT_CARD_NUMBER: "CREDIT_CARD", STREET_ADDRESS: "ADDRESS", ZIPCODE: "ZIP_CODE", PHONE_NUMBER: "PHONE",
  IP_ADDRESS: "IP_ADDRESS", US_SOCIAL_SECURITY_NUMBER: "US_SSN", EMAIL_ADDRESS: "EMAIL", URL: "URL", PERSON_NAME: "PERSON",
};
const marking = new SyncRedactor();
const markerType = new Map();
marking.childRedactors.forEach((child, i) => {
  const marker = String.fromCharCode(0xe000 + i);
  markerType.set(marker, ourType[child.replaceWith] ?? child.replaceWith);
  child.replaceWith = marker;
});

function spansOf(text) {
  const redacted = marking.redact(text);
  // Pieces: literal runs and markers, in order.
  const pieces = [];
  let literal = "";
  for (const c of redacted) {
    if (markerType.has(c)) {
      if (literal) pieces.push({ literal });
      literal = "";
      pieces.push({ marker: c });
    } else literal += c;
  }
  if (literal) pieces.push({ literal });
  // The first split of the input that the whole rest of the output agrees with: a short literal such as "."
  // also occurs inside the redacted value (an email's domain), so the first occurrence alone is not enough.
  function align(k, pos) {
    if (k === pieces.length) return pos === text.length ? [] : null;
    const p = pieces[k];
    if (p.literal !== undefined) return text.startsWith(p.literal, pos) ? align(k + 1, pos + p.literal.length) : null;
    // Adjacent markers share the gap up to the next literal; the first one's type names it.
    let j = k;
    while (j + 1 < pieces.length && pieces[j + 1].marker !== undefined) j++;
    const type = markerType.get(p.marker);
    if (j + 1 === pieces.length) return text.length > pos ? [{ type, start: pos, end: text.length }] : null;
    const next = pieces[j + 1].literal;
    for (let at = text.indexOf(next, pos + 1); at >= 0; at = text.indexOf(next, at + 1)) {
      const rest = align(j + 1, at);
      if (rest !== null) return [{ type, start: pos, end: at }, ...rest];
    }
    return null;
  }
  const spans = align(0, 0);
  if (spans === null) throw new Error("could not align redact-pii's output with its input");
  return spans;
}

writeFileSync(outPath, texts.map((t) => JSON.stringify({ spans: spansOf(t) })).join("\n") + "\n");
