// Builds the lean standard-library zip in real Pyodide on Node (called by generator/site/lean.py).
//   node lean_build.mjs JOB.json
// JOB: {"pyodide_dir", "engine_dir", "calls": [[rubric_json, request_json], ...], "out": folder,
//       "unpacker": path of widgets/offer_widget/lean-stdlib.mjs}
// 1. Boots the stock runtime, imports the engine and runs every call: sys.modules then names
//    every standard-library module that start-up and the engine's code paths import.
// 2. Finds those that are only probed for (generator/site/lean_probes.py), such as shutil's bz2.
// 3. Compiles the modules and the whole engine with Pyodide's own Python (its magic number)
//    into unchecked-hash .pyc files at optimize=2 (no docstrings or asserts), zipped inside Pyodide
//    with sorted entries and fixed dates, so the same inputs give the same bytes on any host. The
//    entries are stored, not deflated: the site serves the zip as a zlib twin
//    (generator/site/packed.py), which packs stored .pyc files to 0.80 MB against 0.89 MB for
//    deflated ones, and imports then read their bytes with no inflating.
// 4. Boots from that zip alone, without the probed-for modules, as the widget boots (an empty lock
//    file, and the zip's files written out as a folder Python imports from), reruns every call and compares each answer and all of Python's output with the stock
//    runtime's. If they differ, or Python fails for want of one of those modules, they all go back
//    in and the boot is repeated.
// 5. Fails unless the zip kept answers every call byte-identically, read no source file and
//    imported every module from the folder.
// Writes OUT/python_stdlib.zip and OUT/modules.json; exit status 1 with a message on stderr otherwise.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const indexURL = job.pyodide_dir.endsWith("/") ? job.pyodide_dir : job.pyodide_dir + "/";
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const { leanBoot } = await import(pathToFileURL(job.unpacker).href);
// Each runtime's stdout and stderr, kept to compare: a module's absence may show only there (a warning).
function captured() {
  const lines = [];
  return { lines, streams: { stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) } };
}

// Where Pyodide mounts its standard library, whatever URL it came from.
const STDLIB = "/lib/python314.zip/";

// Which modules came from the standard-library zip: frozen and built-in ones need no file.
const LOADED_FROM_ZIP = `
import json, sys
json.dumps(sorted(
    m.__spec__.origin.removeprefix(${JSON.stringify(STDLIB)})
    for m in list(sys.modules.values())
    if getattr(m, "__spec__", None) is not None and isinstance(m.__spec__.origin, str)
    and m.__spec__.origin.startswith(${JSON.stringify(STDLIB)})
))`;

function runAll(py) {
  const run = py.pyimport("offer_engine.bridge").run;
  return job.calls.map(([rubric, request]) => run(rubric, request));
}

// 1. Stock runtime, engine from its source files. PYTHONNODEBUGRANGES: the code it compiles in step 3
//    keeps line numbers but not column ranges (tracebacks lose only their ^^^ markers), which makes
//    the .pyc files a tenth smaller and their packed twin smaller still.
const stockOutput = captured();
const stock = await loadPyodide({ indexURL, ...stockOutput.streams, env: { PYTHONNODEBUGRANGES: "1" } });
if (!stock.runPython("import sys; sys.version").startsWith("3.14")) throw new Error("expected Python 3.14");
const engineFiles = readdirSync(job.engine_dir).filter((n) => n.endsWith(".py")).sort();
stock.FS.mkdirTree("/engine/offer_engine");
for (const name of engineFiles) {
  stock.FS.writeFile(`/engine/offer_engine/${name}`, readFileSync(join(job.engine_dir, name)));
}
stock.runPython("import sys; sys.path.insert(0, '/engine')");
const expected = runAll(stock);
const expectedOutput = stockOutput.lines.join("\n");
const modules = JSON.parse(stock.runPython(LOADED_FROM_ZIP));

// 2. The modules only probed for, from the sources of every module loaded and of the engine. Should
//    reading them fail, none are left out: the zip is then only larger.
stock.globals.set("MODULES", stock.toPy(modules));
stock.globals.set("ENGINE_FILES", stock.toPy(engineFiles));
let probed = [];
try {
  stock.runPython(readFileSync(new URL("lean_probes.py", import.meta.url), "utf8"));
  probed = JSON.parse(stock.runPython(`
import json, zipfile
with zipfile.ZipFile(${JSON.stringify(STDLIB.replace(/\/$/, ""))}) as stock_zip:
    sources = {name: stock_zip.read(name) for name in MODULES}
for name in ENGINE_FILES:
    with open("/engine/offer_engine/" + name, "rb") as f:
        sources["offer_engine/" + name] = f.read()
names = set(probed_only(sources))
json.dumps([path for path in MODULES if module_name(path) in names])`));
} catch (error) {
  process.stderr.write(`lean runtime: no module is left out, finding the probed-for ones failed: ${error.message}\n`);
}

