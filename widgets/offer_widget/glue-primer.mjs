// Runs Pyodide's JS glue once more, right after the service worker has kept it, so that Chromium
// keeps V8's compiled code for it beside the kept copy and the next visit skips compiling it
// (~1.2 MB of JavaScript: the longest single step of a second visit's boot in the engine worker).
//
// Why a worker of its own: Chromium writes the code cache of a script served from Cache Storage
// the first time it runs from there, in a task queued right after the module has been evaluated.
// The engine worker of this visit fetched the glue before the service worker existed, and the
// next visit's would only write the cache, not use it. Here the glue's factory is also called, up
// to the point where it asks for the wasm (which is never given), so the factory's own body is
// compiled before that task runs and its code goes into the cache too. Nothing is downloaded:
// the glue comes from the service worker's cache. Every error is swallowed: this only saves time.
// Messages out: "primed" (the page then ends this worker).
import { PYODIDE } from "./engine-assets.mjs";

// The very URL the engine worker and Pyodide's loader import (Cache Storage keys on it).
const GLUE = new URL("pyodide.asm.mjs", PYODIDE).href;

try {
  const { default: createModule } = await import(GLUE);
  // `API` is what Pyodide's loader passes in and the glue writes into; a wasm that never comes
  // keeps the factory waiting, so Python is never started here.
  createModule({ API: {}, instantiateWasm: () => ({}), print: () => {}, printErr: () => {} }).catch(() => {});
} catch {
  // Not kept, another build, or no module workers: the next visit compiles the glue as it would have.
}
// A macrotask later, so that Chromium's queued code-cache task has run.
setTimeout(() => self.postMessage("primed"), 0);
