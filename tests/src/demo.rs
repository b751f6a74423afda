//! A demo of the HTTP integrations: a server (feature `axum`) that answers
//! in both dialects, and a client (feature `reqwest`) that retries only the
//! failed instances. The examples `server` and `client` run them; the
//! `round_trip` test runs the same exchange on loopback.

#[cfg(feature = "reqwest")]
pub mod client;
#[cfg(feature = "axum")]
pub mod server;
