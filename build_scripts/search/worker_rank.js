// The site's additions to the theme's search worker (prepended to it by
// build_scripts/search/worker_patch.py, whose patches call these functions). Runs in the worker's
// scope, where the theme defines `lunr`; nothing here reaches the network or the page.
//
// - query(text): the words typed, each with the forms it may take in the guidance: its stem, and,
//   for a word of five letters or more that no word of the guidance has or begins with, the
//   guidance's words one typo away from it (a letter missing, extra, changed or two swapped).
// - alternatives(term): the query terms lunr is given for one typed term (the theme gave `term*`).
// - matched(query, keys): which typed words a result holds (the theme compared unstemmed words
//   with the index's stemmed ones, so "conferences" never counted as found in "confer").
// - nearness(query, doc): a factor for a result holding the words typed as one phrase, or close
//   together, compared as stems on the separator lunr uses (so "self care" is "self-care").
// - own(location): whether an entry is the site's own, a paragraph or a glossary term (a result
//   of its own, whose text the theme highlights whole for teaser to choose from).
// - teaser(query, doc, text): what a paragraph's or term's result shows: of its pieces (one <p>
//   each: a sentence, a list entry, as the build wrote them; the theme's highlighting in them),
//   the one holding most of the words typed (then the phrase, then the first), and the names'
//   paragraph beside it when a word typed is only another name of a term the piece mentions
//   (found_as, from the build). Nothing is made from the text here: pieces are chosen, whole.
/* global lunr */

