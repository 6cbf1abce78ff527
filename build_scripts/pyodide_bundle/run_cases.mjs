// The built wheel in real Pyodide under Node: JSON requests in, JSON responses out.
//
// Usage: node build_scripts/pyodide_bundle/run_cases.mjs BUNDLE_DIR [REQUESTS_FILE] [--info] [--modules]
//   BUNDLE_DIR     a built site's assets/pyodide/ folder (pyodide.mjs, lock, wheel, bundle.json)
//   REQUESTS_FILE  one JSON request per line (default: stdin); blank lines are skipped
//   --info         first print one line describing the runtime: Python and Pyodide versions,
//                  where each module was loaded from, what was fetched
// Then prints calculators.boundary.handle(request) for each request, one per line, in order.
//   --modules      then raise a Python error into JS (the path a failure would take) and print one
//                  last line: the sorted JSON list of the stdlib zip's members that were imported
//                  (how build_scripts/pyodide_bundle/stdlib-keep.txt is found: make stdlib-keep)
//   --make-snapshot=FILE  make a memory snapshot as the browser does (docs/assets/js/checklist/
//                  snapshot.js: wheel unpacked, every module imported, every checklist parsed),
//                  write its stored form (zero pages dropped, gzip) to FILE, print its size, stop
//   --snapshot=FILE  start Python from FILE's snapshot instead (then no --info: the package's
//                  files are not in a restored file system, only its imported modules)
// Everything comes from BUNDLE_DIR: the loader, the runtime, the lock and our package. Any
// http(s) fetch throws (a tripwire: Pyodide falls back to a CDN when a file is missing).
import fs from "node:fs";
process.on("uncaughtException", (error) => {
  process.stderr.write(`run_cases.mjs: ${error?.message ?? error}\n`);
  process.exit(1);
});
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const wantInfo = args.includes("--info");
const wantModules = args.includes("--modules");
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const makeSnapshotTo = option("make-snapshot");
const snapshotFrom = option("snapshot");
const [bundleArg, requestsArg] = args.filter((a) => !a.startsWith("--"));
if (!bundleArg) throw new Error("usage: run_cases.mjs BUNDLE_DIR [REQUESTS_FILE] [--info]");
const dir = path.resolve(bundleArg) + path.sep; // the trailing separator matters to Pyodide

const fetched = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (resource, ...rest) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  fetched.push(url);
  if (/^https?:/i.test(url)) throw new Error(`Network fetch refused (tripwire): ${url}`);
  return realFetch(resource, ...rest);
};

const bundle = JSON.parse(fs.readFileSync(dir + "bundle.json", "utf8"));
const { loadPyodide } = await import(pathToFileURL(dir + "pyodide.mjs").href);
const snapshots = await import(
  new URL("../../docs/assets/js/checklist/snapshot.js", import.meta.url).href
);
const options = {
  indexURL: dir,
  lockFileURL: dir + "pyodide-lock.json",
  packageBaseUrl: dir, // without it Node falls back to the CDN for packages
  stdout: (s) => process.stderr.write(`[py] ${s}\n`),
  stderr: (s) => process.stderr.write(`[py!] ${s}\n`),
};

if (makeSnapshotTo) {
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  snapshots.prepareForSnapshot(pyodide, new Uint8Array(fs.readFileSync(dir + bundle.wheel)));
  const raw = pyodide.makeMemorySnapshot();
  const stored = new Uint8Array(await (await snapshots.packSnapshot(raw)).arrayBuffer());
  fs.writeFileSync(makeSnapshotTo, stored);
  process.stdout.write(JSON.stringify({ raw: raw.length, stored: stored.length }) + "\n");
  process.exit(0);
}

let pyodide;
if (snapshotFrom) {
  if (wantInfo) throw new Error("--info cannot be used with --snapshot");
  const raw = await snapshots.unpackSnapshot(fs.readFileSync(snapshotFrom));
  pyodide = await loadPyodide({ ...options, _loadSnapshot: raw });
} else {
  pyodide = await loadPyodide(options);
  const loadErrors = [];
  await pyodide.loadPackage(bundle.package, {
    messageCallback: () => {},
    errorCallback: (m) => loadErrors.push(m),
  });
  if (loadErrors.length) throw new Error(`loadPackage(${bundle.package}): ${loadErrors.join("; ")}`);
}

const input = fs.readFileSync(requestsArg ?? 0, "utf8");
const requests = input.split("\n").filter((line) => line.trim() !== "");
const out = [];

if (wantInfo) {
  const info = pyodide.runPython(`
import importlib, importlib.resources, json, sys
# Only modules the trimmed stdlib keeps (no pkgutil): the package's own .pyc files name its modules.
files = importlib.resources.files("calculators").iterdir()
names = ["calculators", *(f"calculators.{f.name[:-4]}" for f in files if f.name.endswith(".pyc") and f.name != "__init__.pyc")]
names += ["json", "tomllib", "dataclasses"]
modules = {}
for name in names:
    module = importlib.import_module(name)
    modules[name] = {"file": module.__file__, "loader": type(module.__spec__.loader).__name__}
json.dumps({
    "python": list(sys.version_info[:3]),
    "modules": modules,
    "package_files": sorted(r.name for r in importlib.resources.files("calculators").iterdir()),
})
`);
  out.push(JSON.stringify({ ...JSON.parse(info), pyodide: pyodide.version, bundle, fetched }));
}

// handle() never raises by contract; if it does, the line says so and the comparison fails.
const boundary = pyodide.pyimport("calculators.boundary");
for (const request of requests) {
  try {
    out.push(boundary.handle(request));
  } catch (error) {
    out.push(JSON.stringify({ raised: String(error.message ?? error) }));
  }
}
boundary.destroy();

if (wantModules) {
  try {
    pyodide.runPython("raise ValueError('an error crossing into JavaScript')");
  } catch (error) {
    if (!String(error.message).includes("an error crossing")) throw error;
  }
  out.push(pyodide.runPython(`
import json, sys
ZIP = "/lib/python313.zip/"
members = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    for where in (getattr(module, "__file__", None), getattr(spec, "origin", None)):
        if isinstance(where, str) and where.startswith(ZIP):
            members.add(where.removeprefix(ZIP))
json.dumps(sorted(members))
`));
}
process.stdout.write(out.map((line) => line + "\n").join(""));
