// The engine's home: a module worker that boots Pyodide from our own site, unpacks the engine zip
// and answers "run" messages, so the page never freezes while Python starts or scores.
// Messages in:  {type: "boot", pyodide, engine, rubric}  then  {type: "run", id, request}
// Messages out: {type: "phase", phase} · {type: "ready"} · {type: "failed", reason} · {type: "result", id, text}

let runEngine = null;
let rubricText = null;

function report(message) {
  self.postMessage(message);
}

/**
 * Pyodide's JS glue needs eval. Under a policy without 'unsafe-eval' it does not fail but hangs, at
 * a varying step, and no violation event reaches the worker; so ask first, in one synchronous line.
 */
function evalAllowed() {
  try {
    return new Function("return true")();
  } catch {
    return false;
  }
}

async function fetchOk(url, as) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return as === "text" ? response.text() : response.arrayBuffer();
}

async function boot({ pyodide: indexURL, engine, rubric }) {
  if (typeof WebAssembly !== "object") throw Object.assign(new Error("no WebAssembly"), { reason: "wasm" });
  if (!evalAllowed()) throw Object.assign(new Error("eval is blocked"), { reason: "csp" });
  // The engine and rubric download while the runtime boots.
  const engineZip = fetchOk(engine, "bytes");
  const rubricJson = fetchOk(rubric, "text");
  // Awaited below; until then a failed download must not count as an unhandled rejection.
  engineZip.catch(() => {});
  rubricJson.catch(() => {});
  report({ type: "phase", phase: "runtime" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const py = await loadPyodide({ indexURL, packages: [], stdout: () => {}, stderr: () => {} });
  report({ type: "phase", phase: "engine" });
  py.unpackArchive(await engineZip, "zip", { extractDir: "/offer_guide" });
  py.runPython("import sys; sys.path.insert(0, '/offer_guide')");
  runEngine = py.pyimport("offer_engine.bridge").run;
  rubricText = await rubricJson;
  runEngine(rubricText, '{"offers": []}'); // warm the imports once, before the reader waits on them
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    try {
      await boot(message);
      report({ type: "ready" });
    } catch (error) {
      report({ type: "failed", reason: error.reason || "boot", detail: String(error && error.message) });
    }
  } else if (message.type === "run") {
    let text;
    try {
      text = runEngine(rubricText, message.request);
    } catch (error) {
      text = JSON.stringify({ ok: false, crashed: true, problems: [{ field: "", message: String(error && error.message) }] });
    }
    report({ type: "result", id: message.id, text });
  }
});
