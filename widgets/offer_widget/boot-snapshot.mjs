// The memory snapshot kept in the reader's own browser: Python's memory right after the engine was
// imported and warmed on a request of ours, one Cache Storage entry per runtime.
// Every failure here means "no snapshot": the caller boots normally and nothing is shown.
// Used in the worker; the page only drops an entry whose restore stalled.
//
// Stored without its all-zero 64 KiB pages (about 60% of Pyodide's 31 MB heap image), and not
// gzipped: reading and checking the 12 MB that are left takes some 40 ms, where gunzipping the
// whole image took 150–200 ms of the worker's time on every second visit (benchmarks/widget.py).
// Layout: "OGS1", the image's length, the page size, the count n of pages kept (four u32 each,
// little-endian), then n u32 page numbers, then those pages in that order (the last may be short).

export const SNAPSHOT_CACHE = "offer-guide-snapshot";
const MAGIC = 0x3153474f; // "OGS1"
const PAGE = 65536;
const HEAD = 16;
// Far above Pyodide's ~31 MB, far below what a damaged size could ask a browser to allocate.
const MAX_IMAGE = 1 << 30;

function entryURL(key) {
  // Cache Storage wants an http(s) URL as the key; this one is never fetched. Relative to this
  // module, so the worker and the page name the same entry. The layout's name is part of it: an
  // entry of another layout is never read, and the next store deletes it.
  return new URL(`offer-guide-snapshot/${key}.ogs1`, import.meta.url).href;
}

async function openCache() {
  if (typeof caches !== "object") return null;
  return caches.open(SNAPSHOT_CACHE);
}

/** An error of ours: the entry is damaged (so the worker can tell it from Pyodide refusing one). */
export class SnapshotDamaged extends Error {}

/**
 * The snapshot kept for this runtime key: null when there is none, else `{ image, filled }`.
 * - `image`: a promise of the image's buffer, still all zeros, as soon as the entry's first bytes
 *   give its size. Pyodide sizes its memory from it, then sets itself up and instantiates its wasm
 *   while the rest is read: it awaits the snapshot before any of that, and restores it only once
 *   it has its instance (restoreSnapshot, below, holds the instance back until `filled` settles).
 * - `filled`: settles once the pages are in that buffer and checked.
 * Both reject with SnapshotDamaged, after deleting the entry, when it is not what we stored; the
 * buffer's first word is then cleared, so that Pyodide refuses it rather than restore it.
 */
export async function findSnapshot(key) {
  let response;
  try {
    response = await (await openCache())?.match(entryURL(key));
  } catch {
    return null;
  }
  if (!response?.body) return null;
  let buffer = null;
  let sized;
  let unsized;
  const image = new Promise((resolve, reject) => ([sized, unsized] = [resolve, reject]));
  const filled = unpack(response, (made) => sized((buffer = made))).catch(async (error) => {
    const damaged = error instanceof SnapshotDamaged ? error : new SnapshotDamaged(String(error));
    buffer?.fill(0, 0, 4); // no longer a snapshot to Pyodide
    unsized(damaged); // for a caller still waiting for the size (a no-op once it has it)
    await dropSnapshot(key);
    throw damaged;
  });
  // Whoever awaits them sees the failure; until then it is not "unhandled".
  image.catch(() => {});
  filled.catch(() => {});
  return { image, filled };
}

/**
 * Pyodide (`loadPyodide`, with `options`) restored from `saved`, a findSnapshot answer. Pyodide
 * awaits the snapshot before it sets itself up and instantiates its wasm, and restores it the
 * moment it has the instance. So it gets the image's buffer as soon as the size is known, and the
 * instance only once the pages are in that buffer and checked: reading the entry overlaps
 * Pyodide's own work instead of coming first. A damaged entry leaves a buffer that Pyodide refuses,
 * and this rejects (then `saved.filled` has rejected too).
 */
export async function restoreSnapshot(loadPyodide, options, saved) {
  const image = await saved.image;
  // Pyodide instantiates with one of these (streaming in browsers, from bytes on Node); the first
  // call after this point is this boot's.
  const native = { instantiate: WebAssembly.instantiate, instantiateStreaming: WebAssembly.instantiateStreaming };
  const gates = {};
  // Only our own gates come down: what they wrap may take itself down as well (failFast does).
  const takeDown = () => {
    for (const name in gates) if (WebAssembly[name] === gates[name]) WebAssembly[name] = native[name];
  };
  for (const name of Object.keys(native)) {
    if (typeof native[name] !== "function") continue;
    gates[name] = async function (...args) {
      takeDown();
      const made = await native[name].apply(this, args);
      await saved.filled.catch(() => {});
      return made;
    };
  }
  Object.assign(WebAssembly, gates);
  try {
    return await loadPyodide({ ...options, _loadSnapshot: image });
  } finally {
    takeDown(); // Pyodide failed before it instantiated
  }
}

