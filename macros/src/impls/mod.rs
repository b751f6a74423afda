//! The code each derive generates, from a description of its parts.
//!
//! Each generator takes a `...Parts` struct: what the generated items are
//! made of. `expand.rs` builds the parts from a checked model
//! (`...Parts::from_model`); `fallback.rs` builds them with placeholder bodies
//! when the derive reported errors. Nothing here imports `expand.rs` or
//! `fallback.rs`.
//!
//! Generated code names the runtime only through [`private::path`] and
//! `::core::...`, and wraps its impls in `const _: () = { ... };` with
//! `#[automatically_derived]` on each.
//!
//! [`private::path`]: crate::private::path

pub(crate) mod chain;
pub(crate) mod resource;
pub(crate) mod resource_id;
