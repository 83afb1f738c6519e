//! The Wasm entry point: Trunk builds this binary with the `hydrate` feature.

fn main() {
    trust_center::client::start();
}
