//! The generics of generated impls: a user's generics plus the bounds the
//! impls need, and the `'__de` lifetime of `Deserialize`.
//!
//! Bounds are spanned on the user's type, so that a type that does not
//! satisfy one is reported under that type rather than under the derive.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Type, WherePredicate, parse_quote, parse_quote_spanned};

use crate::private;

/// `<F as Resource>::Id`, every token spanned on the user's type `F`, so that
/// errors about it are reported there.
pub(crate) fn resource_id_type(ty: &Type) -> TokenStream {
    let p = private::path_at(ty.span());
    quote_spanned!(ty.span()=> <#ty as #p::Resource>::Id)
}

/// A struct's `generics` plus `id_ty: IsResourceKey`, spanned on the id
/// field's type: the impl's `type Id` is `<id_ty as IsResourceKey>::Key`,
/// so a type that is no id is reported once, there, by this bound (a
/// trivially false one when `id_ty` names no parameter), rather than once
/// for each trait `ResourceKey` has and the type lacks.
pub(crate) fn with_id_key_bound(generics: &Generics, id_ty: &Type) -> Generics {
    let mut generics = generics.clone();
    // The bound is spanned on the type's last token, so that the error's
    // caret runs from its first token to its last: all of `Vec<u8>`, where
    // `id_ty.span()` alone is `Vec` on a stable compiler.
    let span = last_span(id_ty);
    let p = private::path_at(span);
    generics
        .make_where_clause()
        .predicates
        .push(parse_quote_spanned! {span=>
            #id_ty: #p::IsResourceKey
        });
    generics
}

/// The span of the last token of `ty`.
fn last_span(ty: &Type) -> Span {
    ty.to_token_stream()
        .into_iter()
        .last()
        .map_or_else(|| ty.span(), |token| token.span())
}

/// A chain's `generics` plus, for each type `F` its variants hold,
/// `F: Resource` and `<F as Resource>::Id: ResourceId`, spanned on `F`: a type
/// that is no resource, or whose id is no `ResourceId`, is reported there.
pub(crate) fn with_resource_bounds<'a>(
    generics: &Generics,
    resource_types: impl IntoIterator<Item = &'a Type>,
) -> Generics {
    let mut generics = generics.clone();
    let predicates = &mut generics.make_where_clause().predicates;
    for ty in resource_types {
        let id_ty = resource_id_type(ty);
        let p = private::path_at(ty.span());
        let bounds = [
            quote_spanned!(ty.span()=> #ty: #p::Resource),
            quote_spanned!(ty.span()=> #id_ty: #p::ResourceId),
        ];
        // A type that cannot be bounded as written (a bare `dyn A + B`) is
        // left to rustc, which reports it in the id enum.
        predicates.extend(
            bounds
                .into_iter()
                .filter_map(|bound| syn::parse2::<WherePredicate>(bound).ok()),
        );
    }
    generics
}

/// `generics` with the lifetime `'__de` first, for
/// `impl<'__de, ...> Deserialize<'__de> for ...`. The name starts with `__`,
/// so that it cannot clash with a lifetime of the user's.
pub(crate) fn with_de_lifetime(generics: &Generics) -> Generics {
    let mut generics = generics.clone();
    generics.params.insert(0, parse_quote!('__de));
    generics
}
