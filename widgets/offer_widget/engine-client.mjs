// One engine per visit: starts the worker once (a module-level singleton survives Material's
// instant navigation), gives up with a plain reason after a time-out, and runs one request at a time.

import { ENGINE, PYODIDE, RUBRIC } from "./engine-assets.mjs";

const WORKER = new URL("./engine-worker.mjs", import.meta.url);
/** A wrong CSP or a stalled download makes Pyodide hang rather than fail: stop waiting after this. */
export const BOOT_TIMEOUT_MS = 60_000;

const REASONS = {
  wasm: "Your browser cannot run WebAssembly, which the scoring needs. A recent Chrome, Edge, Firefox or Safari can.",
  csp: "The page's security settings stopped the scoring engine from starting.",
  timeout: "The scoring engine took too long to start. Check your connection and reload the page to try again.",
  worker: "Your browser could not start the scoring engine (it needs module Web Workers).",
  boot: "The scoring engine could not start. Reload the page to try again.",
};

let engine = null;

/** The shared engine: `{ ready: Promise, run(request) → Promise<response>, onPhase(fn) }`. */
export function getEngine() {
  engine ??= startEngine();
  return engine;
}

function startEngine() {
  const listeners = new Set();
  const pending = new Map();
  let nextId = 0;
  let worker;
  let phase = "starting";

  const ready = new Promise((resolve, reject) => {
    const fail = (reason, detail) => {
      phase = "failed";
      listeners.forEach((fn) => fn(phase));
      reject(Object.assign(new Error(REASONS[reason] || REASONS.boot), { reason, detail }));
    };
    if (typeof WebAssembly !== "object") return fail("wasm");
    try {
      worker = new Worker(WORKER, { type: "module", name: "offer-guide engine" });
      globalThis.__offerGuideEngineBoots = (globalThis.__offerGuideEngineBoots || 0) + 1;
    } catch (error) {
      return fail("worker", String(error));
    }
    const timer = setTimeout(() => fail("timeout"), BOOT_TIMEOUT_MS);
    worker.addEventListener("error", (event) => {
      clearTimeout(timer);
      fail("worker", event.message);
    });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "phase") {
        phase = data.phase;
        listeners.forEach((fn) => fn(phase));
      } else if (data.type === "ready") {
        clearTimeout(timer);
        phase = "ready";
        listeners.forEach((fn) => fn(phase));
        resolve();
      } else if (data.type === "failed" && phase !== "ready") {
        clearTimeout(timer);
        fail(data.reason, data.detail);
      } else if (data.type === "result") {
        pending.get(data.id)?.(JSON.parse(data.text));
        pending.delete(data.id);
      }
    });
    worker.postMessage({ type: "boot", pyodide: PYODIDE, engine: ENGINE, rubric: RUBRIC });
  });
  ready.catch(() => {}); // callers read the failure through `ready`; no unhandled rejection

  return {
    ready,
    get phase() {
      return phase;
    },
    onPhase(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Score one request (the offer-file shape); resolves to the bridge's `{ok, result | problems}`. */
    async run(request) {
      await ready;
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: "run", id, request: JSON.stringify(request) });
      });
    },
  };
}
