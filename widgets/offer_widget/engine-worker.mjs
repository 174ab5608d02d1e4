// The engine's home: a module worker that boots Pyodide from our own site and answers "run"
// messages, so the page never freezes while Python starts or scores.
// It starts booting the moment it is loaded, with no word from the page: the scoring page creates
// it from an inline script in its <head>, long before the page's own modules have run (see
// engine-client.mjs, which adopts that worker). Its name says which way to boot:
// "lean" (the lean standard-library zip with the engine inside, written out as a folder Python
// imports from (lean-stdlib.mjs), no lock file, and a memory snapshot kept in this browser) when the site has a lean runtime, and "plain" (Pyodide's stock
// standard library and lock file, and the engine zip unpacked into the file system) when the name
// ends in ": plain" or the site has no lean runtime.
// Messages in:  {type: "run", id, request}, also while it boots: those wait, and are answered once
//               the engine is up (engine-client.mjs sends the first at once, see `beforeUp` below)
// Messages out: {type: "progress", received, total} · {type: "phase", phase} · {type: "ready", via, files, engineFile}
//               · {type: "failed", reason, detail} · {type: "result", id, text}
//               · {type: "crashed", detail} · {type: "snapshot", stored}
//
// This module imports nothing statically, so its first lines run as soon as its own script has
// arrived: they ask for the lean runtime's files, which the page names after "; " in the worker's
// name ("runtime=…&lean=…", relative to this module). They are then on the way one round trip after
// the worker's script, not three (its helpers, then pyodide.mjs, then Pyodide's own requests); see
// earlyDownloads below. Not in the URL: a service worker's copy of the script has no query or
// fragment. Not in a message: the page's messages reach the worker only once the page's busy main
// thread has passed them on, which was after the boot had begun (Chromium, a cold visit).

// The helpers first: the boot waits for them, and a service worker answers requests in turn.
const helpers = Promise.all([import("./engine-assets.mjs"), import("./boot-progress.mjs"), import("./boot-snapshot.mjs"),
  import("./lean-stdlib.mjs")]);
// Each packed twin's suffix (generator/site/packed.py): the wasm's is zstd, the zip's zlib.
const TWIN = { "application/wasm": ".zst", "application/zip": ".zz" };
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
let zstd = null; // the decoder module, imported once the wasm's twin is asked for
// The network's fetch: earlyDownloads puts its own in self.fetch, whose answer for a plain file may be
// the very download that falls back to it.
const networkFetch = self.fetch.bind(self);

const early = earlyDownloads(new URLSearchParams(self.name.split("; ")[1] ?? ""));

/**
 * The lean boot's large downloads, asked for at once: the wasm, the lean zip, and Pyodide's loader
 * and glue. Returns `{ release(), source(url), zipBytes }`, or null when the page named none (the
 * plain path). `zipBytes`: a promise of the zip's bytes, read from a copy of the response Pyodide
 * is given, for lean-stdlib.mjs to unpack.
 * Pyodide asks for the same files a few round trips later: until `release()`, the worker's `fetch`
 * answers the first request for each of the two with the response already on its way, so each
 * file is downloaded once, and is counted for the progress bar as it arrives. The loader and glue
 * are imported now: Pyodide's own imports of the same URLs reuse them.
 *
 * Packed twins (generator/site/packed.py): the zip comes as its zlib twin wherever the browser can
 * inflate it (its plain copy has stored entries: 2.55 MB that hosts send uncompressed, against
 * 0.80 MB). The wasm comes packed when the page saw a slow link ("packed=1", main.html): its zstd
 * twin is 2.9 MB against 3.55 MB gzip, for ~70 ms of decoding that a fast link does not pay back.
 * `source(url)` names what was downloaded for `url`.
 */
