// Loaded on every page: registers the site's service worker (sw.js in the site root), which keeps the
// guide for offline and instant second visits. Nothing here may ever break a page: without service
// workers, or if registering fails, the guide works as before, from the network.
//
// When: after the page has loaded, so its own files come first; on the scoring page only after the
// first verdict, so the worker's downloads never compete with the engine's boot. Then the page asks
// the worker to keep the runtime it just used ("warm"), and once it has, runs the JS glue from there
// once (glue-primer.mjs) so the next visit finds it compiled.

const ROOT = new URL("../../", import.meta.url); // this module is <root>/assets/widgets/offline.mjs
const SCORE = "[data-og-score]";
const FIRST_VERDICT = "og:first-verdict"; // the performance mark the widget sets (score-widget.mjs)
const ENGINE_READY = "og:engine-ready"; // the engine client's mark, with the files its boot used (engine-client.mjs)

let registered = null;

function register() {
  registered ??= navigator.serviceWorker
    .register(new URL("sw.js", ROOT), { scope: ROOT.pathname, updateViaCache: "none" })
    .catch(() => null);
  return registered;
}

function afterLoad(fn) {
  if (document.readyState === "complete") fn();
  else window.addEventListener("load", () => fn(), { once: true });
}

function afterFirstVerdict(fn) {
  if (performance.getEntriesByName(FIRST_VERDICT).length > 0) return fn();
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName(FIRST_VERDICT).length === 0) return;
    observer.disconnect();
    fn();
  });
  observer.observe({ type: "mark", buffered: true });
}

/**
 * The runtime files the engine booted from, as the widget's "og:engine-ready" mark says (null if it
 * does not): a lean boot must not cost the reader the plain runtime's 2.6 MB in the background.
 */
function filesUsed() {
  const ready = performance.getEntriesByName(ENGINE_READY).at(-1);
  const files = ready && ready.detail && ready.detail.files;
  return Array.isArray(files) ? files : null;
}

/** How many runtime files the worker newly kept: it answers once it has stored them. */
function askToWarm(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => resolve(data && data.kept > 0 ? data.kept : 0);
    worker.postMessage({ type: "warm", files: filesUsed() }, [channel.port2]);
  });
}

/** Once the runtime is newly kept: let glue-primer.mjs run Pyodide's glue from there (see that file). */
function primeGlue() {
  const primer = new Worker(new URL("glue-primer.mjs", import.meta.url), { type: "module", name: "offer-guide glue primer" });
  const end = () => primer.terminate();
  primer.onmessage = end;
  primer.onerror = (event) => {
    event.preventDefault(); // only time is lost: never a console error for the reader
    end();
  };
}

async function warmRuntime() {
  if (!(await register())) return;
  const ready = await navigator.serviceWorker.ready;
  if (!ready.active) return;
  // Served through the worker only when it controls this page (it claims it on taking over).
  if ((await askToWarm(ready.active)) > 0 && navigator.serviceWorker.controller) primeGlue();
}

function onPage() {
  if (document.querySelector(SCORE)) afterFirstVerdict(() => warmRuntime().catch(() => {}));
  else afterLoad(register);
}

try {
  if ("serviceWorker" in navigator && window.isSecureContext) {
    if (typeof window.document$?.subscribe === "function") window.document$.subscribe(onPage);
    else onPage();
  }
} catch {
  // An old or locked-down browser: the guide simply stays online-only.
}
