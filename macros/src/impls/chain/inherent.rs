//! The inherent items of a chain: `KIND`, and `id()`, the id of the resource
//! a value holds.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_link::doc_link;
use super::parts::{ChainParts, VariantParts};
use crate::private;

/// The inherent `KIND`, and `id()`: the id of the resource a value holds.
pub(super) fn inherent_items(chain: &ChainParts<'_>) -> TokenStream {
    let p = private::path();
    let ChainParts {
        ident,
        vis,
        id_enum_ident,
        ..
    } = chain;
    let (impl_generics, ty_generics, where_clause) = chain.generics.split_for_impl();
    let arms = chain.variants.iter().map(|variant| {
        let VariantParts { ident, member, .. } = variant;
        quote! {
            Self::#ident { #member: __resource } => #id_enum_ident::#ident(
                #p::Clone::clone(#p::Resource::id(__resource)),
            ),
        }
    });
    let doc = format!(
        " The id of the resource this value holds, as {}: its key in a batch reply's \
         `detail`.",
        doc_link(id_enum_ident, None)
    );
    let kind = chain.kind;
    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc = " The kind of this enum of resources, such as `\"target\"`: from"]
            #[doc = " `#[resource(kind = \"...\")]`, or the enum's name in `snake_case`."]
            #vis const KIND: &'static #p::str = #kind;

            #[doc = #doc]
            #[must_use]
            #vis fn id(&self) -> #id_enum_ident #ty_generics {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}