function earlyDownloads(named) {
  const runtime = named.get("runtime");
  const lean = named.get("lean");
  if (!runtime || !lean) return null; // a plain worker's name names none
  const base = new URL(runtime, import.meta.url);
  for (const name of ["pyodide.mjs", "pyodide.asm.mjs"]) import(new URL(name, base).href).catch(() => {});
  const wasm = new URL("pyodide.asm.wasm", base).href;
  const zip = new URL(lean, import.meta.url).href;
  const packed = new Map(typeof DecompressionStream === "function" ? [[zip, "application/zip"]] : []);
  if (named.get("packed") === "1") packed.set(wasm, "application/wasm");
  const sources = new Map();
  const waiting = new Map();
  for (const url of [wasm, zip]) {
    const response = packed.has(url) ? unpacked(url, packed.get(url), sources) : fetch(url, { credentials: "same-origin" });
    response.catch(() => {}); // a failed download is Pyodide's to report, when it asks
    waiting.set(url, response);
  }
  // Copied before Pyodide reads it: this callback runs first, as it was registered first.
  const zipBytes = waiting.get(zip).then((response) => response.clone().arrayBuffer());
  zipBytes.catch(() => {}); // no bytes, no folder: Python imports from the zip
  failFast(waiting.get(wasm), () => plainFile(wasm, sources));
  const { fetch: fetchNow } = self;
  self.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input, self.location.href).href;
    const answer = waiting.get(url);
    waiting.delete(url);
    return answer ?? fetchNow(input, init);
  };
  return {
    zipBytes,
    source: (url) => sources.get(url) ?? url,
    release() {
      self.fetch = fetchNow;
      waiting.forEach((p) => p.then((response) => response.body?.cancel(), () => {})); // asked for by nobody
      waiting.clear();
    },
  };
}

/**
 * Pyodide compiles the wasm with `WebAssembly.instantiateStreaming`, and when that fails it only
 * logs a warning and waits for ever: the reader would watch a stalled bar until the page gives this
 * boot up (60 s). So this worker answers a failure at once. On the lean path, whose wasm it fetched
 * early (`download`: a damaged twin, a host that sends the wrong type), it takes the plain file from
 * `again()`, compiled from its bytes. Should that fail too, or on the plain path (no `download`),
 * it tells the page, which boots the plain way or says that the engine could not start. Only the
 * first call is watched; any other goes to the browser untouched.
 */
function failFast(download = null, again = null) {
  // No WebAssembly (the boot says so) or no streaming (Pyodide then compiles from bytes): nothing to watch.
  if (typeof globalThis.WebAssembly?.instantiateStreaming !== "function") return;
  const { instantiateStreaming } = WebAssembly;
  WebAssembly.instantiateStreaming = async function (source, imports) {
    WebAssembly.instantiateStreaming = instantiateStreaming;
    // Pyodide's fetch went through the progress counter, which hands on the response it was given.
    const ours = !download || (await Promise.all([source, download]).then(([a, b]) => a === b, () => true));
    if (!ours) return instantiateStreaming.call(this, source, imports);
    try {
      return await instantiateStreaming.call(this, source, imports);
    } catch (failure) {
      try {
        if (!again) throw failure;
        const plain = await again();
        if (!plain.ok) throw new Error(`HTTP ${plain.status}`);
        return await WebAssembly.instantiate(await plain.arrayBuffer(), imports);
      } catch (error) {
        report({ type: "failed", reason: "boot", detail: `pyodide.asm.wasm: ${error && error.message}` });
        throw error;
      }
    }
  };
}

/**
 * `url`'s bytes, from its packed twin (url + TWIN[type]), as a response of `type`. A twin this host lacks
 * means the plain file. The service worker answers a twin with its kept, decoded copy: that response
 * is passed on untouched (the browser's cache of compiled wasm applies).
 * The wasm is decoded as it streams, for Pyodide to compile as it arrives; a decoding failure fails
 * that compile, and failFast then takes the plain file. The zip, which Pyodide reads whole anyway, is
 * inflated by the browser once it has arrived (a few ms) and checked against the sha256 its name carries
 * (generator/site/assets.py, hashed_name): a damaged twin costs the plain zip's download, and the
 * boot goes on.
 */
