// Generates the offline service worker of one built edition with Workbox's generateSW.
//
// Reads the options from build_scripts/offline/service_worker.py as JSON on stdin (globDirectory: the
// edition's folder; swDest: a file in a temporary folder, which Python then copies into the site,
// so that the hook writes every file in one place), adds the parts that must be JavaScript, and
// prints {count, size, warnings, files} as JSON on stdout.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateSW } from "workbox-build";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf-8"));
}

const { fallbackURL, permanent, earlier, ...options } = await readStdin();

// Every precached entry carries its file's sha384 (subresource integrity). Workbox then repairs
// its own copy: an entry missing from the cache (storage pressure, a browser clearing part of it)
// is fetched again when next needed online, checked against that hash, and put back. The same
// hashes let the worker check the entries it reuses (verify_copy.js): kept here for it.
let precached = [];
async function withIntegrity(entries) {
  const manifest = await Promise.all(
    entries.map(async (entry) => {
      const file = path.join(options.globDirectory, decodeURIComponent(entry.url));
      const digest = createHash("sha384").update(await readFile(file)).digest("base64");
      return { ...entry, integrity: `sha384-${digest}` };
    }),
  );
  precached = manifest.map(({ url, revision, integrity }) => ({ url, revision, integrity }));
  return { manifest, warnings: [] };
}

// A route matcher for requests under one of ``folders`` of the worker's scope ("1/…"), and for
// navigations only or other requests only. Built with Function because Workbox copies a
// matcher's source text into sw.js: the folder names must be in that text, not in a closure.
function under(folders, navigate) {
  const pattern = JSON.stringify(`^(?:${folders.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})/`);
  return new Function(
    "context",
    `const scope = self.registration.scope, href = context.url.href;
     return href.startsWith(scope) && new RegExp(${pattern}).test(href.slice(scope.length))
       && (context.request.mode === "navigate") === ${navigate};`,
  );
}

// Offline, the latest edition's permanent folder ("1/assessment/", the address copied links use)
// is answered from the precached copy of the same file in "latest/". A plugin's source is copied
// into sw.js too: it uses nothing but its arguments and the worker's scope.
const fromLatestCopy = {
  handlerDidError: async ({ request }) => {
    const scope = self.registration.scope;
    const url = new URL(request.url);
    const inside = (url.origin + url.pathname).slice(scope.length);
    let copy = new URL("latest/" + inside.slice(inside.indexOf("/") + 1), scope).href;
    if (copy.endsWith("/")) copy += "index.html";
    // Precached entries are stored as "…?__WB_REVISION__=…": match without the query.
    return (await caches.match(copy, { ignoreSearch: true })) || undefined;
  },
};

// An older edition's page is kept under its address without the query: a link made when search
// results opened "page/?h=term" must not leave the term stored with the page (issue 14 item 4).
const withoutQuery = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url);
    url.search = "";
    return url.href;
  },
};

const notFound = fallbackURL ? { precacheFallback: { fallbackURL } } : {};
const editionRoutes = [];
if (permanent) {
  editionRoutes.push(
    { urlPattern: under([permanent], true), handler: "NetworkOnly",
      options: { plugins: [fromLatestCopy], ...notFound } },
    { urlPattern: under([permanent], false), handler: "NetworkOnly",
      options: { plugins: [fromLatestCopy] } },
  );
}
if (earlier.length) {
  // Older editions: online-only unless visited. What the reader opens is kept (network first,
  // so online they always get the server's copy) and answers offline.
  const cacheName = "guidance-earlier-editions";
  editionRoutes.push(
    { urlPattern: under(earlier, true), handler: "NetworkFirst",
      options: { cacheName, plugins: [withoutQuery], ...notFound } },
    { urlPattern: under(earlier, false), handler: "NetworkFirst",
      options: { cacheName, plugins: [withoutQuery] } },
  );
}

const result = await generateSW({
  ...options,
  manifestTransforms: [withIntegrity],
  // The Workbox runtime goes inside sw.js: nothing from a CDN, no second file to deploy.
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  // "/assessment/" is served from the precached "assessment/index.html".
  directoryIndex: "index.html",
  // Only tracking parameters and the search term of an old result link (?h=) are ignored; our
  // pages take no other.
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^h$/],
  // A new build's worker waits until the reader chooses to reload (the update notice), so a
  // checklist's unsaved answers are never lost behind their back; the first one takes control
  // at once so that the page that installed it works offline without a reload.
  skipWaiting: false,
  clientsClaim: true,
  // Entries of an older Workbox precache format are deleted; entries of an older build in the
  // current format are replaced by revision when the new worker activates.
  cleanupOutdatedCaches: true,
  // Offline, a page that is not in the precache gets the site's own "not found" page instead of
  // the browser's error. Online, the network answers as if there were no worker.
  runtimeCaching: [
    ...editionRoutes,
    ...(fallbackURL
      ? [
        {
          urlPattern: ({ request }) => request.mode === "navigate",
          handler: "NetworkOnly",
          options: { precacheFallback: { fallbackURL } },
        },
      ]
      : []),
  ],
});

// The check of the offline copy goes first in sw.js, so that its install and activate listeners
// run before Workbox's (verify_copy.js says what it checks and when).
const verifyCopy = await readFile(new URL("./verify_copy.js", import.meta.url), "utf-8");
const generated = await readFile(options.swDest, "utf-8");
await writeFile(
  options.swDest,
  `const PRECACHE = ${JSON.stringify(precached)};\n${verifyCopy}\n${generated}`,
  "utf-8",
);

process.stdout.write(
  JSON.stringify({
    count: result.count,
    size: result.size,
    warnings: result.warnings,
    files: result.filePaths,
  }),
);
