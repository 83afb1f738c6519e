// Starts the app once the page has painted, then hydrates the page's Leptos islands.
//
// Trunk writes no loader and no preloads into the page (Trunk.toml): only this module, inline, and
// two <meta> elements naming the app's JS module and its Wasm. The page paints from its own HTML
// and stylesheet; fetching and compiling the app before that would take the network and a slow
// phone's main thread from the first paint. Each `<leptos-island data-component="…">` names the
// function the `#[island]` macro exported for it; islands are not nested on this site, so a flat
// walk is enough. When every island is live the document gets `data-hydrated` (the tests wait for
// it); `window.wasmBindings` is the module's exports, for the benchmarks.
const address = (name) => document.head.querySelector(`meta[name="${name}"]`).content;

// A hidden page paints nothing, and would wait for a frame until shown.
if (document.visibilityState === 'visible') {
  await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); });
}
const bindings = await import(address('trust-app-module'));
await bindings.default({ module_or_path: address('trust-app-wasm') });
window.wasmBindings = bindings;
for (const island of document.querySelectorAll('leptos-island')) {
  const hydrate = bindings[island.dataset.component];
  if (hydrate) {
    hydrate(island);
  } else {
    console.warn(`no Wasm function for the island ${island.dataset.component}`);
  }
}
document.documentElement.setAttribute('data-hydrated', '');
