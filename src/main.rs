//! The Wasm entry point of every page but the questionnaire's: Trunk builds this binary with the
//! `hydrate` feature. It exports nothing but the islands' hydration functions: whatever else it
//! exported would be kept in the Wasm every page loads.

fn main() {
    trust_center::client::start();
}
