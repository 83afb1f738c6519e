// Runs inside the benchmark page (a page of the built site, with the Wasm app started), after the
// peers' browser bundles: defines `window.searchBench.measure(engine, settings)`.
//
// Every engine gets the same documents (the `trustctl corpus` entries) and the same fields: the
// title weighted above the keywords (tags, framework references, countries) above the body, the
// context (category, parent document) lowest, as our engine weighs them. Each peer is configured
// the way its documentation recommends for search as you type (prefix and typo tolerance where it
// has them), and ships what a result needs to be shown (URL, section, title, context and the
// same 240-character excerpt our index carries), so that index sizes compare like with like.
'use strict';

(() => {
  const LIMIT = 10;
  const EXCERPT_CHARS = 240;

  /** What a result shows; stored by every peer so that its index is as complete as ours. */
  const display = (d) => ({ url: d.url, section: d.section, title: d.title, context: d.context, excerpt: d.excerpt });

  const MINISEARCH = {
    idField: 'id',
    fields: ['title', 'keywords', 'context', 'text'],
    storeFields: ['url', 'section', 'title', 'context', 'excerpt'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3, keywords: 2, context: 0.5 } },
  };

  // FlexSearch has no per-field boost: merged results list the fields' matches in the order of
  // `index`, so that order is the weighting. "forward" indexes every word's prefixes; the
  // LatinBalance encoder adds its basic phonetic folding for misspellings.
  const flexsearchOptions = () => ({
    tokenize: 'forward',
    encoder: FlexSearch.Charset.LatinBalance,
    document: { id: 'id', index: ['title', 'keywords', 'context', 'text'], store: ['url', 'section', 'title', 'context', 'excerpt'] },
  });

  // Token search is Fuse's multi-word mode (each word fuzzy-matched, ranked by IDF);
  // ignoreLocation because matches deep in a long answer count as much as at its start.
  const FUSE = {
    keys: [{ name: 'title', weight: 3 }, { name: 'keywords', weight: 2 }, { name: 'context', weight: 0.5 }, { name: 'text', weight: 1 }],
    useTokenSearch: true,
    ignoreLocation: true,
  };

  /**
   * Each engine: `build(docs)` returns what would be shipped as a string (peers) and `load` turns
   * the shipped form back into a searchable instance, which is what a visitor's browser does.
   */
  const ENGINES = {
    ours: {
      // The index is built by `trustctl build`; `build` only fetches it.
      async build() {
        return new Uint8Array(await (await fetch('/_search/index.bin')).arrayBuffer());
      },
      load: (bytes) => window.wasmBindings.SearchEngine.load(bytes),
      search: (engine, q) => engine.search(q, LIMIT),
      // wasm-bindgen objects live in the Wasm heap until freed.
      dispose: (engine) => engine.free(),
    },
    minisearch: {
      build(docs) {
        const ms = new MiniSearch(MINISEARCH);
        ms.addAll(docs);
        return JSON.stringify(ms);
      },
      load: (json) => MiniSearch.loadJSON(json, MINISEARCH),
      search: (ms, q) => ms.search(q).slice(0, LIMIT).map((r) => r.url),
    },
    flexsearch: {
      build(docs) {
        const index = new FlexSearch.Document(flexsearchOptions());
        for (const d of docs) index.add(d);
        const parts = {};
        index.export((key, data) => { parts[key] = data; });
        return JSON.stringify(parts);
      },
      load(json) {
        const index = new FlexSearch.Document(flexsearchOptions());
        for (const [key, data] of Object.entries(JSON.parse(json))) index.import(key, data);
        return index;
      },
      search: (index, q) => index.search(q, { limit: LIMIT, suggest: true, merge: true, enrich: true })
        .slice(0, LIMIT).map((r) => r.doc.url),
    },
    lunr: {
      build(docs) {
        const index = lunr(function () {
          this.ref('id');
          this.field('title', { boost: 3 });
          this.field('keywords', { boost: 2 });
          this.field('context', { boost: 0.5 });
          this.field('text');
          for (const d of docs) this.add(d);
        });
        return JSON.stringify({ index, docs: docs.map(display) });
      },
      load(json) {
        const { index, docs } = JSON.parse(json);
        return { index: lunr.Index.load(index), docs };
      },
      // The query builder rather than the query string: reviewers type "sign-on" and "AVV:",
      // which the query syntax would read as operators. Each word matches as itself (stemmed),
      // as a prefix (unstemmed, since the stem of a half-typed word means nothing; not for stop
      // words, which would only add noise) and, when long enough, within one edit.
      search({ index, docs }, q) {
        const words = lunr.tokenizer(q).map(String).filter(Boolean);
        if (words.length === 0) return [];
        return index.query((query) => {
          for (const word of words) {
            query.term(word, { boost: 10 });
            if (lunr.stopWordFilter(new lunr.Token(word))) {
              query.term(word, { boost: 3, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
            }
            if (word.length >= 5) query.term(word, { boost: 1, editDistance: 1 });
          }
        }).slice(0, LIMIT).map((r) => docs[Number(r.ref)].url);
      },
    },
    fuse: {
      build(docs) {
        const index = Fuse.createIndex(FUSE.keys, docs);
        return JSON.stringify({ index: index.toJSON(), docs: docs.map(display) });
      },
      load(json) {
        const { index, docs } = JSON.parse(json);
        return new Fuse(docs, FUSE, Fuse.parseIndex(index));
      },
      search: (fuse, q) => fuse.search(q, { limit: LIMIT }).map((r) => r.item.url),
    },
  };

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  /**
   * How many calls of `fn` take at least `batchMs`, found by doubling (which also warms it up).
   * performance.now() ticks in 0.1 ms in a page that is not cross-origin isolated, so fast calls
   * are timed in batches of that many and divided.
   */
  function batchSize(fn, batchMs) {
    for (let reps = 1; ; reps *= 2) {
      const t = performance.now();
      for (let i = 0; i < reps; i += 1) fn();
      if (performance.now() - t >= batchMs || reps >= 16384) return reps;
    }
  }

  /** Milliseconds per call of `fn`, over `reps` calls. */
  function perCall(fn, reps) {
    const t = performance.now();
    for (let i = 0; i < reps; i += 1) fn();
    return (performance.now() - t) / reps;
  }

  /**
   * Timings of `search` over `queries`, each query timed in `samples` batches after warming up.
   * A call slower than `slowMs` is timed once, its first call being the measurement; and when
   * even that would take more than `budgetMs` in all (Fuse.js at 10,000 answers), only every
   * k-th query is timed. Returns the timings and how many queries they cover.
   */
  function timeQueries(search, queries, { samples, batchMs, slowMs, budgetMs }) {
    const probes = Array.from({ length: Math.min(10, queries.length) }, (_, i) => queries[Math.floor((i * queries.length) / 10)]);
    const t = performance.now();
    for (const q of probes) search(q);
    const typical = (performance.now() - t) / probes.length;
    const stride = typical >= slowMs ? Math.max(1, Math.ceil((queries.length * typical) / budgetMs)) : 1;
    const times = [];
    for (let i = 0; i < queries.length; i += stride) {
      const q = queries[i];
      const start = performance.now();
      search(q);
      const first = performance.now() - start;
      if (first >= slowMs) {
        times.push(first);
      } else {
        const reps = batchSize(() => search(q), batchMs);
        for (let s = 0; s < samples; s += 1) times.push(perCall(() => search(q), reps));
      }
    }
    return { times, timed: Math.ceil(queries.length / stride), of: queries.length };
  }

  /** The corpus as every peer indexes it: numeric ids (as their docs advise), keywords as text. */
  async function documents() {
    const corpus = await (await fetch('/_bench/corpus.json')).json();
    return corpus.map((d, id) => ({
      id,
      url: d.url,
      section: d.section,
      title: d.title,
      context: d.context,
      keywords: d.keywords.join(' · '),
      text: d.text,
      excerpt: d.text.slice(0, EXCERPT_CHARS),
    }));
  }

  /**
   * Builds, serialises, loads and queries one engine. Returns the shipped form (peers: a string,
   * for Node to measure and gzip), the median load time, the timings of whole queries and of
   * every prefix typed, and the top results of each query for the relevance scores.
   */
  async function measure(name, settings) {
    const engine = ENGINES[name];
    const shipped = await engine.build(await documents());
    const loads = [];
    let instance;
    for (let i = 0; i < settings.loads; i += 1) {
      if (instance && engine.dispose) engine.dispose(instance);
      const t = performance.now();
      instance = engine.load(shipped);
      loads.push(performance.now() - t);
    }
    const search = (q) => engine.search(instance, q);
    const typed = settings.queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
    const result = {
      shipped: typeof shipped === 'string' ? shipped : null,
      loadMs: median(loads),
      keyword: timeQueries(search, settings.queries, settings.keyword),
      keystroke: timeQueries(search, typed, settings.keystroke),
      results: settings.queries.map(search),
    };
    if (engine.dispose) engine.dispose(instance);
    return result;
  }

  window.searchBench = { measure };
})();