async function unpacked(url, type, sources) {
  if (type === "application/wasm") zstd ??= import("./fzstd.js").then(() => self.fzstd); // a classic script: it sets self.fzstd
  const twin = url + TWIN[type];
  const plain = () => plainFile(url, sources);
  const response = await networkFetch(twin, { credentials: "same-origin" }).catch(() => null);
  if (!response?.ok || !response.body) return plain();
  sources.set(url, twin);
  if (type !== "application/wasm") {
    try {
      return new Response(await inflated(response, url), { headers: { "Content-Type": type } });
    } catch {
      return plain();
    }
  }
  if ((response.headers.get("Content-Type") || "").startsWith(type)) return response;
  const { Decompress } = await zstd;
  const reader = response.body.getReader();
  // Pushed, not pulled: a pull() that has nothing to enqueue yet stalls the stream on a slow link.
  const body = new ReadableStream({
    start(controller) {
      let decoder = null;
      const decoded = (chunk) => chunk.length && controller.enqueue(chunk);
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          // Not zstd (a host that already undid it): the bytes are the file itself.
          if (!decoder) decoder = isZstd(value) ? new Decompress(decoded) : { push: (chunk) => chunk?.length && controller.enqueue(chunk) };
          decoder.push(value ?? new Uint8Array(0), done);
          if (done) return controller.close();
        }
      })().catch((error) => {
        controller.error(error);
        reader.cancel().catch(() => {});
      });
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { headers: { "Content-Type": type } });
}

/** `url` itself from the network, noted in `sources` as what was downloaded for it. */
function plainFile(url, sources) {
  sources.set(url, url);
  return networkFetch(url, { credentials: "same-origin" });
}

/**
 * A zlib twin's bytes inflated, if their sha256 starts with the hex digits after the last "-" of
 * `url`'s name. Bytes that are a zip already (the service worker's kept copy, a host that undid the
 * packing) are taken as they are, whatever type they came as: a host may well call X.zip.zz a zip.
 */
async function inflated(response, url) {
  const raw = new Uint8Array(await response.arrayBuffer());
  const isZip = raw[0] === 0x50 && raw[1] === 0x4b; // "PK"
  const bytes = isZip ? raw : new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream("deflate"))).arrayBuffer());
  const named = /-([0-9a-f]{16})\.[a-z]+$/.exec(url)?.[1];
  if (named && crypto.subtle) { // no crypto.subtle on a plain-http address other than localhost
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    const hex = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
    if (hex !== named) throw new Error(`${url}: its twin decodes to other bytes`);
  }
  return bytes;
}

function isZstd(bytes) {
  return Boolean(bytes) && ZSTD_MAGIC.every((b, i) => bytes[i] === b);
}

let runEngine = null;
let rubricText = null;
let fatal = null;

function report(message) {
  self.postMessage(message);
}

/**
 * Pyodide's JS glue needs eval. Under a policy without 'unsafe-eval' it does not fail but hangs, at
 * a varying step, and no violation event reaches the worker; so ask first, in one synchronous line.
 */
function evalAllowed() {
  try {
    return new Function("return true")();
  } catch {
    return false;
  }
}

async function fetchOk(url, as) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return as === "text" ? response.text() : response.arrayBuffer();
}

/** A request of ours, never the reader's: every criterion at 5, to warm the engine's code paths. */
function warmUpRequest(rubric) {
  const scores = Object.fromEntries((JSON.parse(rubric).criteria || []).map((c) => [c.id, 5]));
  return JSON.stringify({ offers: [{ name: "Warm-up", scores }] });
}

function warmUp(run) {
  const answer = JSON.parse(run(rubricText, warmUpRequest(rubricText)));
  // An internal error here means a broken runtime (say, a module missing from the lean zip).
  if (answer.internal) throw new Error(answer.problems.map((p) => p.message).join("; "));
}

/** The files each path downloads, by the manifest's BYTES keys, for the progress bar. */
function downloads(mode, a) {
  const runtime = (name) => new URL(name, a.PYODIDE).href;
  const common = { "pyodide.mjs": runtime("pyodide.mjs"), "pyodide.asm.mjs": runtime("pyodide.asm.mjs"),
    "pyodide.asm.wasm": runtime("pyodide.asm.wasm"), rubric: a.RUBRIC };
  return mode === "lean"
    ? { ...common, lean: a.LEAN }
    : { ...common, "python_stdlib.zip": a.STDLIB_FULL || runtime("python_stdlib.zip"),
      "pyodide-lock.json": a.LOCK_FULL || runtime("pyodide-lock.json"), engine: a.ENGINE };
}

