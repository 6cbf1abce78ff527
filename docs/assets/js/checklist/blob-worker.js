// Every checklist worker is made the same way: from a blob: URL whose one line imports the real
// script by its absolute address. A worker made from a blob: URL runs under the policy of whoever
// made it (the page's Content Security Policy is inherited, a meta tag's too; a nested worker
// inherits its parent's), so the code that receives answers cannot reach another site on any
// host. A blob worker's own base URL is blob:, so the real script finds everything from its own
// import.meta.url. Used by checklist/worker-client.js and checklist-worker.js (the snapshot
// maker); checklist-early.js does the same inline, to start without another request.

/** A module worker running `script` (an absolute URL); returns it and its blob: URL to revoke. */
export function blobWorker(script, options = {}) {
  const source = `import ${JSON.stringify(String(script))};\n`;
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  return { worker: new Worker(url, { type: "module", ...options }), url };
}
