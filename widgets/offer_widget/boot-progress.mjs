// Worker side of the progress bar: counts the bytes of the runtime's downloads as they arrive,
// out of the sizes the site's manifest announces, so the bar shows real progress.

/**
 * Expected sizes by URL for the files one boot path downloads. `bytes` is the manifest's BYTES
 * (keys: Pyodide file names, "lean", "engine", "rubric"); files it does not list are not counted,
 * so the bar never runs past 100% or waits for a size nobody knows.
 */
export function expectedSizes(urls, bytes) {
  const sizes = new Map();
  for (const [key, url] of Object.entries(urls)) {
    const size = Number(bytes?.[key]);
    if (url && size > 0) sizes.set(new URL(url, self.location.href).href, size);
  }
  return sizes;
}

/**
 * Wrap the worker's `fetch` so every download of a known file reports its decompressed bytes as
 * they stream. The caller gets the untouched response (Pyodide streams the wasm from it, which
 * needs its own URL and `application/wasm` type); a clone is read alongside just to count.
 * `done(url)` marks a file that arrived by another way (a module import) as complete.
 */
export function countDownloads(sizes, onProgress) {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const seen = new Map();
  let lastSent = -1;

  const report = () => {
    const received = Math.min(total, [...seen.values()].reduce((a, b) => a + b, 0));
    // About 100 messages per boot at most: enough for a smooth bar, few enough to cost nothing.
    if (received === total || received - lastSent >= total / 100) {
      lastSent = received;
      onProgress({ received, total });
    }
  };
  const add = (url, n) => {
    seen.set(url, Math.min(sizes.get(url), (seen.get(url) || 0) + n));
    report();
  };

  const original = self.fetch;
  self.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, self.location.href).href;
    if (!sizes.has(url) || !response.ok || !response.body) return response;
    seen.set(url, 0);
    const reader = response.clone().body.getReader();
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        add(url, value.byteLength);
      }
    })().catch(() => {}); // a failed download is reported by whoever awaits the real response
    return response;
  };

  return {
    total,
    done(url) {
      const href = new URL(url, self.location.href).href;
      if (sizes.has(href)) add(href, sizes.get(href));
    },
    restore() {
      self.fetch = original;
    },
  };
}
