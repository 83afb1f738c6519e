// Starts the questionnaire worker: Trunk writes its wasm-bindgen glue (no-modules build) and
// module next to this file; the single-object form of the init call is wasm-bindgen's current one.
importScripts('/questionnaire-worker.js');
wasm_bindgen({ module_or_path: '/questionnaire-worker_bg.wasm' });
