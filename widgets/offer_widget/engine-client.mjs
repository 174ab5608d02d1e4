// One engine per visit: starts the worker once (a module-level singleton survives Material's
// instant navigation) and never leaves the page waiting for ever. The boot falls back from the
// lean runtime to the plain one without a word; a worker that crashes, hangs or stops answering
// is ended, every run it held is settled with a fault of ours, and it is restarted once.
// On a full load of the scoring page, the first worker was already created by an inline script
// in the page's <head> (generator/site/theme/main.html), which keeps what it says until it is
// adopted here: the widget's script runs only once the parser has reached the end of its form.

import { dropSnapshot } from "./boot-snapshot.mjs";
// Read through a namespace, so a manifest without the lean runtime's names still links.
import * as manifest from "./engine-assets.mjs";

const WORKER = new URL("./engine-worker.mjs", import.meta.url);
/** The files a lean worker asks for first, after "; " in its name as the head script does (engine-worker.mjs). */
const EARLY_FILES = manifest.LEAN ? `; ${new URLSearchParams({ runtime: manifest.PYODIDE, lean: manifest.LEAN })}` : "";
/** The worker's name tells it which way to boot (engine-worker.mjs); the head script uses the first. */
const NAME = "offer-guide engine: ";
/** What the head script leaves on `window`: `{ worker, messages, error }`. */
const EARLY = "offerGuideEarlyEngine";
/**
 * How long to wait, in ms. A wrong CSP or a stalled download makes Pyodide hang rather than fail,
 * so a boot that has said nothing for `boot` ms is ended; one engine call takes 11–45 ms, so a run
 * that takes `run` ms is stuck, and a snapshot that restores for `restore` ms is dropped for a normal boot. A page (or a test) may set `globalThis.offerGuideEngineLimits`
 * before this module loads to change them.
 */
export const LIMITS = { boot: 60_000, restore: 20_000, run: 20_000, ...globalThis.offerGuideEngineLimits };

const REASONS = {
  wasm: "Your browser cannot run WebAssembly, which the scoring needs. A recent Chrome, Edge, Firefox or Safari can.",
  csp: "The page's security settings stopped the scoring engine from starting.",
  timeout: "The scoring engine took too long to start. Check your connection and reload the page to try again.",
  worker: "Your browser could not start the scoring engine (it needs module Web Workers).",
  boot: "The scoring engine could not start. Reload the page to try again.",
  stopped: "The scoring engine stopped working on our side, twice. Your answers are kept; reload the page to try again.",
};
/** Failures that another boot path cannot mend. */
const FINAL = new Set(["wasm", "csp", "worker"]);

let engine = null;

/** The shared engine: `{ ready, phase, via, onPhase(fn), onEvent(fn), run(request) }`. */
export function getEngine() {
  engine ??= startEngine();
  return engine;
}

/** An answer in the bridge's shape for a fault of ours: the widget shows it as ours. */
function fault(kind, message) {
  return { ok: false, internal: true, fault: kind, problems: [{ field: "engine", message }] };
}

