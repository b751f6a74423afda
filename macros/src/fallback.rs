//! Placeholder impls emitted next to a derive's errors.
//!
//! Without them, every use of the type as a `Resource` (or of the id as a
//! string) would add an unrelated "trait not implemented" error to the real
//! one. They are only ever compiled alongside a `compile_error!`, so their
//! bodies never run.
//!
//! The impls of a struct are those of `impls/` with placeholder parts; a
//! chain's placeholder id enum is written here. Nothing in `impls/` or
//! `model/` imports this module.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, GenericParam, Generics};

use crate::generics::{resource_id_type, with_de_lifetime, with_resource_bounds};
use crate::impls::resource::ResourceParts;
use crate::impls::resource_id::ResourceIdParts;
use crate::model::chain::FailedChain;
use crate::model::kind::kind_of;
use crate::private;

/// An `impl Resource` with a `String` id and no field.
pub(crate) fn resource(input: &DeriveInput) -> TokenStream {
    let p = private::path();
    ResourceParts {
        ident: &input.ident,
        generics: input.generics.clone(),
        id_type: quote!(
            type Id = #p::String;
        ),
        kind: kind_of(input, None),
        id_field: String::new(),
        id_body: quote!(::core::unreachable!()),
    }
    .generate()
}

/// The impls of `#[derive(ResourceId)]`, without a field to read.
pub(crate) fn resource_id(input: &DeriveInput) -> TokenStream {
    ResourceIdParts {
        ident: &input.ident,
        generics: input.generics.clone(),
        prefix: None,
        as_str_body: quote!(::core::unreachable!()),
        from_checked_body: quote!(::core::unreachable!()),
        clone_body: quote!(::core::unreachable!()),
    }
    .generate()
}

/// For a chain: a placeholder id enum (when its name is known) with every
/// trait a `detail` key needs, `BatchTarget` keyed by it (by `String`
/// otherwise), and the inherent `KIND` and `id()`.
///
/// The placeholder keeps the variants that hold one field, so that the
/// user's `match` arms on them still compile. It is never uninhabited (a
/// value of an empty enum would make the code after a call to `id()`
/// unreachable, a warning of its own): a hidden variant is added when no
/// variant is left, or when the enum is generic, since a type parameter may
/// have been used only by a variant that is left out.
///
/// `TaskChain` is left out: its `Parts` cannot be guessed from a broken
/// enum, and a wrong guess would add an error of its own to each `split`.
pub(crate) fn chain(input: &DeriveInput, failed: &FailedChain<'_>) -> TokenStream {
    let p = private::path();
    let ident = &input.ident;
    let variants = &failed.variants;
    let Some(id_enum_ident) = &failed.id_enum_ident else {
        let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
        return quote! {
            const _: () = {
                #[automatically_derived]
                impl #impl_generics #p::BatchTarget for #ident #ty_generics #where_clause {
                    type Id = #p::String;
                }
            };
        };
    };
    let kind = kind_of(input, None);
    let vis = &input.vis;
    let generics = with_resource_bounds(&input.generics, variants.iter().map(|variant| variant.ty));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let variant_idents = variants.iter().map(|variant| variant.ident);
    let variant_id_types = variants.iter().map(|variant| resource_id_type(variant.ty));
    let placeholder = placeholder_variant(&input.generics, variants.is_empty());
    let id = quote!(#id_enum_ident #ty_generics);
    let key_traits = id_key_traits(&generics, &id);
    quote! {
        #[doc = " Placeholder: `#[derive(Resource)]` reported an error."]
        #vis enum #id_enum_ident #generics #where_clause {
            #(
                #[doc = " Placeholder."]
                #variant_idents(#variant_id_types),
            )*
            #placeholder
        }

        const _: () = {
            #key_traits

            #[automatically_derived]
            impl #impl_generics #p::BatchTarget for #ident #ty_generics #where_clause {
                type Id = #id;
            }

            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc = " Placeholder: `#[derive(Resource)]` reported an error."]
                #vis const KIND: &'static #p::str = #kind;

                #[doc = " Placeholder: `#[derive(Resource)]` reported an error."]
                #[must_use]
                #vis fn id(&self) -> #id { ::core::unreachable!() }
            }
        };
    }
}

/// A hidden variant that uses every type and lifetime parameter, if there is
/// any, or if `empty` (no other variant); nothing otherwise.
fn placeholder_variant(generics: &Generics, empty: bool) -> Option<TokenStream> {
    let used: Vec<TokenStream> = generics
        .params
        .iter()
        .filter_map(|param| match param {
            GenericParam::Lifetime(param) => {
                let lifetime = &param.lifetime;
                Some(quote!(&#lifetime ()))
            }
            GenericParam::Type(param) => {
                let ty = &param.ident;
                Some(quote!(*const #ty))
            }
            GenericParam::Const(_) => None,
        })
        .collect();
    if used.is_empty() {
        empty.then(|| {
            quote!(
                #[doc(hidden)]
                __Placeholder,
            )
        })
    } else {
        Some(quote! {
            #[doc(hidden)]
            __Placeholder(::core::marker::PhantomData<(#(#used,)*)>),
        })
    }
}

/// The traits of a `detail` key, for the placeholder id enum `id`.
fn id_key_traits(generics: &Generics, id: &TokenStream) -> TokenStream {
    let p = private::path();
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let unreachable = quote!(::core::unreachable!());
    let de_generics = with_de_lifetime(generics);
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::Clone for #id #where_clause {
            fn clone(&self) -> Self { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::Debug for #id #where_clause {
            fn fmt(&self, _: &mut #p::Formatter<'_>) -> #p::FmtResult { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::PartialEq for #id #where_clause {
            fn eq(&self, _: &Self) -> #p::bool { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::Eq for #id #where_clause {}

        #[automatically_derived]
        impl #impl_generics #p::Hash for #id #where_clause {
            fn hash<__H: #p::Hasher>(&self, _: &mut __H) { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::Display for #id #where_clause {
            fn fmt(&self, _: &mut #p::Formatter<'_>) -> #p::FmtResult { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::AsRef<#p::str> for #id #where_clause {
            fn as_ref(&self) -> &#p::str { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::ResourceId for #id #where_clause {
            const PREFIX: #p::Option<&'static #p::str> = #p::None;
            const TYPE_NAME: &'static #p::str = "";

            fn as_str(&self) -> &#p::str { #unreachable }

            fn __from_checked(_: #p::String) -> Self { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::FromStr for #id #where_clause {
            type Err = #p::IdError;

            fn from_str(_: &#p::str) -> #p::Result<Self, #p::IdError> { #unreachable }
        }

        #[automatically_derived]
        impl #impl_generics #p::serde::Serialize for #id #where_clause {
            fn serialize<__S: #p::serde::Serializer>(
                &self,
                _: __S,
            ) -> #p::Result<__S::Ok, __S::Error> {
                #unreachable
            }
        }

        #[automatically_derived]
        impl #de_impl_generics #p::serde::Deserialize<'__de> for #id #where_clause {
            fn deserialize<__D: #p::serde::Deserializer<'__de>>(
                _: __D,
            ) -> #p::Result<Self, __D::Error> {
                #unreachable
            }
        }
    }
}
