// Python's memory snapshot, made on this device (Pyodide 0.29.5's private API: loadPyodide's
// `_makeSnapshot` and `_loadSnapshot`, `pyodide.makeMemorySnapshot()`).
//
// A snapshot is Python's memory after start-up with every `calculators` module imported and every
// checklist parsed (calculators/warm.py): public code and data only, made in a short-lived worker
// that never sees an answer. It is kept in Cache Storage (cache SNAPSHOT_CACHE, one entry at
// `<bundle folder>/memory-snapshot`, so under the bundle's key) with the browser's version, and
// restored only by the same bundle in the same browser version (a snapshot restored in another
// engine can crash). Stored: zero pages dropped, then gzip (snapshot format below).
// Used by checklist-worker.js and by build_scripts/pyodide_bundle/run_cases.mjs (Node tests).

export const SNAPSHOT_CACHE = "guidance-python-snapshot";
export const SNAPSHOT_FILE = "memory-snapshot";
const BROWSER_HEADER = "x-browser-version";
const MAGIC = 0x31504e53; // "SNP1"
const PAGE = 65536;
const HEADER_WORDS = 4; // magic, total length, page size, page count

function isZero(bytes) {
  const aligned = bytes.byteOffset % 4 === 0 && bytes.length % 4 === 0;
  const words = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4) : bytes;
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
  return true;
}

/** The heap without its zero pages: header, one byte per page (1 = kept), the kept pages. */
export function dropZeroPages(raw) {
  const pages = Math.ceil(raw.length / PAGE);
  const kept = new Uint8Array(pages);
  const parts = [];
  for (let i = 0; i < pages; i++) {
    const page = raw.subarray(i * PAGE, Math.min(raw.length, (i + 1) * PAGE));
    if (!isZero(page)) {
      kept[i] = 1;
      parts.push(page);
    }
  }
  const header = new Uint32Array([MAGIC, raw.length, PAGE, pages]);
  return [new Uint8Array(header.buffer), kept, ...parts];
}

/** The heap again from dropZeroPages' bytes; throws on anything malformed. */
export function restoreZeroPages(packed) {
  if (packed.length < HEADER_WORDS * 4) throw new Error("snapshot too short");
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const [magic, total, pageSize, pages] = [0, 1, 2, 3].map((i) => view.getUint32(i * 4, true));
  if (magic !== MAGIC || pageSize !== PAGE || pages !== Math.ceil(total / PAGE)) {
    throw new Error("not a snapshot");
  }
  const kept = packed.subarray(HEADER_WORDS * 4, HEADER_WORDS * 4 + pages);
  const raw = new Uint8Array(total);
  let at = HEADER_WORDS * 4 + pages;
  for (let i = 0; i < pages; i++) {
    if (!kept[i]) continue;
    const length = Math.min(PAGE, total - i * PAGE);
    if (at + length > packed.length) throw new Error("snapshot truncated");
    raw.set(packed.subarray(at, at + length), i * PAGE);
    at += length;
  }
  if (at !== packed.length) throw new Error("snapshot has trailing bytes");
  return raw;
}

/** The stored form of a raw snapshot: zero pages dropped, gzip (a Blob). */
export async function packSnapshot(raw) {
  const stream = new Blob(dropZeroPages(raw)).stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).blob();
}

/** The raw snapshot from its stored form (Blob, Response or bytes); throws if it is damaged. */
export async function unpackSnapshot(stored) {
  const body = stored instanceof Response ? stored.body : new Blob([stored]).stream();
  const stream = body.pipeThrough(new DecompressionStream("gzip"));
  return restoreZeroPages(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** Install the wheel's files by unpacking (a snapshot with `loadedPackages` set fails), then
 * import and parse everything the package has: call on a `loadPyodide({_makeSnapshot: true})`. */
export function prepareForSnapshot(pyodide, wheelBytes) {
  const sitePackages = pyodide.runPython(
    "import sys\nnext(p for p in sys.path if p.endswith('site-packages'))",
  );
  pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: sitePackages });
  pyodide.runPython("import importlib\nimportlib.invalidate_caches()");
  const warm = pyodide.pyimport("calculators.warm");
  warm.warm().destroy();
  warm.destroy();
}

/** The browser's version, as exactly as it tells (a snapshot is restored only where it was made). */
export async function browserVersion() {
  let version = (globalThis.navigator && navigator.userAgent) || "unknown";
  try {
    const data = navigator.userAgentData;
    if (data && data.getHighEntropyValues) {
      const { fullVersionList = [] } = await data.getHighEntropyValues(["fullVersionList"]);
      version += ` | ${fullVersionList.map((b) => `${b.brand}/${b.version}`).join(", ")}`;
    }
  } catch {
    // the user agent alone
  }
  return version;
}

/** The stored snapshot for this bundle folder and browser, raw, or null; a stale, foreign or
 * damaged entry is deleted. Never throws. */
export async function readSnapshot(base) {
  try {
    if (!globalThis.caches) return null;
    const url = new URL(SNAPSHOT_FILE, base).href;
    const [cache, version] = await Promise.all([caches.open(SNAPSHOT_CACHE), browserVersion()]);
    for (const request of await cache.keys()) {
      if (request.url !== url) await cache.delete(request); // another bundle's: never again
    }
    const response = await cache.match(url);
    if (!response) return null;
    if (response.headers.get(BROWSER_HEADER) !== version) {
      await cache.delete(url);
      return null;
    }
    try {
      return await unpackSnapshot(response);
    } catch {
      await cache.delete(url);
      return null;
    }
  } catch {
    return null;
  }
}

/** Delete the stored snapshot (it would not restore). Never throws. */
export async function forgetSnapshot() {
  try {
    if (globalThis.caches) await caches.delete(SNAPSHOT_CACHE);
  } catch {
    // nothing to delete
  }
}

/** Keep a raw snapshot for this bundle folder and browser, in place of any other. */
export async function storeSnapshot(base, raw) {
  const url = new URL(SNAPSHOT_FILE, base).href;
  const [blob, version] = await Promise.all([packSnapshot(raw), browserVersion()]);
  const cache = await caches.open(SNAPSHOT_CACHE);
  for (const request of await cache.keys()) await cache.delete(request);
  await cache.put(
    url,
    new Response(blob, {
      headers: { "content-type": "application/octet-stream", [BROWSER_HEADER]: version },
    }),
  );
  return blob.size;
}
