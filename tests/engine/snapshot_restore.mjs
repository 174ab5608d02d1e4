// A second visit's restore, on Node with real Pyodide (npm `pyodide`) and the widget's own
// boot-snapshot.mjs: node snapshot_restore.mjs JOB.json
// JOB: {"lean": path of the lean zip, "lock_abi", "rubric", "request", "spoil": one of SPOILS,
//       "chunk_ms": the pause between the stored entry's 64 KiB chunks}
// Cache Storage is a Map here, and it hands the entry back slowly, as a busy disk or thread would:
// Pyodide is then set up and instantiated long before the last page is in the image.
// Prints JSON: {"restored", "same" (the restored engine answers as a fresh one), "damaged", "kept"}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { findSnapshot, restoreSnapshot, storeSnapshot } from "../../widgets/offer_widget/boot-snapshot.mjs";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const KEY = "test";
const CHUNK = 65536;
const stored = new Map(); // url -> {bytes, headers}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function slowly(bytes) {
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      await sleep(job.chunk_ms);
      controller.enqueue(bytes.slice(at, at + CHUNK));
      at += CHUNK;
      if (at >= bytes.length) controller.close();
    },
  });
}
const cache = {
  async match(url) {
    const entry = stored.get(String(url));
    return entry && new Response(slowly(entry.bytes), { headers: entry.headers });
  },
  async put(url, response) {
    stored.set(String(url), { bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers });
  },
  async keys() {
    return [...stored.keys()].map((url) => ({ url }));
  },
  async delete(request) {
    return stored.delete(String(request.url ?? request));
  },
};
globalThis.caches = { open: async () => cache };

const sha256 = async (bytes) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");

// As tests/browser/test_engine_boot.py damages an entry in the browser.
const SPOILS = {
  none: async () => {},
  "one byte changed": async (entry) => {
    entry.bytes[entry.bytes.length >> 1] ^= 1;
  },
  "cut short": async (entry) => {
    entry.bytes = entry.bytes.slice(0, entry.bytes.length >> 1);
    entry.headers = new Headers({ "x-sha256": await sha256(entry.bytes) });
  },
  "not a snapshot": async (entry) => {
    entry.bytes = crypto.getRandomValues(new Uint8Array(4096));
  },
};

const options = { stdLibURL: job.lean, lockFileContents: { info: { abi_version: job.lock_abi }, packages: {} },
  packages: [], stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") };
const fresh = await loadPyodide({ ...options, _makeSnapshot: true });
fresh.pyimport("offer_engine.bridge");
const image = fresh.makeMemorySnapshot(); // before any request, as the widget takes it
const expected = fresh.pyimport("offer_engine.bridge").run(job.rubric, job.request);
await storeSnapshot(KEY, image);
await SPOILS[job.spoil]([...stored.values()][0]);

const saved = await findSnapshot(KEY);
let restored = null;
try {
  restored = await restoreSnapshot(loadPyodide, options, saved);
} catch {
  // reported below, as the worker sees it: damaged (boot anew) or refused
}
const answer = restored?.pyimport("offer_engine.bridge").run(job.rubric, job.request);
process.stdout.write(JSON.stringify({
  restored: Boolean(restored),
  same: answer === expected,
  damaged: await saved.filled.then(() => false, () => true),
  kept: stored.size,
}));
