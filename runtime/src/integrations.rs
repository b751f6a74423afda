//! What the crate adds to other crates, each behind a feature of the same
//! name: an HTTP server's responses (`axum`), an HTTP client's replies
//! (`reqwest`), bodies read as JSON (`json`), and JSON Schemas (`schemars`).

#[cfg(feature = "axum")]
mod axum;
#[cfg(feature = "json")]
pub(crate) mod json;
#[cfg(feature = "reqwest")]
pub(crate) mod reqwest;
#[cfg(feature = "schemars")]
pub(crate) mod schema;
