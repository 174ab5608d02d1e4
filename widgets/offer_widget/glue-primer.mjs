// Runs Pyodide's JS glue once more, right after the service worker has kept it, so that Chromium
// keeps V8's compiled code for it beside the kept copy and the next visit skips compiling it
// (~1.2 MB of JavaScript: the longest single step of a second visit's boot in the engine worker).
//
// Why a worker of its own: Chromium writes the code cache of a script served from Cache Storage
// the first time it runs from there, in a task queued right after the module has been evaluated.
// The engine worker of this visit fetched the glue before the service worker existed, and the
// next visit's would only write the cache, not use it. Here the glue's factory is also called, up
// to where it links the wasm, so that the factory's body and the linker's largest function (it
// binds the wasm's ~5,000 exports) are compiled before that task runs and go into the cache too.
// The glue is handed an empty wasm module instead of Pyodide's, so linking stops there with an
// error and Python never starts. Nothing is downloaded: the glue comes from the service worker's
// cache. Every error is swallowed: this only saves time.
// Messages out: "primed" (the page then ends this worker).
import { PYODIDE } from "./engine-assets.mjs";

// The very URL the engine worker and Pyodide's loader import (Cache Storage keys on it).
const GLUE = new URL("pyodide.asm.mjs", PYODIDE).href;
// The smallest module the glue's dynamic linker reads: the wasm header and an empty "dylink.0" section.
const DYLINK_ONLY = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, 9, 8, ...new TextEncoder().encode("dylink.0")]);

self.addEventListener("unhandledrejection", (event) => event.preventDefault()); // the linker's, never the reader's concern

function linkNothing(imports, receive) {
  try {
    receive({ exports: {} }, new WebAssembly.Module(DYLINK_ONLY));
  } catch {
    // The expected end: the empty module has no memory to link.
  }
  return {};
}

try {
  const { default: createModule } = await import(GLUE);
  // `API` is what Pyodide's loader (pyodide.mjs) passes in: the least of it the glue reads before linking.
  const API = { runtimeEnv: { IN_BROWSER: true, IN_BROWSER_WEB_WORKER: true }, config: {} };
  createModule({ API, preRun: [], instantiateWasm: linkNothing, print: () => {}, printErr: () => {} }).catch(() => {});
} catch {
  // Not kept, another build, or no module workers: the next visit compiles the glue as it would have.
}
// A macrotask later, so that Chromium's queued code-cache task has run.
setTimeout(() => self.postMessage("primed"), 0);
