//! `impl Resource` for a struct.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident};

use crate::generics::with_id_key_bound;
use crate::model::resource::ResourceModel;
use crate::private;

/// What `impl Resource` is made of.
pub(crate) struct ResourceParts<'a> {
    /// The struct's name.
    pub(crate) ident: &'a Ident,
    /// The struct's generics, plus the bounds the impl needs.
    pub(crate) generics: Generics,
    /// `type Id = ...;`, spanned on the id field's type.
    pub(crate) id_type: TokenStream,
    /// `KIND`.
    pub(crate) kind: String,
    /// `ID_FIELD`.
    pub(crate) id_field: String,
    /// The body of `fn id(&self)`.
    pub(crate) id_body: TokenStream,
}

impl<'a> ResourceParts<'a> {
    /// The parts of a checked struct.
    pub(crate) fn from_model(model: &ResourceModel<'a>) -> Self {
        let ty = model.id.ty;
        let member = &model.id.member;
        let p = private::path_at(ty.span());
        ResourceParts {
            ident: model.ident,
            // `where Field: IsResourceKey`, and the id read through it: a
            // type that is no id gets one error, under the field's type,
            // that names the fix (see `IsResourceKey` in the runtime).
            generics: with_id_key_bound(model.generics, ty),
            id_type: quote_spanned!(ty.span()=> type Id = <#ty as #p::IsResourceKey>::Key;),
            kind: model.kind.clone(),
            id_field: model.id.name.clone(),
            id_body: quote_spanned!(ty.span()=> #p::IsResourceKey::as_key(&self.#member)),
        }
    }

    /// `impl Resource`.
    pub(crate) fn generate(&self) -> TokenStream {
        let ResourceParts {
            ident,
            generics,
            id_type,
            kind,
            id_field,
            id_body,
        } = self;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let p = private::path();
        quote! {
            const _: () = {
                #[automatically_derived]
                impl #impl_generics #p::Resource for #ident #ty_generics
                #where_clause
                {
                    #id_type
                    const KIND: &'static #p::str = #kind;
                    const ID_FIELD: &'static #p::str = #id_field;

                    #[inline]
                    fn id(&self) -> &<Self as #p::Resource>::Id {
                        #id_body
                    }
                }
            };
        }
    }
}
