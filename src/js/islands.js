// The app's starter, inline in every page: why it waits for the first paint is in src/client.rs.
const named = (name) => document.head.querySelector(`meta[name="${name}"]`);
const address = (name) => named(name).content;
// A hidden page paints nothing, and would wait for a frame until shown.
if (document.visibilityState === 'visible') {
  await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); });
}
const whole = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: address('trust-stylesheet') });
named('trust-stylesheet').after(whole);
const styled = new Promise((done) => { whole.onload = whole.onerror = done; });
const bindings = await import(address('trust-app-module'));
await bindings.default({ module_or_path: address('trust-app-wasm') });
await styled;
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
