// One Pyodide boot on Node, as the widget's worker does it, timed to the first engine answer.
//   node boot_node.mjs JOB.json   JOB: {"pyodide_dir", "mode": "stock" | "lean", "engine_zip", "lean", "lock_abi", "rubric"}
// stock: the full python_stdlib.zip and the lock file, then the engine zip unpacked (the plain path);
// lean:  the lean zip (engine inside), unpacked into a folder as the worker does (lean-stdlib.mjs),
//        and an empty lock carrying only the ABI.
// Prints {"ms": time from before importing pyodide.mjs to the first bridge.run answer}.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { leanBoot } from "../widgets/offer_widget/lean-stdlib.mjs";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const start = performance.now();
const { loadPyodide } = await import(pathToFileURL(join(job.pyodide_dir, "pyodide.mjs")).href);
const quiet = { stdout: () => {}, stderr: () => {} };
let py;
if (job.mode === "lean") {
  py = await loadPyodide({
    indexURL: job.pyodide_dir + "/",
    ...leanBoot(job.lean, job.lock_abi, Promise.resolve(readFileSync(job.lean))),
    ...quiet,
  });
} else {
  py = await loadPyodide({ indexURL: job.pyodide_dir + "/", ...quiet });
  py.unpackArchive(new Uint8Array(readFileSync(job.engine_zip)), "zip", { extractDir: "/offer_guide" });
  py.runPython("import sys; sys.path.insert(0, '/offer_guide')");
}
const answer = py.pyimport("offer_engine.bridge").run(job.rubric, '{"offers": []}');
if (!answer.startsWith("{")) throw new Error(answer);
process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
