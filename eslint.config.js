// ESLint (flat config): the site's browser modules, the one classic script, and Node's .mjs files.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", ".site.new/", "build/", "docs/assets/js/vendor/", ".venv/"] },
  js.configs.recommended,
  {
    files: ["docs/assets/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["docs/assets/js/checklist-worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // Runs before the theme's bundle: a classic script (overrides/main.html).
    files: ["docs/assets/js/search-on-demand.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["**/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.node } },
  },
  {
    // Its plugin's source is copied into the generated service worker, where these are defined.
    files: ["build_scripts/offline/service_worker.mjs"],
    languageOptions: { globals: { self: "readonly", caches: "readonly" } },
  },
  {
    // Put at the top of the generated service worker, after the manifest it checks (PRECACHE).
    files: ["build_scripts/offline/verify_copy.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.serviceworker, PRECACHE: "readonly" },
    },
  },
  {
    // The site's scripts make elements and set their text: no string ever becomes markup or code
    // (the reason Trusted Types would add nothing for our own code; see docs/threat-model.md).
    files: ["docs/assets/js/**/*.js"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML", "insertAdjacentHTML", "createContextualFragment", "parseFromString"]
          .map((property) => ({ property, message: "Build elements with el() and set textContent." })),
        { object: "document", property: "write", message: "Build elements with el()." },
        { object: "document", property: "writeln", message: "Build elements with el()." },
      ],
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-eval": "error",
    },
  },
  {
    rules: {
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];
