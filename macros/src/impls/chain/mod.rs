//! The code of a chain (an enum of resources deriving `Resource`): the id
//! enum and its traits, `BatchTarget`, `TaskChain`, the compile-time check
//! that no two variants accept one id, the inherent `KIND` and `id()`, and
//! the id enum's `JsonSchema`.
//!
//! Local names in generated code start with `__`, so that a user's unit
//! struct or constant of the same name cannot turn a binding into a pattern.

use proc_macro2::TokenStream;
use quote::quote;

use self::batch::{batch_target_impl, task_chain_impl};
use self::distinct::distinct_kinds_impl;
use self::id_enum::{id_enum, id_traits};
use self::id_parsing::id_parsing;
use self::inherent::inherent_items;
pub(crate) use self::parts::ChainParts;
use self::schema::schema;

mod batch;
mod distinct;
mod doc_link;
mod id_enum;
mod id_parsing;
mod inherent;
mod parts;
mod schema;

impl ChainParts<'_> {
    /// The id enum, then every impl in one `const _: () = { ... };`.
    pub(crate) fn generate(&self) -> TokenStream {
        let id_enum = id_enum(self);
        let id_traits = id_traits(self);
        let id_parsing = id_parsing(self);
        let distinct = distinct_kinds_impl(self);
        let target = batch_target_impl(self);
        let split = task_chain_impl(self);
        let inherent = inherent_items(self);
        let schema = schema(self);
        quote! {
            #id_enum

            const _: () = {
                #id_traits
                #id_parsing
                #distinct
                #target
                #split
                #inherent
                #schema
            };
        }
    }
}
