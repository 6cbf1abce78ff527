// Generates the offline service worker of one built edition with Workbox's generateSW.
//
// Reads the options from build_scripts/service_worker.py as JSON on stdin (globDirectory: the
// edition's folder; swDest: a file in a temporary folder, which Python then copies into the site,
// so that the hook writes every file in one place), adds the parts that must be JavaScript, and
// prints {count, size, warnings, files} as JSON on stdout.
import { generateSW } from "workbox-build";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf-8"));
}

const { fallbackURL, ...options } = await readStdin();

const result = await generateSW({
  ...options,
  // The Workbox runtime goes inside sw.js: nothing from a CDN, no second file to deploy.
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  // "/assessment/" is served from the precached "assessment/index.html".
  directoryIndex: "index.html",
  // Only tracking parameters are ignored; our pages take none.
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/],
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
  runtimeCaching: fallbackURL
    ? [
        {
          urlPattern: ({ request }) => request.mode === "navigate",
          handler: "NetworkOnly",
          options: { precacheFallback: { fallbackURL } },
        },
      ]
    : [],
});

process.stdout.write(
  JSON.stringify({
    count: result.count,
    size: result.size,
    warnings: result.warnings,
    files: result.filePaths,
  }),
);
