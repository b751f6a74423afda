//! Derive macros for [task-envelope](https://docs.rs/task-envelope).
//!
//! Use them through the `task-envelope` crate, which re-exports them and
//! documents what they generate; the generated code refers to that crate's
//! non-public paths, so this crate is not useful on its own.
//!
//! Each derive is a thin shell: parse the input, build a checked model
//! (`model/`: a resource, a resource id, or a chain, with attributes read by
//! `attr.rs`), and generate code (`expand.rs`, `expand_enum.rs`);
//! every mistake found on the way is reported under the user's
//! own tokens, all in one compile, with a fallback impl (`fallback.rs`) so
//! that no unrelated errors follow.

mod attr;
mod errors;
mod expand;
mod expand_enum;
mod fallback;
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
