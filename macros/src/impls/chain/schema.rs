//! `JsonSchema` for a chain's id enum, when the runtime has its `schemars`
//! feature.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::parts::ChainParts;
use crate::private;

/// `JsonSchema` for the id enum when the runtime has its `schemars`
/// feature: the runtime's macro decides.
pub(super) fn schema(chain: &ChainParts<'_>) -> TokenStream {
    let p = private::path();
    let id_enum_ident = chain.id_enum_ident;
    let (impl_generics, ty_generics, where_clause) = chain.generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|clause| &clause.predicates);
    let type_name = id_enum_ident.unraw().to_string();
    let generic = chain.has_type_or_const_params;
    let types = chain.variants.iter().map(|variant| variant.ty);
    quote! {
        #p::task_chain_id_schema! {
            impl [#impl_generics] #id_enum_ident #ty_generics where [#(#predicates,)*]
            name = #type_name generic = #generic resources = [#(#types),*]
        }
    }
}
