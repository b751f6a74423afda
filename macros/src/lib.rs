//! Derive macros for [task-envelope](https://docs.rs/task-envelope).
//!
//! Use them through the `task-envelope` crate, which re-exports them and
//! documents what they generate; the generated code refers to that crate's
//! non-public paths, so this crate is not useful on its own.
//!
//! Each derive is a thin shell over parse → model → impls:
//!
//! - `attr.rs` reads `#[resource(...)]` and `#[resource_id(...)]`;
//! - `model/` is what was parsed and checked: a resource (a struct), a
//!   resource id, or a chain (an enum of resources, keyed by a generated id
//!   enum), each keeping the user's syntax nodes for spans;
//! - `impls/` is the code each derive generates, from a description of its
//!   parts, with `generics.rs` for the bounds and lifetimes it adds and
//!   `private.rs` for the one path into the runtime;
//! - `expand.rs` turns a model into its impls, or its errors into
//!   `compile_error!`s plus placeholder impls (`fallback.rs`), so that no
//!   unrelated errors follow;
//! - `errors.rs` collects every mistake, each under the user's own tokens,
//!   all in one compile.
//!
//! Imports go one way: `expand` → `fallback` → `impls` → `model` → `attr` →
//! `errors`, with `generics` and `private` used by the code generators.

mod attr;
mod errors;
mod expand;
mod fallback;
mod generics;
mod impls;
mod model;
mod private;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `task_envelope::Resource` on a struct, or on an enum of resources
/// `task_envelope::BatchTarget` and `task_envelope::TaskChain` with an id
/// enum; see those traits' documentation.
#[proc_macro_derive(Resource, attributes(resource))]
pub fn derive_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::resource(&input).into()
}

/// Derives `task_envelope::ResourceId` and the string traits that go with it;
/// see that trait's documentation.
#[proc_macro_derive(ResourceId, attributes(resource_id))]
pub fn derive_resource_id(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::resource_id(&input).into()
}
