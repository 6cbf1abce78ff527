// The offline copy checks itself (issue 27). Put at the top of the generated sw.js by
// service_worker.mjs, with PRECACHE (the worker's manifest: url, revision, integrity) defined
// before it, so that its listeners come before Workbox's.
//
// Workbox keeps a precached file under "<url>?__WB_REVISION__=<md5>" and, when a new worker
// installs, reuses whatever is already stored under that key. The key names the expected file but
// does not prove the stored bytes are it: an entry stored with other bytes (a compromised server
// once, or anything else that wrote to Cache Storage) would be served for good. So:
// - install: every entry this worker would reuse is hashed (SHA-384) and compared with the
//   manifest's integrity; one that differs is deleted and fetched again from the network with
//   that integrity (the browser refuses other bytes), and stored. If it cannot be fetched, the
//   install fails: the entry stays deleted, and the new worker is tried again later.
// - activate: every entry is checked again, just before this worker serves anything; one that
//   differs is deleted (a miss: online, Workbox fetches it with its integrity and stores it;
//   offline, the request fails rather than serve other bytes).
// - writes: every copy Workbox stores comes from a fetch made with the manifest's integrity.
// Reads are not hashed (that would cost on every page): between activation and the next
// deployment the copy is as the worker checked it, unless something on this site's own origin
// writes into Cache Storage.
(() => {
  const PRECACHE_NAME = `workbox-precache-v2-${self.registration.scope}`;

  function cacheKey(entry) {
    const url = new URL(entry.url, self.location.href);
    if (entry.revision) url.searchParams.set("__WB_REVISION__", entry.revision);
    return url.href;
  }

  function base64(bytes) {
    let text = "";
    const chunk = 0x8000;
    for (let i = 0; i < bytes.length; i += chunk) {
      text += String.fromCharCode(...bytes.subarray(i, i + chunk));
    }
    return btoa(text);
  }

  async function integrityOf(response) {
    const digest = await crypto.subtle.digest("SHA-384", await response.arrayBuffer());
    return `sha384-${base64(new Uint8Array(digest))}`;
  }

  async function refetch(cache, entry, key) {
    const response = await fetch(
      new Request(new URL(entry.url, self.location.href).href, {
        integrity: entry.integrity,
        cache: "reload",
        credentials: "same-origin",
      }),
    );
    if (!response.ok) throw new Error(`${entry.url}: ${response.status}`);
    await cache.put(key, response);
  }

  // Checks every stored entry of the manifest; a mismatch is deleted, then fetched again when
  // ``repair`` is true. Resolves to the URLs that did not match.
  async function check(repair) {
    if (!(await self.caches.has(PRECACHE_NAME))) return [];
    const cache = await self.caches.open(PRECACHE_NAME);
    const mismatched = [];
    for (const entry of PRECACHE) {
      const key = cacheKey(entry);
      const stored = await cache.match(key);
      if (!stored || (await integrityOf(stored)) === entry.integrity) continue;
      mismatched.push(entry.url);
      await cache.delete(key);
      if (repair) await refetch(cache, entry, key);
    }
    return mismatched;
  }

  self.addEventListener("install", (event) => event.waitUntil(check(true)));
  self.addEventListener("activate", (event) => event.waitUntil(check(false)));
})();
