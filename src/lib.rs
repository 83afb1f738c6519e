//! A static trust-center generator.
//!
//! Content (TOML and Markdown under `content/`) is [loaded](load) into one [model], published by
//! the native side into a pre-rendered site, and hydrated in the browser by the same [ui]
//! components compiled to WebAssembly. [`site`] holds the data both sides exchange.

// Leptos views are deeply nested types; the larger pages exceed the default limit.
#![recursion_limit = "256"]

pub mod questionnaire;
pub mod search;
pub mod site;
pub mod spreadsheet;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod ui;

#[cfg(feature = "hydrate")]
pub mod client;

#[cfg(feature = "ssr")]
#[doc(hidden)]
pub mod fuzzing;
#[cfg(feature = "ssr")]
pub mod load;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod model;
#[cfg(feature = "ssr")]
pub mod publish;
#[cfg(feature = "ssr")]
pub mod scaffold;
#[cfg(feature = "ssr")]
pub mod schema;
#[cfg(feature = "ssr")]
pub mod serve;