globalThis.GuidanceSearch = (() => {
  "use strict"; // here only: the theme's code after this file stays as it was
  const PHRASE = 1000; // every word typed, in order, adjacent
  const NEAR = 20; // every word typed (but stop words) within a few words of each other
  const NEAR_SLACK = 2; // how many other words "a few" allows between them
  const TYPO_FROM = 5; // letters a word needs before one typo is tolerated
  const NUMBER = /^\d+(\.\d+)+$/;

  let vocabulary = new Set(); // the surface words of every entry, lower case
  let prefixes = new Set(); // every beginning of those words, for a word still being typed
  const stems = new Map(); // a document's text as a list of stems, made on first need

  const plain = (html) => (html || "").replace(/<[^>]+>/g, " ");
  const words = (text) =>
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'") // curly apostrophes as typed ones: “it’s only images”
      .split(lunr.tokenizer.separator)
      .map((word) => word.replace(/^\W+/, "").replace(/\W+$/, ""))
      .filter(Boolean);
  const stem = (word) => lunr.stemmer(new lunr.Token(word)).toString();
  const isStopWord = (word) => lunr.stopWordFilter(new lunr.Token(word)) === undefined;

  function setup(docs) {
    vocabulary = new Set();
    prefixes = new Set();
    stems.clear();
    for (const doc of docs)
      for (const word of words(`${plain(doc.title)} ${plain(doc.text)}`)) {
        if (vocabulary.has(word)) continue;
        vocabulary.add(word);
        for (let end = 1; end < word.length; end++) prefixes.add(word.slice(0, end));
      }
  }

  // Every word one typo from `word`: deleted, inserted, substituted or swapped letters.
  function oneTypo(word) {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const found = new Set();
    for (let i = 0; i <= word.length; i++) {
      const [head, tail] = [word.slice(0, i), word.slice(i)];
      if (tail) found.add(head + tail.slice(1));
      if (tail.length > 1) found.add(head + tail[1] + tail[0] + tail.slice(2));
      for (const letter of letters) {
        found.add(head + letter + tail);
        if (tail) found.add(head + letter + tail.slice(1));
      }
    }
    found.delete(word);
    return [...found].filter((candidate) => vocabulary.has(candidate));
  }

  function corrections(word) {
    if (word.length < TYPO_FROM || NUMBER.test(word)) return [];
    if (vocabulary.has(word) || prefixes.has(word)) return [];
    return oneTypo(word);
  }

  function query(text) {
    const typed = words(text).filter((word) => !/^[+-]|[~^*]/.test(word));
    const all = typed.map((word) => {
      const forms = NUMBER.test(word) ? [word] : [word, ...corrections(word)];
      return { word, stems: forms.map(stem), stop: isStopWord(word) };
    });
    const content = all.filter((entry) => !entry.stop);
    return { all, content: content.length ? content : all };
  }

  function alternatives(term) {
    if (/^[+-]|[~^]\d+$/.test(term) || NUMBER.test(term)) return term;
    const fixed = corrections(term.toLowerCase());
    return [term, `${term}*`, ...fixed].join(" ");
  }

  const holds = (entry, key) => entry.stems.some((s) => key === s || key.startsWith(s));

  function matched(q, keys) {
    const found = {};
    for (const entry of q.content) found[entry.word] = keys.some((key) => holds(entry, key));
    return found;
  }

  function docStems(doc) {
    if (!stems.has(doc.location))
      stems.set(doc.location, words(plain(doc.text) || plain(doc.title)).map(stem));
    return stems.get(doc.location);
  }

  // Whether `seq` appears in `tokens` word after word (each place taking any of its stems).
  function phraseIn(tokens, seq) {
    for (let i = 0; i + seq.length <= tokens.length; i++)
      if (seq.every((entry, j) => entry.stems.includes(tokens[i + j]))) return true;
    return false;
  }

  // The fewest words holding every entry of `wanted` (any order), or Infinity.
  function span(tokens, wanted) {
    const last = new Array(wanted.length).fill(-Infinity);
    let best = Infinity;
    tokens.forEach((token, i) => {
      wanted.forEach((entry, j) => {
        if (holds(entry, token)) last[j] = i;
      });
      const first = Math.min(...last);
      if (first > -Infinity) best = Math.min(best, i - first + 1);
    });
    return best;
  }

  function nearness(q, doc) {
    if (!doc || q.content.length < 2) return 1;
    const tokens = docStems(doc);
    if (q.all.length > 1 && phraseIn(tokens, q.all)) return PHRASE;
    if (span(tokens, q.content) <= q.content.length + NEAR_SLACK) return NEAR;
    return 1;
  }

  const OWN = /#(\d+(\.\d+)+|glossary-[\w-]+)$/;
  const own = (location) => OWN.test(location || "");
  const PIECE = /<p>[\s\S]*?<\/p>/g; // the build's pieces: <p> with escaped text, never nested

  // How well a piece answers the query: the words typed it holds (or, by found_as, a name of a
  // term it mentions), then a fraction for holding them as a phrase, or close.
  function pieceScore(q, tokens, names) {
    const found = q.content.filter(
      (entry) =>
        tokens.some((token) => holds(entry, token)) ||
        names.some((name) => words(name).map(stem).some((token) => holds(entry, token))),
    );
    if (!found.length) return 0;
    let bonus = 0;
    if (q.all.length > 1 && phraseIn(tokens, q.all)) bonus = 0.5;
    else if (q.content.length > 1 && span(tokens, q.content) <= q.content.length + NEAR_SLACK)
      bonus = 0.25;
    return found.length + bonus;
  }

  function teaser(q, doc, text) {
    if (!doc || !own(doc.location) || typeof text !== "string") return text;
    const shown = text.match(PIECE) || [];
    const pieces = (doc.text || "").match(PIECE) || [];
    const names = doc.found_as || {};
    const count = Object.keys(names).length ? pieces.length - 1 : pieces.length; // then the names'
    if (shown.length !== pieces.length || count < 1) return text; // not as the build wrote it
    let best = 0;
    let bestScore = -1;
    let byName = false;
    for (let i = 0; i < count; i++) {
      const mentioned = Object.keys(names).filter((name) => names[name] === i);
      const tokens = words(plain(pieces[i])).map(stem);
      const score = pieceScore(q, tokens, mentioned);
      if (score > bestScore) {
        [best, bestScore] = [i, score];
        byName = score > pieceScore(q, tokens, []);
      }
    }
    return byName ? shown[best] + shown[count] : shown[best];
  }

  return { setup, query, alternatives, matched, nearness, own, teaser };
})();
