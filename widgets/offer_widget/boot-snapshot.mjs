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
 * The snapshot kept for this runtime key: null when there is none, else `{ bytes }`, a promise of
 * the image that rejects with SnapshotDamaged (after deleting the entry) when it is not what we
 * stored. Finding the entry is quick; reading it can then overlap the runtime's own start-up.
 */
export async function findSnapshot(key) {
  let response;
  try {
    response = await (await openCache())?.match(entryURL(key));
  } catch {
    return null;
  }
  if (!response) return null;
  const bytes = unpack(response).catch(async (error) => {
    await dropSnapshot(key);
    throw error instanceof SnapshotDamaged ? error : new SnapshotDamaged(String(error));
  });
  bytes.catch(() => {}); // whoever awaits it sees the failure; until then it is not "unhandled"
  return { bytes };
}

async function unpack(response) {
  const body = new Uint8Array(await response.arrayBuffer());
  // Pyodide hangs, rather than fails, on some malformed snapshots: hand it only what we stored.
  // The digest is taken on a copy, off this thread, while the image is laid out here.
  const sum = digest(body);
  const image = expand(body);
  if ((await sum) !== response.headers.get("x-sha256")) throw new SnapshotDamaged("snapshot damaged");
  if (!image || !plausible(image)) throw new SnapshotDamaged("snapshot malformed");
  performance.mark("og:worker:snapshot-read");
  return image;
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

/** The image back from the stored layout, or null if the layout does not add up. */
function expand(body) {
  if (body.byteLength < HEAD || body.byteLength % 4) return null;
  const words = new Uint32Array(body.buffer, body.byteOffset, body.byteLength >> 2);
  const [magic, length, page, count] = words;
  if (magic !== MAGIC || page !== PAGE || HEAD + 4 * count > body.byteLength) return null;
  const image = new Uint8Array(length); // zero-filled: the pages left out
  let from = HEAD + 4 * count;
  for (let i = 0; i < count; i++) {
    const at = words[4 + i] * PAGE;
    const size = Math.min(PAGE, length - at);
    if (size <= 0 || from + size > body.byteLength) return null;
    image.set(body.subarray(from, from + size), at);
    from += size;
  }
  return from === body.byteLength ? image : null;
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