function startEngine() {
  const listeners = new Set();
  const plan = manifest.LEAN ? ["lean", "plain"] : ["plain"];
  const queue = [];
  let nextId = 0;
  let worker = null;
  let inFlight = null;
  let up = false;
  let everReady = false;
  let restarts = 0;
  let dead = null;
  let phase = "starting";
  let via = null;
  let settleReady;

  const ready = new Promise((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => {}); // callers read the failure through `ready`; no unhandled rejection

  let progress = null;

  function emit(event) {
    if (event.type === "phase") phase = event.phase;
    if (event.type === "progress") progress = event;
    listeners.forEach((fn) => fn(event));
  }

  function launch(attempt) {
    const early = attempt === 0 ? adoptEarly() : null;
    let w;
    try {
      w = early?.worker ?? new Worker(WORKER, { type: "module", name: NAME + plan[attempt] + (plan[attempt] === "lean" ? EARLY_FILES : "") });
      globalThis.__offerGuideEngineBoots = (globalThis.__offerGuideEngineBoots || 0) + 1;
    } catch (error) {
      return bootFailed(attempt, "worker", String(error));
    }
    worker = w;
    up = false;
    phase = "starting";
    let booting = true;
    let timer = 0;
    const quiet = () => {
      clearTimeout(timer);
      // Restoring a snapshot is quick when it works; one that stalls is given up sooner.
      const limit = phase === "restoring" ? LIMITS.restore : LIMITS.boot;
      if (booting) timer = setTimeout(() => w === worker && stalled(attempt), limit);
    };
    quiet();
    const onError = (event) => {
      event.preventDefault?.();
      if (w !== worker) return;
      clearTimeout(timer);
      if (booting) {
        booting = false;
        bootFailed(attempt, "boot", event.message);
      }
      else crashed("crashed");
    };
    const onMessage = ({ data }) => {
      if (w !== worker) return; // a late word from a worker already ended
      if (data.type === "progress") emit({ type: "progress", received: data.received, total: data.total });
      else if (data.type === "phase") emit({ type: "phase", phase: data.phase });
      else if ((data.type === "failed" || data.type === "ready") && booting) {
        booting = false;
        clearTimeout(timer);
        if (data.type === "ready") booted(data.via, data.files, data.engineFile);
        else bootFailed(attempt, data.reason, data.detail);
      } else if (data.type === "result") settle(data.id, JSON.parse(data.text));
      else if (data.type === "crashed") crashed("crashed");
      else if (data.type === "snapshot") {
        if (data.stored) performance.mark("og:snapshot-stored");
        emit({ type: "snapshot", stored: data.stored });
      }
      if (booting) quiet();
    };
    w.addEventListener("error", onError);
    w.addEventListener("message", onMessage);
    // What the worker said before this module ran, in order; an error ends the list.
    early?.messages.forEach((data) => onMessage({ data }));
    if (early?.error !== undefined) onError({ message: early.error });
    pump(); // a request that waited for a worker: this one keeps it until its engine is up
  }

  /** The worker the head script started, with what it said so far (once per page, else null). */
  function adoptEarly() {
    const early = globalThis[EARLY];
    if (!early?.worker) return null;
    delete globalThis[EARLY];
    early.worker.onmessage = null;
    early.worker.onerror = null;
    return early;
  }

  function stalled(attempt) {
    if (phase !== "restoring") return bootFailed(attempt, "timeout");
    dropSnapshot(manifest.RUNTIME_KEY); // the worker that would have dropped it is ended
    bootFailed(attempt, "snapshot");
  }

  function stop() {
    worker?.terminate();
    worker = null;
    up = false;
  }

  function bootFailed(attempt, reason, detail) {
    stop();
    // A request sent to the worker that failed goes to the next one; none of it was answered.
    if (inFlight) {
      clearTimeout(inFlight.timer);
      queue.unshift(inFlight);
      inFlight = null;
    }
    if (!FINAL.has(reason) && attempt + 1 < plan.length) return launch(attempt + 1);
    if (!everReady) {
      emit({ type: "phase", phase: "failed" });
      settleReady.reject(Object.assign(new Error(REASONS[reason] || REASONS.boot), { reason, detail }));
      die(REASONS[reason] || REASONS.boot, false);
    } else {
      die(REASONS.stopped, true);
    }
  }

  function booted(how, files, engineFile) {
    up = true;
    via = how;
    // offline.mjs reads `files`: the runtime files to keep for offline visits. `engineFile`, where
    // Python found the engine, is for tests and benchmarks: the lean boot reads it from a folder.
    performance.mark("og:engine-ready", { detail: { via: how, files, engineFile } });
    const first = !everReady;
    everReady = true;
    emit({ type: "phase", phase: "ready" });
    emit({ type: first ? "ready" : "recovered", via: how });
    if (first) settleReady.resolve();
    armRunLimit();
    pump();
  }

  /** The worker died, hung or broke after it was ready: end it, settle its run, restart once. */
  function crashed(kind) {
    stop();
    const message = kind === "timeout"
      ? "The scoring engine took too long on this answer, on our side."
      : "The scoring engine stopped unexpectedly, on our side.";
    if (restarts >= 1) return die(REASONS.stopped, true);
    if (inFlight) settle(inFlight.id, fault(kind, message));
    restarts += 1;
    emit({ type: "restarting" });
    // The path that worked before; its snapshot, if any, makes the restart quick.
    launch(Math.max(0, plan.indexOf(via === "snapshot" ? "lean" : via)));
  }

  function die(message, announce) {
    stop();
    dead = message;
    if (inFlight) settle(inFlight.id, fault("stopped", message));
    queue.splice(0).forEach((job) => job.resolve(fault("stopped", message)));
    if (announce) emit({ type: "failed", message });
  }

  function settle(id, answer) {
    if (!inFlight || inFlight.id !== id) return;
    clearTimeout(inFlight.timer);
    const { resolve } = inFlight;
    inFlight = null;
    resolve(answer);
    pump();
  }

  /**
   * Send the next request, one at a time. Also while the worker boots: it keeps the request until
   * its engine is up and answers it then, so the answer follows "ready" at once, however late the
   * page's busy main thread hears of either. The time a run may take counts from "ready" on.
   */
  function pump() {
    if (!worker || inFlight || !queue.length) return;
    inFlight = queue.shift();
    inFlight.timer = 0;
    worker.postMessage({ type: "run", id: inFlight.id, request: inFlight.request });
    armRunLimit();
  }

  /** A run sent to an engine that is up has LIMITS.run ms to answer; one sent during the boot, from "ready" on. */
  function armRunLimit() {
    if (up && inFlight && !inFlight.timer) inFlight.timer = setTimeout(() => crashed("timeout"), LIMITS.run);
  }

  launch(0);

  return {
    ready,
    get phase() {
      return phase;
    },
    /** The last download progress, `{received, total}`, for a status line that appears late. */
    get progress() {
      return progress;
    },
    /** How the running worker booted: "snapshot", "lean" or "plain" (null before it is ready). */
    get via() {
      return via;
    },
    onPhase(fn) {
      const listener = (event) => event.type === "phase" && fn(event.phase);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Every event: phase, progress, ready, snapshot, restarting, recovered, failed. */
    onEvent(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /**
     * Score one request (the offer-file shape); resolves to the bridge's answer, or to a fault of
     * ours. May be called before `ready`: the request is sent at once (see pump).
     */
    async run(request) {
      if (dead) return fault("stopped", dead);
      return new Promise((resolve) => {
        queue.push({ id: ++nextId, request: JSON.stringify(request), resolve });
        pump();
      });
    },
  };
}
