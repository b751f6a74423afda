//! The parsing traits of a chain's id enum: `ResourceId` (a key is read as
//! the variant whose id type accepts it), `FromStr`, `Serialize` and
//! `Deserialize`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::Ident;
use syn::ext::IdentExt;

use super::parts::{ChainParts, VariantParts};
use crate::generics::with_de_lifetime;
use crate::private;

/// `ResourceId` (a key is read as the variant whose id type accepts it),
/// `FromStr`, `Serialize` and `Deserialize`.
pub(super) fn id_parsing(chain: &ChainParts<'_>) -> TokenStream {
    let p = private::path();
    let ChainParts {
        ident,
        id_enum_ident,
        ..
    } = chain;
    let (impl_generics, ty_generics, where_clause) = chain.generics.split_for_impl();
    let type_name = id_enum_ident.unraw().to_string();
    let idents: Vec<&Ident> = chain.variants.iter().map(|variant| variant.ident).collect();
    let count = chain.variants.len();
    let kinds = chain.variants.iter().map(|variant| {
        let VariantParts { ty, id_ty, .. } = variant;
        quote! {
            #p::Kind {
                kind: <#ty as #p::Resource>::KIND,
                prefix: <#id_ty as #p::ResourceId>::PREFIX,
                check: <#id_ty as #p::ResourceId>::check,
            }
        }
    });
    // `check` accepted the id, so `choose_kind` picks a variant: every
    // index but the last has an arm, and the last takes the rest.
    let (last, chosen) = idents.split_last().unwrap_or((&chain.ident, &[]));
    let indexes: Vec<Literal> = (0..chosen.len()).map(Literal::usize_unsuffixed).collect();
    let indexes2 = &indexes;
    let de_generics = with_de_lifetime(&chain.generics);
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    quote! {
        impl #impl_generics #id_enum_ident #ty_generics #where_clause {
            /// The variants' kinds and id rules, in order, for `choose_kind`.
            #[doc(hidden)]
            const __KINDS: [#p::Kind; #count] = [#(#kinds),*];
        }

        #[automatically_derived]
        impl #impl_generics #p::ResourceId for #id_enum_ident #ty_generics #where_clause {
            const PREFIX: #p::Option<&'static #p::str> = #p::None;
            const TYPE_NAME: &'static #p::str = #type_name;

            #[inline]
            fn as_str(&self) -> &#p::str {
                match self {
                    #(Self::#idents(__id) => #p::ResourceId::as_str(__id),)*
                }
            }

            fn check(__id: &#p::str) -> #p::Result<(), #p::IdError> {
                // Refuses variants that could take the same id; for a
                // generic enum this is where the check is made.
                let () = <#ident #ty_generics as #p::DistinctKinds>::DISTINCT;
                #p::choose_kind(Self::TYPE_NAME, __id, &Self::__KINDS)?;
                #p::Ok(())
            }

            fn __from_checked(__id: #p::String) -> Self {
                match #p::choose_kind(Self::TYPE_NAME, &__id, &Self::__KINDS) {
                    #(#p::Ok(#indexes) => Self::#chosen(#p::ResourceId::__from_checked(__id)),)*
                    _ => Self::#last(#p::ResourceId::__from_checked(__id)),
                }
            }

            // Parsing chooses the variant once (the defaults would
            // choose it in `check` and again in `__from_checked`).
            fn parse(__id: &#p::str) -> #p::Result<Self, #p::IdError> {
                <Self as #p::ResourceId>::__parse_owned(<#p::String as #p::From<&#p::str>>::from(__id))
            }

            fn __parse_owned(__id: #p::String) -> #p::Result<Self, #p::IdError> {
                let () = <#ident #ty_generics as #p::DistinctKinds>::DISTINCT;
                #p::Ok(match #p::choose_kind(Self::TYPE_NAME, &__id, &Self::__KINDS)? {
                    #(#indexes2 => Self::#chosen(#p::ResourceId::__from_checked(__id)),)*
                    _ => Self::#last(#p::ResourceId::__from_checked(__id)),
                })
            }
        }

        #[automatically_derived]
        impl #impl_generics #p::FromStr for #id_enum_ident #ty_generics #where_clause {
            type Err = #p::IdError;

            fn from_str(__id: &#p::str) -> #p::Result<Self, #p::IdError> {
                #p::parse_id(__id)
            }
        }

        #[automatically_derived]
        impl #impl_generics #p::serde::Serialize for #id_enum_ident #ty_generics #where_clause {
            fn serialize<__S: #p::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> #p::Result<__S::Ok, __S::Error> {
                #p::serialize_id(self, __serializer)
            }
        }

        #[automatically_derived]
        impl #de_impl_generics #p::serde::Deserialize<'__de> for #id_enum_ident #ty_generics #where_clause {
            fn deserialize<__D: #p::serde::Deserializer<'__de>>(
                __deserializer: __D,
            ) -> #p::Result<Self, __D::Error> {
                #p::deserialize_id(__deserializer)
            }
        }
    }
}