/** Reads the entry: `sized(image)` as soon as its first bytes give its size, then its pages go into that image. */
async function unpack(response, sized) {
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  let image = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (value?.byteLength) {
      chunks.push(value);
      received += value.byteLength;
    }
    if (!image && (received >= HEAD || done)) sized((image = new Uint8Array(imageLength(joined(chunks, received)))));
    if (done) break;
  }
  const body = joined(chunks, received);
  // Pyodide hangs, rather than fails, on some malformed snapshots: hand it only what we stored.
  // The digest is taken on a copy, off this thread, while the image is laid out here.
  const sum = digest(body);
  const laidOut = expand(body, image);
  if ((await sum) !== response.headers.get("x-sha256")) throw new SnapshotDamaged("snapshot damaged");
  if (!laidOut || !plausible(image)) throw new SnapshotDamaged("snapshot malformed");
  performance.mark("og:worker:snapshot-read");
}

/** `chunks` as one array (the only one, when there is one: no copy), word-aligned for expand. */
function joined(chunks, total) {
  if (chunks.length === 1 && chunks[0].byteOffset % 4 === 0) return chunks[0];
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/** The image's size from the stored layout's header; a header that is not ours is damage. */
function imageLength(head) {
  if (head.byteLength < HEAD) throw new SnapshotDamaged("snapshot malformed");
  const view = new DataView(head.buffer, head.byteOffset, HEAD);
  const [magic, length, page] = [0, 4, 8].map((at) => view.getUint32(at, true));
  if (magic !== MAGIC || page !== PAGE || length < 64 || length % 4 || length > MAX_IMAGE) {
    throw new SnapshotDamaged("snapshot malformed");
  }
  return length;
}

/** Keep the snapshot under `key`; entries of other runtimes (or layouts) are deleted. */
export async function storeSnapshot(key, image) {
  const cache = await openCache();
  if (!cache) return false;
  const body = new Uint8Array(await new Blob(sparse(image)).arrayBuffer());
  await cache.put(entryURL(key), new Response(body, {
    headers: { "content-type": "application/octet-stream", "x-sha256": await digest(body) },
  }));
  for (const request of await cache.keys()) {
    if (request.url !== entryURL(key)) await cache.delete(request);
  }
  return true;
}

/** The stored layout's parts: header, page numbers, and the pages that hold anything but zeros. */
function sparse(image) {
  if (image.byteOffset % 4) image = image.slice(); // word access below needs an aligned start
  const kept = [];
  for (let at = 0; at < image.byteLength; at += PAGE) {
    const page = image.subarray(at, at + PAGE);
    if (!allZero(page)) kept.push(at / PAGE);
  }
  const head = new Uint32Array(4 + kept.length);
  head.set([MAGIC, image.byteLength, PAGE, kept.length]);
  head.set(kept, 4);
  return [head, ...kept.map((n) => image.subarray(n * PAGE, n * PAGE + PAGE))];
}

function allZero(page) {
  // Whole words where they fit (an image's length is a multiple of 4, so every page is too).
  const words = new Uint32Array(page.buffer, page.byteOffset, page.byteLength >> 2);
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
  return true;
}

/** Lays the stored layout's pages out in `image` (all zeros: the pages left out); false if the layout does not add up. */
function expand(body, image) {
  if (body.byteLength < HEAD || body.byteLength % 4) return false;
  const words = new Uint32Array(body.buffer, body.byteOffset, body.byteLength >> 2);
  const [magic, length, page, count] = words;
  if (magic !== MAGIC || page !== PAGE || length !== image.byteLength || HEAD + 4 * count > body.byteLength) return false;
  let from = HEAD + 4 * count;
  for (let i = 0; i < count; i++) {
    const at = words[4 + i] * PAGE;
    const size = Math.min(PAGE, length - at);
    if (size <= 0 || from + size > body.byteLength) return false;
    image.set(body.subarray(from, from + size), at);
    from += size;
  }
  return from === body.byteLength;
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
