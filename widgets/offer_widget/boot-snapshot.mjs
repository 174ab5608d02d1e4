// The memory snapshot kept in the reader's own browser: Python's memory right after the engine was
// imported and warmed on a request of ours, gzip-compressed in Cache Storage, one entry per runtime.
// Every failure here means "no snapshot": the caller boots normally and nothing is shown.

export const SNAPSHOT_CACHE = "offer-guide-snapshot";

function entryURL(key) {
  // Cache Storage wants an http(s) URL as the key; this one is never fetched.
  return new URL(`offer-guide-snapshot/${key}`, self.location.href).href;
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
    const expected = Number(response.headers.get("x-raw-length"));
    if (raw.byteLength !== expected) throw new Error("snapshot has the wrong length");
    return new Uint8Array(raw);
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
    headers: { "content-type": "application/octet-stream", "x-raw-length": String(bytes.byteLength) },
  }));
  for (const request of await cache.keys()) {
    if (request.url !== entryURL(key)) await cache.delete(request);
  }
  return true;
}

export async function dropSnapshot(key) {
  try {
    await (await openCache())?.delete(entryURL(key));
  } catch {
    // nothing to drop, or no storage at all: either way there is no snapshot
  }
}
