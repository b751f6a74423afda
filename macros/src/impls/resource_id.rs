//! The impls of `#[derive(ResourceId)]`: `ResourceId`, what a `detail` key
//! needs (`Debug`, `Clone`, `PartialEq`, `Eq`, `Hash`, all by the id's text,
//! and `Borrow<str>`, sound because they agree with `str`'s), `Display`,
//! `FromStr`, `AsRef<str>`, `Serialize`, `Deserialize`, and `JsonSchema`
//! when the runtime has its `schemars` feature.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{GenericParam, Generics, Ident, parse_quote_spanned};

use crate::generics::with_de_lifetime;
use crate::model::resource_id::ResourceIdModel;
use crate::private;

/// What the impls of `#[derive(ResourceId)]` are made of.
pub(crate) struct ResourceIdParts<'a> {
    /// The struct's name.
    pub(crate) ident: &'a Ident,
    /// The struct's generics, plus the bound the impls need.
    pub(crate) generics: Generics,
    /// `PREFIX`.
    pub(crate) prefix: Option<String>,
    /// The body of `fn as_str(&self) -> &str`.
    pub(crate) as_str_body: TokenStream,
    /// The body of `fn __from_checked(id: String) -> Self`.
    pub(crate) from_checked_body: TokenStream,
    /// The body of `fn clone(&self) -> Self`.
    pub(crate) clone_body: TokenStream,
}

impl<'a> ResourceIdParts<'a> {
    /// The parts of a checked id type.
    pub(crate) fn from_model(model: &ResourceIdModel<'a>) -> Self {
        // Every use of the field goes through `StringLike`, spanned on the
        // field's type: a type that cannot hold an id's text (`u64`) gets one
        // error there, which says what to write, instead of one per trait.
        let inner = model.inner;
        let span = inner.span();
        let p = private::path_at(span);
        let mut generics = model.generics.clone();
        // The field's type may be a type parameter: bound it where the impls
        // are, so that a use with a type that does not fit is reported there.
        if generics
            .params
            .iter()
            .any(|param| matches!(param, GenericParam::Type(_)))
        {
            generics
                .make_where_clause()
                .predicates
                .push(parse_quote_spanned! {span=> #inner: #p::StringLike});
        }
        ResourceIdParts {
            ident: model.ident,
            generics,
            prefix: model.prefix.clone(),
            as_str_body: quote_spanned! {span=>
                #p::StringLike::id_str(&self.0)
            },
            from_checked_body: quote_spanned! {span=>
                Self(#p::StringLike::from_id(id))
            },
            clone_body: quote_spanned! {span=>
                Self(#p::StringLike::clone_id(&self.0))
            },
        }
    }

    /// The impls.
    pub(crate) fn generate(&self) -> TokenStream {
        let ResourceIdParts {
            ident,
            generics,
            prefix,
            as_str_body,
            from_checked_body,
            clone_body: _,
        } = self;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let de_generics = with_de_lifetime(generics);
        let (de_impl_generics, _, _) = de_generics.split_for_impl();
        let type_name = ident.unraw().to_string();
        let p = private::path();
        let prefix = match prefix {
            Some(prefix) => quote!(#p::Some(#prefix)),
            None => quote!(#p::None),
        };
        let key_traits = self.key_traits();
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

                    #[inline]
                    fn __from_checked(id: #p::String) -> Self {
                        #from_checked_body
                    }
                }

                #key_traits

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
                impl #impl_generics #p::serde::Serialize for #ident #ty_generics #where_clause {
                    fn serialize<__S: #p::serde::Serializer>(
                        &self,
                        serializer: __S,
                    ) -> #p::Result<__S::Ok, __S::Error> {
                        #p::serialize_id(self, serializer)
                    }
                }

                #[automatically_derived]
                impl #de_impl_generics #p::serde::Deserialize<'__de> for #ident #ty_generics #where_clause {
                    fn deserialize<__D: #p::serde::Deserializer<'__de>>(
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

    /// What a `detail` key needs, by the id's text: `Debug`, `Clone`,
    /// `PartialEq`, `Eq`, `Hash` and `Borrow<str>`. Equal ids are equal
    /// texts and hash as `str` does, which `Borrow<str>` (lookups by `&str`)
    /// requires, whatever the field's type.
    fn key_traits(&self) -> TokenStream {
        let ResourceIdParts {
            ident,
            generics,
            clone_body,
            ..
        } = self;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let type_name = ident.unraw().to_string();
        let p = private::path();
        quote! {
            #[automatically_derived]
            impl #impl_generics #p::Debug for #ident #ty_generics #where_clause {
                fn fmt(&self, f: &mut #p::Formatter<'_>) -> #p::FmtResult {
                    f.debug_tuple(#type_name)
                        .field(&#p::ResourceId::as_str(self))
                        .finish()
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::Clone for #ident #ty_generics #where_clause {
                #[inline]
                fn clone(&self) -> Self {
                    #clone_body
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::PartialEq for #ident #ty_generics #where_clause {
                #[inline]
                fn eq(&self, other: &Self) -> #p::bool {
                    #p::ResourceId::as_str(self) == #p::ResourceId::as_str(other)
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::Eq for #ident #ty_generics #where_clause {}

            #[automatically_derived]
            impl #impl_generics #p::Hash for #ident #ty_generics #where_clause {
                #[inline]
                fn hash<__H: #p::Hasher>(&self, state: &mut __H) {
                    #p::Hash::hash(#p::ResourceId::as_str(self), state);
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::Borrow<#p::str> for #ident #ty_generics #where_clause {
                #[inline]
                fn borrow(&self) -> &#p::str {
                    #p::ResourceId::as_str(self)
                }
            }
        }
    }
}
