//! `IntoResponse` for the reply types (feature `axum`).
