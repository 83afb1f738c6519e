// The app's starter, inline in every page: why it waits for the first paint is in src/client.rs.
const address = (name) => document.head.querySelector(`meta[name="${name}"]`).content;
// A hidden page paints nothing, and would wait for a frame until shown.
if (document.visibilityState === 'visible') {
  await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); });
}
for (const whole of document.head.querySelectorAll('link[data-whole]')) whole.media = 'all';
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
