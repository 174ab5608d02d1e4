// The lean standard library as a folder of files, not a zip, when Python starts.
//
// Why: Python imports a module from a zip with zipimport, which is pure Python, and reads and
// unmarshals every module twice (once for its spec's file name, zipimporter.get_filename, and once
// to run it). From a folder, the spec costs a name lookup. Interleaved, cold, 6 runs each, the
// scoring page's first verdict went from 2946 to 2206 ms (medians) in WebKitGTK and stayed at
// 1.19 s in Chromium; on Node, Pyodide's boot went from 358 to 322 ms (10 runs each).
//
// Pyodide still writes the zip to its file system (its `stdLibURL`), and Python keeps it on its
// path after the folder: should the folder not be written (a zip this module does not take, say),
// every import comes from the zip as before. The folder holds the zip's own bytes, so a memory
// snapshot taken with it (boot-snapshot.mjs) meets the same files on the next visit, and Python's
// cached listing of the folder renews itself there (the folder's time of change is new).
//
// Used by the engine's worker (engine-worker.mjs) and by the Node runs that build, test and time
// the lean runtime as the worker boots it (generator/site/lean_build.mjs,
// tests/engine/pyodide_runner.mjs, benchmarks/boot_node.mjs): see leanBoot.

/** Where the zip's files are written: first on Python's path (PYTHONPATH comes before the zip). */
export const LEAN_DIR = "/lib/lean";

/**
 * `loadPyodide` options for a lean boot, the one set the worker and the Node runs share: the lean
 * zip at `stdLibURL` as the standard library, an empty lock that carries only the ABI (the
 * manifest's LOCK_ABI), so no lock file is downloaded, and, given `zipBytes` (a promise of the very
 * bytes at `stdLibURL`), the zip's files written into LEAN_DIR before Python starts.
 */
export function leanBoot(stdLibURL, abi, zipBytes = null) {
  const lock = { info: { abi_version: abi }, packages: {} };
  return { stdLibURL, lockFileContents: lock, ...(zipBytes ? folderFirst(zipBytes) : {}) };
}

/** Options that write the zip's files into LEAN_DIR; a zip writeStoredZip does not take leaves Python importing from the zip. */
function folderFirst(zipBytes) {
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
 * Write each file of a zip whose entries are stored (not compressed: generator/site/lean_build.mjs
 * makes it so) under `dir` in Pyodide's file system `FS`. Every entry is checked before any is
 * written: a folder holding only part of a package would hide the rest of it, in the zip, from
 * Python. Throws on anything else, with nothing written.
 */
export function writeStoredZip(FS, bytes, dir) {
  const files = storedFiles(bytes);
  const made = new Set();
  for (const [name, data] of files) {
    const path = `${dir}/${name}`;
    const parent = path.slice(0, path.lastIndexOf("/"));
    if (!made.has(parent)) {
      FS.mkdirTree(parent);
      made.add(parent);
    }
    FS.writeFile(path, data);
  }
}

/** `[name, bytes]` of each file in a zip of stored entries with no archive comment; throws on any other. */
function storedFiles(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  const within = (at, length, what) => {
    if (at + length > bytes.length) throw new Error(`${what} runs past the end`);
  };
  // The end record is the last 22 bytes: the lean zip carries no archive comment.
  const end = bytes.length - 22;
  if (end < 0 || u32(end) !== END) throw new Error("not a zip without a comment");
  const names = new TextDecoder("utf-8", { fatal: true });
  const files = [];
  let at = u32(end + 16);
  for (let left = u16(end + 10); left > 0; left--) {
    within(at, 46, "the central directory");
    if (u32(at) !== CENTRAL) throw new Error("damaged central directory");
    const [method, size, nameLength, local] = [u16(at + 10), u32(at + 20), u16(at + 28), u32(at + 42)];
    within(at + 46, nameLength, "a name");
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (method !== 0) throw new Error(`${name} is compressed`);
    within(local, 30, `${name}'s local header`);
    if (u32(local) !== LOCAL) throw new Error(`${name}: damaged local header`);
    if (name.endsWith("/")) continue;
    if (!name || name.startsWith("/") || name.split("/").includes("..")) throw new Error(`${name}: outside the folder`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    within(start, size, name);
    files.push([name, bytes.subarray(start, start + size)]);
  }
  return files;
}
