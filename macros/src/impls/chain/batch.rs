//! `BatchTarget` and `TaskChain`: how a batch reply of a chain is keyed, and
//! how it splits into one batch per variant.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{Ident, Type};

use super::parts::ChainParts;
use crate::private;

/// `BatchTarget`: the enum keys a batch reply by its id enum, and a job
/// status's `entities` by each variant's `ID_FIELD` (the hidden hooks:
/// the key chooses the variant, the variant's id type reads the id).
pub(super) fn batch_target_impl(chain: &ChainParts<'_>) -> TokenStream {
    let p = private::path();
    let ChainParts {
        ident,
        id_enum_ident,
        ..
    } = chain;
    let (impl_generics, ty_generics, where_clause) = chain.generics.split_for_impl();
    let types: Vec<&Type> = chain.variants.iter().map(|variant| variant.ty).collect();
    let idents: Vec<&Ident> = chain.variants.iter().map(|variant| variant.ident).collect();
    let indexes: Vec<Literal> = (0..chain.variants.len())
        .map(Literal::usize_unsuffixed)
        .collect();
    let keys = quote!([#(<#types as #p::Resource>::ID_FIELD,)*]);
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::BatchTarget for #ident #ty_generics #where_clause {
            type Id = #id_enum_ident #ty_generics;

            fn __entity_id_key(__name: &#p::str) -> #p::Option<#p::usize> {
                #p::entity_id_key(__name, &#keys)
            }

            fn __entity_id_key_name(__kind: #p::usize) -> &'static #p::str {
                #p::entity_id_key_name(__kind, &#keys)
            }

            fn __entity_id_key_of(__id: &Self::Id) -> &'static #p::str {
                match __id {
                    #(#id_enum_ident::#idents(_) => <#types as #p::Resource>::ID_FIELD,)*
                }
            }

            fn __deserialize_entity_id<'__de, __D: #p::serde::Deserializer<'__de>>(
                __kind: #p::usize,
                __deserializer: __D,
            ) -> #p::Result<Self::Id, __D::Error> {
                if #p::entity_id_key_shared(__kind, &#keys) {
                    return <Self::Id as #p::serde::Deserialize<'__de>>::deserialize(__deserializer);
                }
                match __kind {
                    #(#indexes => #p::Result::map(
                        <<#types as #p::Resource>::Id as #p::serde::Deserialize<'__de>>::deserialize(
                            __deserializer,
                        ),
                        #id_enum_ident::#idents,
                    ),)*
                    _ => <Self::Id as #p::serde::Deserialize<'__de>>::deserialize(__deserializer),
                }
            }
        }
    }
}

/// `TaskChain`: a reply splits into one batch per variant, in order.
pub(super) fn task_chain_impl(chain: &ChainParts<'_>) -> TokenStream {
    let p = private::path();
    let ChainParts {
        ident,
        id_enum_ident,
        ..
    } = chain;
    let (impl_generics, ty_generics, where_clause) = chain.generics.split_for_impl();
    let types = chain.variants.iter().map(|variant| variant.ty);
    let idents = chain.variants.iter().map(|variant| variant.ident);
    let indexes: Vec<Literal> = (0..chain.variants.len())
        .map(Literal::usize_unsuffixed)
        .collect();
    let empty = chain.variants.iter().map(|_| quote!(#p::Vec::new()));
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::TaskChain for #ident #ty_generics #where_clause {
            type Parts = (#(#p::BatchResponse<#types>,)*);

            fn split(__batch: #p::BatchResponse<Self>) -> Self::Parts {
                let (__whole, __detail) = #p::take_apart(__batch);
                let mut __parts = (#(#empty,)*);
                for (__id, __task) in __detail {
                    match __id {
                        #(#id_enum_ident::#idents(__id) => __parts.#indexes.push((__id, __task)),)*
                    }
                }
                (#(__whole.part(__parts.#indexes),)*)
            }
        }
    }
}