/**
 * `a`: the manifest (engine-assets.mjs); `progress`, `snapshots`, `stdlib`: boot-progress.mjs,
 * boot-snapshot.mjs, lean-stdlib.mjs.
 */
async function boot(mode, a, progress, snapshots, stdlib) {
  performance.mark("og:worker:boot"); // marks in the worker's own timeline, for DevTools and benchmarks
  if (typeof WebAssembly !== "object") throw Object.assign(new Error("no WebAssembly"), { reason: "wasm" });
  if (!evalAllowed()) throw Object.assign(new Error("eval is blocked"), { reason: "csp" });
  if (!early) failFast(); // the lean path's early downloads watched their own wasm
  const files = downloads(mode, a);
  const counter = progress.countDownloads(progress.expectedSizes(files, a.BYTES), (p) => report({ type: "progress", ...p }));
  const rubricJson = fetchOk(a.RUBRIC, "text");
  const engineZip = mode === "plain" ? fetchOk(a.ENGINE, "bytes") : null;
  const found = mode === "lean" && a.RUNTIME_KEY ? snapshots.findSnapshot(a.RUNTIME_KEY) : null;
  // Awaited below; until then a failed download must not count as an unhandled rejection.
  [rubricJson, engineZip].forEach((p) => p?.catch(() => {}));
  // Pyodide imports its glue only once its loader runs: ask for both at once. The glue's URL is the
  // one Pyodide asks for (indexURL + name), so both imports share one module and one download.
  const glue = import(files["pyodide.asm.mjs"]).then(() => counter.done(files["pyodide.asm.mjs"]));
  glue.catch(() => {}); // Pyodide's own import of it reports a failure
  const loader = import(files["pyodide.mjs"]);
  loader.catch(() => {}); // awaited below, which reports a failure
  // The first phase says which way the boot goes, once the (quick) look for a kept snapshot is done
  // and while the loader comes: the page holds the theme's scripts back until the first answer on
  // a boot from a snapshot, and decides when it has heard this (main.html).
  const saved = await found;
  report({ type: "phase", phase: saved ? "restoring" : "runtime" });
  const { loadPyodide } = await loader;
  counter.done(files["pyodide.mjs"]);
  const options = { indexURL: a.PYODIDE, packages: [], stdout: () => {}, stderr: () => {} };
  let py;
  let via = mode;
  if (mode === "lean") {
    const lean = { ...options, ...stdlib.leanBoot(a.LEAN, a.LOCK_ABI, early?.zipBytes) };
    if (saved) {
      try {
        // The snapshot's bytes are still being read and checked: Pyodide has asked for its wasm
        // already, and awaits them before it sets itself up (it sizes its memory from them).
        // Handing it a buffer at once and filling it during that set-up gained nothing: on this
        // one thread the read then waited behind the set-up (commit 39a6e7f). Nor did reading it
        // first, before asking for the runtime's files: alone it takes 18–34 ms, here 85–220 ms
        // beside their reads through the service worker, but the set-up after it is the larger
        // part (~330 ms: the wasm from V8's code cache, Emscripten's linking, the restore), and
        // the warm first verdict went from 822 to 773 ms (Chromium, 8 interleaved runs): noise.
        py = await loadPyodide({ ...lean, _loadSnapshot: saved.bytes });
        via = "snapshot";
      } catch (error) {
        // Pyodide refused a sound entry (another build, say): the page boots the plain way.
        if (!(error instanceof snapshots.SnapshotDamaged)) {
          await snapshots.dropSnapshot(a.RUNTIME_KEY);
          throw Object.assign(error, { reason: "snapshot" });
        }
        report({ type: "phase", phase: "runtime" }); // ours was damaged (and is dropped): boot anew below
      }
    }
    try {
      py ??= await loadPyodide({ ...lean, _makeSnapshot: Boolean(a.RUNTIME_KEY) });
    } catch (error) {
      throw Object.assign(error, { reason: "boot" });
    }
  } else {
    py = await loadPyodide({ ...options, lockFileURL: files["pyodide-lock.json"], stdLibURL: files["python_stdlib.zip"] });
  }
  performance.mark("og:worker:python-up");
  report({ type: "phase", phase: "engine" });
  if (via === "snapshot") {
    // The snapshot froze random's state and the zip's table of contents: renew both. (Its listing
    // of the lean folder renews itself: the folder, written anew, has a new time of change.)
    py.runPython("import sys, zipimport\nzipimport._zip_directory_cache.clear()\n"
      + "if 'random' in sys.modules: sys.modules['random'].seed()");
  }
  if (engineZip) {
    py.unpackArchive(await engineZip, "zip", { extractDir: "/offer_guide" });
    py.runPython("import sys; sys.path.insert(0, '/offer_guide')");
  }
  const bridge = py.pyimport("offer_engine.bridge");
  const { run } = bridge;
  const engineFile = String(bridge.__file__); // the lean boot's is in lean-stdlib.mjs's folder
  performance.mark("og:worker:engine-imported"); // its cost is the engine's own (offer_engine/record.py)
  rubricText = await rubricJson;
  counter.restore();
  // Before the reader waits on it, and before any snapshot; a snapshot was taken after one.
  if (via !== "snapshot") warmUp(run);
  performance.mark("og:worker:engine-up");
  runEngine = run;
  // `files`: what this boot downloaded (a packed twin under its own name), so the page asks the
  // service worker to keep only those.
  const downloaded = Object.values(files).filter(Boolean).map((url) => early?.source(url) ?? url);
  return { via, files: downloaded, engineFile, snapshot: via === "lean" && a.RUNTIME_KEY ? () => takeSnapshot(py) : null };
}

