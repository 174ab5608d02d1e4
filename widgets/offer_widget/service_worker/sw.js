// The guide's service worker (a classic script: Firefox ESR cannot run module service workers).
// generator/hosting/offline.py writes it to the site root as sw.js, behind `const BUILD = {...}`.
//
// - One cache per build, "offer-guide-site-<version>": the first visit fills it with the pages and
//   assets (each checked against its SRI hash, so no file of another build gets in), and from then on
//   every visit is answered from it, on or offline. A new build is a new sw.js: the browser installs
//   it beside the old one and lets it take over once no tab uses the old build, so a page never mixes
//   files of two builds. On taking over it deletes the other "offer-guide-site-" caches, and only those.
// - The Pyodide runtime and the engine are not precached (content pages must not cost the reader
//   megabytes): they are kept when /score/ fetches them through this worker, or when the page says
//   "warm" after its first verdict (a first visit to /score/ starts before this worker exists).
// - Packed twins (X.zst or X.zz beside X, made by generator/site/packed.py) are never kept as they are: once
//   the engine has booted from one, its decoded bytes are kept under X's name, checked against X's
//   SRI hash, and a request for the twin is answered with that copy. So a second visit decodes
//   nothing, and the browser's cache of compiled wasm applies.
// - Anything else (another origin, non-GET, outside the site) is left to the browser.
"use strict";

const CACHE = BUILD.cachePrefix + BUILD.version;
const ROOT = new URL("./", self.location.href).href;
const absolute = (path) => new URL(path, ROOT).href;
const PRECACHE = new Map(BUILD.precache.map(([path, integrity]) => [absolute(path), integrity]));
const RUNTIME = new Map(BUILD.runtime.map(([path, integrity]) => [absolute(path), integrity]));
const NOT_FOUND = absolute(BUILD.notFound);
const TWINS = new Map(BUILD.packed.map(([twin, path, type]) => [absolute(twin), { plain: absolute(path), type }]));
const TWIN_OF = new Map([...TWINS].map(([twin, { plain }]) => [plain, twin]));
try {
  importScripts(absolute(BUILD.decoder)); // sets self.fzstd
} catch {
  // No decoder: twins are not kept, their plain files are (warm, below).
}

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));
self.addEventListener("message", (event) => {
  // The page names the files its engine booted from (or null: keep them all), and may pass a port:
  // it is told how many runtime files were newly kept (0 when none or on failure).
  if (event.data && event.data.type === "warm") {
    let only = null;
    try {
      if (Array.isArray(event.data.files)) only = new Set(event.data.files.map((url) => absolute(String(url))));
    } catch {
      // A name that is no address: keep them all, as when the page names none.
    }
    event.waitUntil(warm(only).catch(() => 0).then((kept) => event.ports[0]?.postMessage({ type: "kept", kept })));
  }
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  if (!request.url.startsWith(ROOT) || request.url === self.location.href) return;
  // Whatever goes wrong in here, the reader gets the network's answer, as without this worker.
  event.respondWith(respond(event).catch(() => fetch(request)));
});

async function install() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...PRECACHE].map(async ([href, integrity]) => {
      if (await cache.match(href)) return; // kept by an earlier, interrupted install of this build
      const response = await fetchBuildFile(href, integrity);
      if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
      await cache.put(href, response);
    }),
  );
  await carryOver(cache);
}

/**
 * One file of this build, checked against its SRI hash. "no-cache" lets the browser revalidate what
 * this visit already downloaded (a 304 costs no body). But Last-Modified has one-second steps, and
 * some deploys give every file the same date: a host may then answer 304 for a file that changed, the
 * old copy fails the check, and the new build would never install. So a failed check fetches it whole.
 */
async function fetchBuildFile(href, integrity) {
  try {
    return await fetch(buildRequest(href, integrity, "no-cache"));
  } catch {
    return fetch(buildRequest(href, integrity, "reload"));
  }
}

/** A request for a file of this build's lists: checked against its SRI hash, with this HTTP cache mode. */
function buildRequest(href, integrity, cache) {
  return new Request(href, { integrity, cache, credentials: "same-origin" });
}

