//! `DistinctKinds`: the check that no two variants of a chain accept one id.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::LitStr;
use syn::ext::IdentExt;

use super::parts::ChainParts;
use crate::private;

/// `DistinctKinds`: a panic (a compile error) under the second of two
/// variants that could take the same id, evaluated here for an enum
/// without type or const parameters.
pub(super) fn distinct_kinds_impl(chain: &ChainParts<'_>) -> TokenStream {
    let p = private::path();
    let ident = chain.ident;
    // Checked at definition, the impl needs none of our bounds (its types
    // are known), and must not have them: when a variant's type is no
    // resource, the `const _` below would add an error naming this
    // hidden trait to the one on that type.
    let generics = if chain.has_type_or_const_params {
        &chain.generics
    } else {
        chain.user_generics
    };
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let enum_name = ident.unraw();
    let mut checks = Vec::new();
    for (index, second) in chain.variants.iter().enumerate() {
        for first in &chain.variants[..index] {
            let (first_id, second_id) = (&first.id_ty, &second.id_ty);
            let (first_name, second_name) = (&first.name, &second.name);
            let clash = format!(
                "variant `{second_name}` of `{enum_name}` can take the same ids as variant `{first_name}`"
            );
            let no_prefix = LitStr::new(
                &format!(
                    "{clash}: neither id type has a prefix, so both accept any id; give one of \
                     them a prefix with `#[resource_id(prefix = \"...\")]`"
                ),
                second.ident.span(),
            );
            let prefixes = LitStr::new(
                &format!(
                    "{clash}: the prefix of one id type starts the other's; choose prefixes \
                     that do not start one another, such as `ins-` and `disk-`"
                ),
                second.ident.span(),
            );
            let first_prefix = quote!(<#first_id as #p::ResourceId>::PREFIX);
            let second_prefix = quote!(<#second_id as #p::ResourceId>::PREFIX);
            let panic_no_prefix = quote_spanned!(second.ident.span()=> ::core::panic!(#no_prefix));
            let panic_prefixes = quote_spanned!(second.ident.span()=> ::core::panic!(#prefixes));
            checks.push(quote! {
                if #p::prefixes_overlap(#first_prefix, #second_prefix) {
                    if #first_prefix.is_none() {
                        #panic_no_prefix
                    } else {
                        #panic_prefixes
                    }
                }
            });
        }
    }
    let at_definition = (!chain.has_type_or_const_params).then(|| {
        let lifetimes = chain.generics.lifetimes().map(|_| quote!('_));
        let ty_args =
            (chain.generics.lifetimes().next().is_some()).then(|| quote!(<#(#lifetimes),*>));
        quote! {
            const _: () = <#ident #ty_args as #p::DistinctKinds>::DISTINCT;
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::DistinctKinds for #ident #ty_generics #where_clause {
            const DISTINCT: () = {
                #(#checks)*
            };
        }

        #at_definition
    }
}
