// Runs the engine inside real Pyodide on Node (npm `pyodide`), offline: node pyodide_runner.mjs JOB.json
// JOB: {"engine_dir": path of widgets/offer_engine, "calls": [[rubric_json, request_json], ...],
//       "python": optional Python source run after the calls; its last expression must be a str,
//       "lean": optional path of a lean standard-library zip (engine inside, so no engine_dir), with
//       "lock_abi": booted as the widget boots it, on an empty lock that carries only the ABI and
//       with the zip's files unpacked into a folder first on Python's path (lean-stdlib.mjs)}
// Prints JSON on stdout: {"python_version", "outputs": [bridge answers, in order], "python_result"}.
// Used by tests/engine/test_pyodide_parity.py and benchmarks/engine.py.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";
import { leanBoot } from "../../widgets/offer_widget/lean-stdlib.mjs";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const lean = job.lean ? leanBoot(job.lean, job.lock_abi, Promise.resolve(readFileSync(job.lean))) : {};
const py = await loadPyodide({ ...lean, stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
if (job.engine_dir) {
  py.FS.mkdirTree("/engine/offer_engine");
  for (const name of readdirSync(job.engine_dir).filter((n) => n.endsWith(".py"))) {
    py.FS.writeFile(`/engine/offer_engine/${name}`, readFileSync(join(job.engine_dir, name), "utf8"));
  }
  py.runPython("import sys; sys.path.insert(0, '/engine')");
}
const run = py.pyimport("offer_engine.bridge").run;
const outputs = job.calls.map(([rubric, request]) => run(rubric, request));
const python_result = job.python ? py.runPython(job.python) : null;
const python_version = py.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python_version, outputs, python_result }));