/** Runtime files have versioned or hashed names: the same name in an older build's cache is the same bytes. */
async function carryOver(cache) {
  const older = (await caches.keys()).filter((name) => name.startsWith(BUILD.cachePrefix) && name !== CACHE);
  for (const name of older) {
    const old = await caches.open(name);
    for (const href of RUNTIME.keys()) {
      if (await cache.match(href)) continue;
      const kept = await old.match(href);
      if (kept) await cache.put(href, kept);
    }
  }
}

async function activate() {
  for (const name of await caches.keys()) {
    if (name.startsWith(BUILD.cachePrefix) && name !== CACHE) await caches.delete(name);
  }
  await self.clients.claim();
}

/**
 * After a first verdict: keep the runtime files the engine booted from (`only`; null: all of them),
 * from the browser's HTTP cache when it still has them. A file of this build's list only: the page
 * cannot make this worker fetch anything else. A file the engine took from its twin is kept decoded.
 */
async function warm(only) {
  const cache = await caches.open(CACHE);
  let kept = 0;
  for (const [href, integrity] of RUNTIME) {
    const twin = TWIN_OF.get(href);
    const fromTwin = Boolean(twin && decodes(twin) && (!only || only.has(twin)));
    if ((only && !only.has(href) && !fromTwin) || (await cache.match(href))) continue;
    try {
      const response = fromTwin ? await decodedTwin(twin, integrity) : await fetch(buildRequest(href, integrity, "force-cache"));
      if (response.ok) {
        await cache.put(href, response);
        kept += 1;
      }
    } catch {
      // Offline again, a file of another build, or a twin that does not decode to its plain file's
      // bytes: the next visit to /score/ tries again.
    }
  }
  return kept;
}

/** A zlib twin, which the browser inflates itself; the others are zstd, for the decoder imported above. */
const isZlib = (twin) => twin.endsWith(".zz");

/** This worker can decode `twin`. */
function decodes(twin) {
  return isZlib(twin) ? typeof DecompressionStream === "function" : Boolean(self.fzstd);
}

/** A twin's decoded bytes as its plain file, if they are exactly that file's (its SRI hash). */
async function decodedTwin(twin, integrity) {
  const packed = await fetch(new Request(twin, { cache: "force-cache", credentials: "same-origin" }));
  if (!packed.ok) throw new Error(`${twin}: HTTP ${packed.status}`);
  const bytes = isZlib(twin)
    ? new Uint8Array(await new Response(packed.body.pipeThrough(new DecompressionStream("deflate"))).arrayBuffer())
    : self.fzstd.decompress(new Uint8Array(await packed.arrayBuffer()));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  if (`sha256-${btoa(String.fromCharCode(...digest))}` !== integrity) throw new Error(`${twin} is damaged`);
  return new Response(bytes, { headers: { "Content-Type": TWINS.get(twin).type } });
}

/** The cache's key for an address: no query (Material's search adds ?h=…) and no index.html. */
function keyOf(url) {
  const parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  if (parsed.pathname.endsWith("/index.html")) parsed.pathname = parsed.pathname.slice(0, -"index.html".length);
  return parsed.href;
}

async function respond(event) {
  const request = event.request;
  const key = keyOf(request.url);
  const cache = await caches.open(CACHE);
  // ignoreVary: a host's "Vary: Accept-Encoding" must not hide a kept copy (the page's request
  // headers here never carry what the network layer adds).
  // A twin is answered with its plain file's kept copy, decoded already (the engine worker sees that
  // from its type); without one it comes from the network, and is not kept as it is.
  const kept = await cache.match(TWINS.get(key)?.plain ?? key, { ignoreVary: true });
  if (kept) return kept;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const notFound = request.mode === "navigate" && (await cache.match(NOT_FOUND, { ignoreVary: true }));
    if (!notFound) throw error;
    return new Response(notFound.body, { status: 404, statusText: "Not Found", headers: notFound.headers });
  }
  // Only whole, plain answers of this build's runtime files are kept. Not awaited: the page reads
  // the body as it arrives (streaming compilation, the progress bar) while the copy is stored.
  if (RUNTIME.has(key) && response.status === 200 && response.type === "basic") {
    event.waitUntil(cache.put(key, response.clone()).catch(() => {}));
  }
  return response;
}
