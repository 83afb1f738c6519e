// Starts the questionnaire worker: Trunk writes its wasm-bindgen glue (no-modules build) and
// module next to this file; the single-object form of the init call is wasm-bindgen's current one.
// Both addresses are relative to this file, at the root of the site, which may be under a path
// of its host.
importScripts('questionnaire-worker.js');
wasm_bindgen({ module_or_path: 'questionnaire-worker_bg.wasm' });