// 3. Compile and zip, inside the same Pyodide.
stock.runPython(`
import io, os, py_compile, zipfile
STDLIB = ${JSON.stringify(STDLIB)}

def compiled(source: bytes, name: str) -> bytes:
    # dfile: tracebacks name the module where the stock runtime has it.
    src, pyc = "/lean/src.py", "/lean/out.pyc"
    with open(src, "wb") as f:
        f.write(source)
    py_compile.compile(src, pyc, dfile=STDLIB + name, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH, optimize=2)
    with open(pyc, "rb") as f:
        return f.read()

def lean_zip(modules) -> bytes:
    os.makedirs("/lean", exist_ok=True)
    entries = {}
    with zipfile.ZipFile(STDLIB.rstrip("/")) as stock_zip:
        for name in modules:
            entries[name + "c"] = compiled(stock_zip.read(name), name)
    for name in ENGINE_FILES:
        with open("/engine/offer_engine/" + name, "rb") as f:
            entries["offer_engine/" + name + "c"] = compiled(f.read(), "offer_engine/" + name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as lean:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_STORED
            lean.writestr(info, entries[name])
    return buffer.getvalue()
`);
const leanPath = join(job.out, "python_stdlib.zip");

// 4. The lean runtime alone, booted as the widget boots it: no source files, an empty lock that
//    carries only the ABI (the manifest's LOCK_ABI), so no lock file is downloaded, and the zip's
//    files written out as a folder first on Python's path (lean-stdlib.mjs, leanBoot).
const lock = JSON.parse(readFileSync(join(indexURL, "pyodide-lock.json"), "utf8"));
async function bootLean(names) {
  const bytes = stock.globals.get("lean_zip")(stock.toPy(names)).toJs();
  writeFileSync(leanPath, bytes);
  const output = captured();
  const lean = await loadPyodide({
    indexURL,
    ...leanBoot(leanPath, lock.info.abi_version, Promise.resolve(bytes)),
    ...output.streams,
  });
  const got = runAll(lean);
  // Modules read from source, and modules read from the zip itself rather than from its folder.
  const { source, zip } = JSON.parse(lean.runPython(`
import json, sys
origins = {n: m.__spec__.origin for n, m in list(sys.modules.items())
    if isinstance(getattr(getattr(m, "__spec__", None), "origin", None), str)}
json.dumps({"source": sorted(n for n, o in origins.items() if o.endswith(".py")),
    "zip": sorted(n for n, o in origins.items() if o.startswith(${JSON.stringify(STDLIB)}))})`));
  return { got, strays: source, fromZip: zip, output: output.lines.join("\n") };
}

/** Python failed for want of a module: an ImportError, raised during the boot or a call. */
function wantsModule(error) {
  return /\b(ModuleNotFoundError|ImportError)\b/.test(String(error?.message));
}

// Without the probed-for modules first. Any failure but Python's for want of a module (say, out of
// memory) fails the build, to be retried: falling back on it would give other bytes for the same inputs.
const trimmed = modules.filter((name) => !probed.includes(name));
let kept = modules;
let booted = null;
if (trimmed.length < modules.length) {
  const trial = await bootLean(trimmed).catch((error) => {
    if (wantsModule(error)) return null;
    throw error;
  });
  if (trial && trial.output === expectedOutput && trial.got.every((answer, i) => answer === expected[i])) {
    [kept, booted] = [trimmed, trial];
  }
}
booted ??= await bootLean(kept);

// 5. The check: every answer byte-identical to the stock runtime's, nothing read from source, and
// nothing read from the zip but through its folder.
const { got, strays, fromZip } = booted;
const differ = got.findIndex((answer, i) => answer !== expected[i]);
if (differ >= 0) {
  process.stderr.write(`lean runtime answers call ${differ} differently:\n${got[differ]}\nstock:\n${expected[differ]}\n`);
  process.exit(1);
}
if (strays.length) {
  process.stderr.write(`lean runtime imported source files: ${strays.join(", ")}\n`);
  process.exit(1);
}
if (fromZip.length) {
  process.stderr.write(`lean runtime imported from the zip, not from its folder: ${fromZip.join(", ")}\n`);
  process.exit(1);
}
// left_out: what the widget's boot does without (empty when the modules went back in).
writeFileSync(
  join(job.out, "modules.json"),
  JSON.stringify({ stdlib: kept, left_out: modules.filter((name) => !kept.includes(name)), engine: engineFiles.map((n) => "offer_engine/" + n) }, null, 1) + "\n",
);
