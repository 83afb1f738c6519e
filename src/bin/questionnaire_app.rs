//! The Wasm entry point of the questionnaire page: Trunk builds this binary from
//! `questionnaire.html` with the `hydrate` and `questionnaire-ui` features. It is the browsing
//! app plus the questionnaire assistant's island; every other page loads the smaller
//! `trust-center-app` instead.

fn main() {
    trust_center::client::start();
}
