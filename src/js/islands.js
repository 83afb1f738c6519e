// Hydrates the page's Leptos islands once Trunk's loader has started the Wasm module.
//
// Each `<leptos-island data-component="…">` names the function the `#[island]` macro exported
// for it; the module's bindings are on `window.wasmBindings` (Trunk sets them, then fires
// `TrunkApplicationStarted`). Islands are not nested on this site, so a flat walk is enough.
// When every island is live the document gets `data-hydrated`: the tests wait for it.
function hydrateIslands() {
  const bindings = window.wasmBindings;
  for (const island of document.querySelectorAll('leptos-island')) {
    const hydrate = bindings[island.dataset.component];
    if (hydrate) {
      hydrate(island);
    } else {
      console.warn(`no Wasm function for the island ${island.dataset.component}`);
    }
  }
  document.documentElement.setAttribute('data-hydrated', '');
}

// `hasOwn`, not a truthiness test: an element with the id `wasmBindings` in the content would
// answer `window.wasmBindings` (named access) until Trunk's own property shadows it.
if (Object.hasOwn(window, 'wasmBindings')) {
  hydrateIslands();
} else {
  addEventListener('TrunkApplicationStarted', hydrateIslands, { once: true });
}
