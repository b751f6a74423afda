//! Placeholder impls emitted next to a derive's errors.
//!
//! Without them, every use of the type as a `Resource` (or of the id as a
//! string) would add an unrelated "trait not implemented" error to the real
//! one. They are only ever compiled alongside a `compile_error!`, so their
//! bodies never run.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::default_kind;
use crate::expand::{IdImpls, ResourceImpl, resource_id_impls, resource_impl};

/// An `impl Resource` with a `String` id and no field.
pub(crate) fn resource(input: &DeriveInput) -> TokenStream {
    resource_impl(&ResourceImpl {
        ident: &input.ident,
        generics: input.generics.clone(),
        id_type: quote!(
            type Id = ::task_envelope::__private::String;
        ),
        kind: default_kind(input, None),
        id_field: String::new(),
        id_body: quote!(::core::unreachable!()),
    })
}

/// The impls of `#[derive(ResourceId)]`, without a field to read.
pub(crate) fn resource_id(input: &DeriveInput) -> TokenStream {
    resource_id_impls(&IdImpls {
        ident: &input.ident,
        generics: &input.generics,
        prefix: None,
        as_str_body: quote!(::core::unreachable!()),
        from_checked_body: quote!(::core::unreachable!()),
    })
}
