// Indexes a built edition with Pagefind and runs queries through Pagefind's own search, for the
// comparison in make bench (devtools/search_eval.py). A developer tool, never part of the site.
//
// Usage: node devtools/pagefind_run.mjs <pagefind install folder> <built edition folder> <output folder>
// (queries as a JSON list on stdin). The install folder is where the bench ran `npm ci` on
// devtools/pagefind/package-lock.json. The bundle Pagefind writes (its pagefind.js, wasm, index and
// fragments, as a browser would download them) goes to <output folder>; the search is that bundle's
// pagefind.js, run unchanged in Node, its fetches answered from the output folder.
//
// Prints a JSON list: for each query, the pages Pagefind found in its order, each as
// {url, anchors: [{element, id, location}], words: [{location, score}] (the matched words: their
// positions and Pagefind's balanced scores)}.
// How a reader meets them (the page, then its sub-results) is search_eval.pagefind_order's.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [install, site, output] = process.argv.slice(2);
if (!install || !site || !output) {
  throw new Error("usage: node devtools/pagefind_run.mjs <install> <site> <output>");
}
// Not pages of the guidance: the bench's bare Pyodide page and the assets' folders.
const SKIP = new Set(["assets", "bench-stock", "pagefind", "search"]);

function pages(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !(folder === site && SKIP.has(entry.name))) found.push(...pages(path));
    else if (entry.isFile() && entry.name.endsWith(".html")) found.push(path);
  }
  return found;
}

const indexer = await import(
  pathToFileURL(join(install, "node_modules", "pagefind", "lib", "index.js")).href
);
const { index, errors } = await indexer.createIndex({});
if (errors.length) throw new Error(`pagefind createIndex: ${errors.join("; ")}`);
for (const path of pages(site)) {
  const added = await index.addHTMLFile({
    url: `/${relative(site, path).replace(/index\.html$/, "")}`,
    content: readFileSync(path, "utf-8"),
  });
  if (added.errors.length) throw new Error(`pagefind ${path}: ${added.errors.join("; ")}`);
}
const written = await index.writeFiles({ outputPath: output });
if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join("; ")}`);
await indexer.close();

// What the browser would give pagefind.js: fetch (here from the output folder) and the page's
// language (the site's pages are lang="en"; Pagefind picks its English stemmer from it).
globalThis.fetch = async (input) => {
  const url = new URL(String(input));
  url.search = "";
  return new Response(readFileSync(fileURLToPath(url)));
};
globalThis.document = {
  currentScript: null,
  querySelector: (selector) => (selector === "html" ? { getAttribute: () => "en" } : null),
};
const pagefind = await import(pathToFileURL(join(output, "pagefind.js")).href);
await pagefind.options({ basePath: pathToFileURL(`${output}/`).href });

const queries = JSON.parse(readFileSync(0, "utf-8"));
const out = [];
for (const query of queries) {
  const search = await pagefind.search(query);
  const found = [];
  for (const result of search.results) {
    const data = await result.data();
    found.push({
      url: data.raw_url,
      anchors: data.anchors.map(({ element, id, location }) => ({ element, id, location })),
      words: data.weighted_locations.map((word) => ({
        location: word.location,
        score: word.balanced_score,
      })),
    });
  }
  out.push(found);
}
await pagefind.destroy?.();
process.stdout.write(JSON.stringify(out));
