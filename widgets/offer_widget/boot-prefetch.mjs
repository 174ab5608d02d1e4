// Downloads that Pyodide would start late, started at once. Pyodide asks for its wasm and its
// standard library only once its loader and glue are imported, which on a slow line left most of
// the connection idle for the first second or more (benchmarks/widget.py --network slow-4g).
// Here they start as soon as the worker runs; Pyodide's own first request for each URL is then
// answered with that same response, not a copy, so nothing is downloaded twice.

const href = (input) =>
  new URL(typeof input === "string" || input instanceof URL ? input : input.url, self.location.href).href;

/** Start fetching each URL in `urls` now; the first later GET of it through `fetch` gets that response. */
export function prefetch(urls) {
  const started = new Map(urls.filter(Boolean).map((url) => [href(url), self.fetch(url, { credentials: "same-origin" })]));
  for (const response of started.values()) response.catch(() => {}); // whoever asks for it sees the failure
  const fetch = self.fetch;
  self.fetch = (input, init) => {
    const url = href(input);
    const early = started.get(url);
    if (!early || (init?.method ?? input.method ?? "GET") !== "GET") return fetch(input, init);
    started.delete(url);
    return early;
  };
}
