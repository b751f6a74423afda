//! Code generation from the validated models.
//!
//! Generated code names the runtime only through [`private::path`] (and
//! `::core::...`).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, GenericParam, Generics, Ident, parse_quote, parse_quote_spanned};

use crate::model::resource::{ResourceModel, refuse_union};
use crate::model::resource_id::ResourceIdModel;
use crate::{expand_enum, fallback, private};

/// The expansion of `#[derive(Resource)]`: on an enum, an enum of resources
/// (`expand_enum.rs`).
pub(crate) fn resource(input: &DeriveInput) -> TokenStream {
    match &input.data {
        Data::Struct(data) => match ResourceModel::from_struct(input, data) {
            Ok(model) => resource_impl(&ResourceImpl::from_model(&model)),
            Err(error) => with_fallback(error, &fallback::resource(input)),
        },
        Data::Enum(data) => expand_enum::task_chain(input, data),
        Data::Union(data) => with_fallback(refuse_union(input, data), &fallback::resource(input)),
    }
}

/// The expansion of `#[derive(ResourceId)]`.
pub(crate) fn resource_id(input: &DeriveInput) -> TokenStream {
    match ResourceIdModel::from_input(input) {
        Ok(model) => resource_id_impls(&IdImpls::from_model(&model)),
        Err(error) => with_fallback(error, &fallback::resource_id(input)),
    }
}

/// The errors, plus impls that keep the rest of the user's crate compiling.
fn with_fallback(error: syn::Error, fallback: &TokenStream) -> TokenStream {
    let error = error.into_compile_error();
    quote!(#error #fallback)
}

/// The parts of an `impl Resource`.
pub(crate) struct ResourceImpl<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: Generics,
    /// `type Id = ...;`, spanned on the id field's type.
    pub(crate) id_type: TokenStream,
    pub(crate) kind: String,
    pub(crate) id_field: String,
    /// The body of `fn id(&self)`.
    pub(crate) id_body: TokenStream,
}

impl<'a> ResourceImpl<'a> {
    fn from_model(model: &ResourceModel<'a>) -> Self {
        let ty = model.id.ty;
        let member = &model.id.member;
        let p = private::path_at(ty.span());
        let mut generics = model.generics.clone();
        if generics
            .params
            .iter()
            .any(|param| matches!(param, GenericParam::Type(_)))
        {
            // The id type may depend on a type parameter: require what an id
            // needs, so the bound failure lands on the user's field type.
            generics
                .make_where_clause()
                .predicates
                .push(parse_quote_spanned! {ty.span()=>
                    #ty: #p::ResourceKey
                });
        }
        ResourceImpl {
            ident: model.ident,
            generics,
            id_type: quote_spanned!(ty.span()=> type Id = #ty;),
            kind: model.kind.clone(),
            id_field: model.id.name.clone(),
            id_body: quote!(&self.#member),
        }
    }
}

pub(crate) fn resource_impl(parts: &ResourceImpl<'_>) -> TokenStream {
    let ResourceImpl {
        ident,
        generics,
        id_type,
        kind,
        id_field,
        id_body,
    } = parts;
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

/// The parts of the impls of `#[derive(ResourceId)]`.
pub(crate) struct IdImpls<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) prefix: Option<String>,
    /// The body of `fn as_str(&self) -> &str`.
    pub(crate) as_str_body: TokenStream,
    /// The body of `fn __from_checked(id: String) -> Self`.
    pub(crate) from_checked_body: TokenStream,
}

impl<'a> IdImpls<'a> {
    fn from_model(model: &ResourceIdModel<'a>) -> Self {
        // Spanned on the inner type, so a type that is not `String`-like is
        // reported there.
        let span = model.inner.span();
        let p = private::path_at(span);
        IdImpls {
            ident: model.ident,
            generics: model.generics,
            prefix: model.prefix.clone(),
            as_str_body: quote_spanned! {span=>
                #p::AsRef::<#p::str>::as_ref(&self.0)
            },
            from_checked_body: quote_spanned! {span=>
                Self(#p::From::from(id))
            },
        }
    }
}

pub(crate) fn resource_id_impls(parts: &IdImpls<'_>) -> TokenStream {
    let IdImpls {
        ident,
        generics,
        prefix,
        as_str_body,
        from_checked_body,
    } = parts;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let mut de_generics = (*generics).clone();
    de_generics.params.insert(0, parse_quote!('__de));
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    let type_name = ident.unraw().to_string();
    let p = private::path();
    let prefix = match prefix {
        Some(prefix) => quote!(#p::Some(#prefix)),
        None => quote!(#p::None),
    };
    quote! {
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #p::ResourceId for #ident #ty_generics #where_clause {
                const PREFIX: #p::Option<&'static #p::str> = #prefix;
                const TYPE_NAME: &'static #p::str = #type_name;

                #[inline]
                fn as_str(&self) -> &#p::str {
                    #as_str_body
                }

                // An identity conversion when the inner type is `String`.
                #[allow(clippy::useless_conversion)]
                #[inline]
                fn __from_checked(id: #p::String) -> Self {
                    #from_checked_body
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, f: &mut #p::Formatter<'_>) -> #p::FmtResult {
                    f.write_str(#p::ResourceId::as_str(self))
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::FromStr for #ident #ty_generics #where_clause {
                type Err = #p::IdError;

                fn from_str(id: &#p::str) -> #p::Result<Self, #p::IdError> {
                    #p::parse_id(id)
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::AsRef<#p::str> for #ident #ty_generics #where_clause {
                #[inline]
                fn as_ref(&self) -> &#p::str {
                    #p::ResourceId::as_str(self)
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S: #p::Serializer>(
                    &self,
                    serializer: __S,
                ) -> #p::Result<__S::Ok, __S::Error> {
                    #p::serialize_id(self, serializer)
                }
            }

            #[automatically_derived]
            impl #de_impl_generics #p::Deserialize<'__de> for #ident #ty_generics #where_clause {
                fn deserialize<__D: #p::Deserializer<'__de>>(
                    deserializer: __D,
                ) -> #p::Result<Self, __D::Error> {
                    #p::deserialize_id(deserializer)
                }
            }

            // `JsonSchema` when the runtime has its `schemars` feature, nothing
            // otherwise: the runtime's macro decides, since this crate cannot
            // see the runtime's features.
            #p::resource_id_schema! {
                impl [#impl_generics] #ident #ty_generics [#where_clause] name = #type_name
            }
        };
    }
}

#[cfg(test)]
mod tests;
