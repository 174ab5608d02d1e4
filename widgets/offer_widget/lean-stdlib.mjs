// The lean standard library as a folder of files, not a zip, when Python starts.
//
// Why: Python imports a module from a zip with zipimport, which is pure Python, and reads and
// unmarshals every module twice (once for its spec's file name, zipimporter.get_filename, and once
// to run it). From a folder, the spec costs a name lookup. Interleaved, cold, 6 runs each, the
// scoring page's first verdict went from 2946 to 2206 ms (medians) in WebKitGTK and stayed at
// 1.19 s in Chromium; on Node, Pyodide's boot went from 358 to 322 ms (10 runs each).
//
// Pyodide still writes the zip to its file system (its `stdLibURL`), and Python keeps it on its
// path after the folder: should the folder be missing a file, or not be written at all, the
// import comes from the zip as before. The folder holds the zip's own bytes, so a memory snapshot
// taken with it (boot-snapshot.mjs) meets the same files on the next visit.
//
// Used by the engine's worker (engine-worker.mjs) and by the Node runs that test and time the
// lean runtime as the worker boots it (tests/engine/pyodide_runner.mjs, benchmarks/boot_node.mjs).

/** Where the zip's files are written: first on Python's path (PYTHONPATH comes before the zip). */
export const LEAN_DIR = "/lib/lean";

/**
 * Options for `loadPyodide` that write the lean zip's files into LEAN_DIR before Python starts.
 * `zipBytes`: a promise of the zip's bytes, the very ones Pyodide is given as its standard library.
 * A failure leaves Python importing from the zip, which is what it did before this existed.
 */
export function unpackedStdlib(zipBytes) {
  return {
    env: { PYTHONPATH: LEAN_DIR },
    // Pyodide awaits this (as a run dependency) before Python starts.
    fsInit: async (FS) => {
      try {
        writeStoredZip(FS, new Uint8Array(await zipBytes), LEAN_DIR);
      } catch {
        // the zip is on Python's path too
      }
    },
  };
}

const END = 0x06054b50; // end of central directory
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Write each file of a zip whose entries are stored (not compressed: generator/site/lean.py makes
 * it so) under `dir` in Pyodide's file system `FS`. Throws on anything else, after which the
 * files already written are whole and the same as the zip's.
 */
export function writeStoredZip(FS, bytes, dir) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  // The end record is the last 22 bytes: the lean zip carries no archive comment.
  const end = bytes.length - 22;
  if (end < 0 || u32(end) !== END) throw new Error("not a zip without a comment");
  const names = new TextDecoder("utf-8", { fatal: true });
  const made = new Set();
  let at = u32(end + 16);
  for (let left = u16(end + 10); left > 0; left--) {
    if (u32(at) !== CENTRAL) throw new Error("damaged central directory");
    const [method, size, nameLength] = [u16(at + 10), u32(at + 20), u16(at + 28)];
    const local = u32(at + 42);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (method !== 0) throw new Error(`${name} is compressed`);
    if (u32(local) !== LOCAL) throw new Error(`${name}: damaged local header`);
    if (name.endsWith("/")) continue;
    if (name.startsWith("/") || name.split("/").includes("..")) throw new Error(`${name}: outside the folder`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + size > bytes.length) throw new Error(`${name} runs past the end`);
    const path = `${dir}/${name}`;
    const parent = path.slice(0, path.lastIndexOf("/"));
    if (!made.has(parent)) {
      FS.mkdirTree(parent);
      made.add(parent);
    }
    FS.writeFile(path, bytes.subarray(start, start + size));
  }
}