/** Python's memory now, while it has seen only our own warm-up request: never the reader's data. */
function takeSnapshot(py) {
  try {
    return py.makeMemorySnapshot();
  } catch {
    return null; // some browsers or builds refuse: the next visit simply boots normally
  }
}

async function keep(snapshots, key, bytes) {
  let stored = false;
  try {
    stored = await snapshots.storeSnapshot(key, bytes);
  } catch {
    // quota or private mode: keep nothing
  }
  report({ type: "snapshot", stored });
}

function run({ id, request }) {
  if (fatal) return report({ type: "crashed", detail: fatal });
  let text;
  try {
    text = runEngine(rubricText, request);
  } catch (error) {
    // The bridge never raises, so this is Pyodide itself failing: this worker is done for.
    fatal = String(error && error.message);
    return report({ type: "crashed", detail: fatal });
  }
  report({ type: "result", id, text });
}

// Requests that come before the engine is up, in order; null once it is. The page sends its first
// request without waiting for "ready": its main thread, busy parsing the page, may handle "ready"
// long after the engine is up, and the answer is then ready with it, not one more hop later.
let beforeUp = [];

helpers
  .then(([assets, progress, snapshots, stdlib]) => {
    // Which way to boot, from the worker's name (see the top of this file). A namespace: a manifest
    // without the lean runtime's names still links (they read as undefined).
    const mode = assets.LEAN && !self.name.endsWith(": plain") ? "lean" : "plain";
    return boot(mode, assets, progress, snapshots, stdlib).then((booted) => {
      report({ type: "ready", via: booted.via, files: booted.files, engineFile: booted.engineFile });
      // Taken before any request of the page's has run, so it never holds the reader's data.
      const snapshot = booted.snapshot?.();
      // Then the requests that came during the boot, and storing the snapshot after them: it takes a while.
      const queued = beforeUp;
      beforeUp = null;
      queued.forEach(run);
      if (snapshot) keep(snapshots, assets.RUNTIME_KEY, snapshot);
    });
  })
  .catch((error) => report({ type: "failed", reason: error.reason || "boot", detail: String(error && error.message) }))
  .finally(() => early?.release());

self.addEventListener("message", ({ data: message }) => {
  if (message.type !== "run") return;
  if (beforeUp) beforeUp.push(message);
  else run(message);
});
