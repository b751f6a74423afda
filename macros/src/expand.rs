//! What each derive expands to: a checked model's impls (`impls/`), or else
//! its errors together with placeholder impls (`fallback.rs`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DataEnum, DeriveInput};

use crate::fallback;
use crate::impls::chain::ChainParts;
use crate::impls::resource::ResourceParts;
use crate::impls::resource_id::ResourceIdParts;
use crate::model::chain::{ChainModel, FailedChain};
use crate::model::resource::{ResourceModel, refuse_union};
use crate::model::resource_id::ResourceIdModel;

/// The expansion of `#[derive(Resource)]`: on a struct, a resource; on an
/// enum, a chain.
pub(crate) fn resource(input: &DeriveInput) -> TokenStream {
    match &input.data {
        Data::Struct(data) => match ResourceModel::from_struct(input, data) {
            Ok(model) => ResourceParts::from_model(&model).generate(),
            Err(error) => with_fallback(error, &fallback::resource(input)),
        },
        Data::Enum(data) => chain(input, data),
        Data::Union(data) => with_fallback(refuse_union(input, data), &fallback::resource(input)),
    }
}

/// The expansion of `#[derive(ResourceId)]`.
pub(crate) fn resource_id(input: &DeriveInput) -> TokenStream {
    match ResourceIdModel::from_input(input) {
        Ok(model) => ResourceIdParts::from_model(&model).generate(),
        Err(error) => with_fallback(error, &fallback::resource_id(input)),
    }
}

/// The expansion of `#[derive(Resource)]` on an enum.
fn chain(input: &DeriveInput, data: &DataEnum) -> TokenStream {
    match ChainModel::from_enum(input, data) {
        Ok(model) => ChainParts::from_model(&model).generate(),
        Err(failed) => {
            let fallback = fallback::chain(input, &failed);
            let FailedChain { error, .. } = failed;
            with_fallback(error, &fallback)
        }
    }
}

/// The errors, plus impls that keep the rest of the user's crate compiling.
fn with_fallback(error: syn::Error, fallback: &TokenStream) -> TokenStream {
    let error = error.into_compile_error();
    quote!(#error #fallback)
}

#[cfg(test)]
mod tests;
