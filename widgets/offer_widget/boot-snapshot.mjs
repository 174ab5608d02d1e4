// The memory snapshot kept in the reader's own browser: Python's memory right after the engine was
// imported and warmed on a request of ours, gzip-compressed in Cache Storage, one entry per runtime.
// Every failure here means "no snapshot": the caller boots normally and nothing is shown.
// Used in the worker; the page only drops an entry whose restore stalled.

export const SNAPSHOT_CACHE = "offer-guide-snapshot";

function entryURL(key) {
  // Cache Storage wants an http(s) URL as the key; this one is never fetched. Relative to this
  // module, so the worker and the page name the same entry.
  return new URL(`offer-guide-snapshot/${key}`, import.meta.url).href;
}

async function openCache() {
  if (typeof caches !== "object" || typeof DecompressionStream !== "function") return null;
  return caches.open(SNAPSHOT_CACHE);
}

/** The snapshot bytes for this runtime key, or null. A broken entry is deleted on the way. */
export async function readSnapshot(key) {
  let cache;
  try {
    cache = await openCache();
    if (!cache) return null;
    const response = await cache.match(entryURL(key));
    if (!response) return null;
    const raw = await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    const bytes = new Uint8Array(raw);
    // Pyodide hangs, rather than fails, on some malformed snapshots: hand it only what we stored.
    if (!plausible(bytes) || (await digest(bytes)) !== response.headers.get("x-sha256")) throw new Error("snapshot damaged");
    return bytes;
  } catch {
    await dropSnapshot(key);
    return null;
  }
}

/** Compress and keep the snapshot under `key`; entries of other runtimes are deleted. */
export async function storeSnapshot(key, bytes) {
  const cache = await openCache();
  if (!cache || typeof CompressionStream !== "function") return false;
  const gzip = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  const body = await new Response(gzip).blob();
  await cache.put(entryURL(key), new Response(body, {
    headers: { "content-type": "application/octet-stream", "x-sha256": await digest(bytes) },
  }));
  for (const request of await cache.keys()) {
    if (request.url !== entryURL(key)) await cache.delete(request);
  }
  return true;
}

async function digest(bytes) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...hash].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Pyodide's layout: a header whose second word is where the heap starts, then whole wasm pages. */
function plausible(bytes) {
  if (bytes.byteLength % 4 || bytes.byteLength < 64) return false;
  const heapAt = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  return heapAt >= 48 && heapAt % 16 === 0 && heapAt < bytes.byteLength && (bytes.byteLength - heapAt) % 65536 === 0;
}

export async function dropSnapshot(key) {
  try {
    await (await openCache())?.delete(entryURL(key));
  } catch {
    // nothing to drop, or no storage at all: either way there is no snapshot
  }
}
