// Runs queries through the theme's own search worker, as a reader's browser does, and prints what
// the search panel would list for each. A developer tool (devtools/search_eval.py, make bench, the
// evaluation test), never part of the site.
//
// Usage: node devtools/search_run.mjs <built edition folder>   (queries as a JSON list on stdin)
// Prints a JSON list: for each query, the result locations in the order the reader meets them.
//
// The worker (assets/javascripts/workers/search.*.min.js, patched by the build) is run unchanged in
// a VM context standing in for a worker's global scope: it receives the same setup message (the
// built search/search_index.json) and query messages the theme's page sends, and answers as it
// would in the browser. THEME INTERNALS: the message numbers (SETUP 0, READY 1, QUERY 2, RESULT 3)
// and the way the page shows a group of results (renderSearchResultItem in Material's
// templates/search/index.tsx, mirrored in shownOrder below) are Material 9's; if the worker stops
// answering as expected this script fails loudly.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

const [site] = process.argv.slice(2);
if (!site) throw new Error("usage: node devtools/search_run.mjs <built edition folder>");
const workers = join(site, "assets", "javascripts", "workers");
const [workerFile] = readdirSync(workers).filter((name) => /^search\..*\.min\.js$/.test(name));
if (!workerFile) throw new Error(`no search worker in ${workers}`);

const listeners = [];
let answer = null;
const scope = {
  console: { ...console, warn: process.env.SEARCH_RUN_WARN ? console.warn : () => {} },
  postMessage: (message) => answer(message),
  addEventListener: (type, listener) => type === "message" && listeners.push(listener),
  importScripts: () => {
    throw new Error("the worker asked for language scripts: only English is expected");
  },
};
scope.self = scope;
vm.createContext(scope);
vm.runInContext(readFileSync(join(workers, workerFile), "utf-8"), scope, { filename: workerFile });

const send = (message) =>
  new Promise((resolve, reject) => {
    answer = resolve;
    if (!listeners.length) reject(new Error("the theme's search worker registered no listener"));
    for (const listener of listeners) listener({ data: message });
  });

// Where the page puts each result (Material's renderSearchResultItem): per group (a page), the
// page's own entry, then the sections scoring as high as the group's best; the rest of the group
// is folded away under "N more on this page" and needs a tap. The page's entry counts as a result
// when it matched the query itself (score above 0), not when the theme adds it only as the
// heading of its sections. Folded results rank after every result shown, in group order.
function shownOrder(groups) {
  const shown = [];
  const folded = [];
  for (const group of groups) {
    const threshold = group[0].score;
    const docs = [...group];
    const parent = docs.findIndex((doc) => !doc.location.includes("#"));
    const [article] = docs.splice(parent, 1);
    let index = docs.findIndex((doc) => doc.score < threshold);
    if (index === -1) index = docs.length;
    if (article.score > 0) shown.push(article.location);
    shown.push(...docs.slice(0, index).map((doc) => doc.location));
    folded.push(...docs.slice(index).map((doc) => doc.location));
  }
  return [...shown, ...folded];
}

const { config, docs } = JSON.parse(readFileSync(join(site, "search", "search_index.json"), "utf-8"));
// As the page sends it (setupSearchWorker): the index, and the theme's search.suggest feature (off).
const ready = await send({ type: SETUP, data: { config, docs, options: { suggest: false } } });
if (ready.type !== READY) throw new Error(`the worker answered setup with ${JSON.stringify(ready)}`);

const queries = JSON.parse(readFileSync(0, "utf-8"));
const out = [];
for (const query of queries) {
  const result = await send({ type: QUERY, data: query });
  if (result.type !== RESULT) throw new Error(`the worker answered a query with type ${result.type}`);
  out.push(shownOrder(result.data.items));
}
process.stdout.write(JSON.stringify(out));
