// Runs the engine inside real Pyodide on Node (npm `pyodide`), offline: node pyodide_runner.mjs JOB.json
// JOB: {"engine_dir": path of widgets/offer_engine, "calls": [[rubric_json, request_json], ...],
//       "python": optional Python source run after the calls; its last expression must be a str}
// Prints JSON on stdout: {"python_version", "outputs": [bridge answers, in order], "python_result"}.
// Used by tests/engine/test_pyodide_parity.py and benchmarks/engine.py.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const py = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
py.FS.mkdirTree("/engine/offer_engine");
for (const name of readdirSync(job.engine_dir).filter((n) => n.endsWith(".py"))) {
  py.FS.writeFile(`/engine/offer_engine/${name}`, readFileSync(join(job.engine_dir, name), "utf8"));
}
py.runPython("import sys; sys.path.insert(0, '/engine')");
const run = py.pyimport("offer_engine.bridge").run;
const outputs = job.calls.map(([rubric, request]) => run(rubric, request));
const python_result = job.python ? py.runPython(job.python) : null;
const python_version = py.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python_version, outputs, python_result }));
