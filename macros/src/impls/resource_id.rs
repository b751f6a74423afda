//! The impls of `#[derive(ResourceId)]`: `ResourceId`, `Display`, `FromStr`,
//! `AsRef<str>`, `Serialize`, `Deserialize`, and `JsonSchema` when the
//! runtime has its `schemars` feature.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Generics, Ident};

use crate::generics::with_de_lifetime;
use crate::model::resource_id::ResourceIdModel;
use crate::private;

/// What the impls of `#[derive(ResourceId)]` are made of.
pub(crate) struct ResourceIdParts<'a> {
    /// The struct's name.
    pub(crate) ident: &'a Ident,
    /// The struct's generics as written.
    pub(crate) generics: &'a Generics,
    /// `PREFIX`.
    pub(crate) prefix: Option<String>,
    /// The body of `fn as_str(&self) -> &str`.
    pub(crate) as_str_body: TokenStream,
    /// The body of `fn __from_checked(id: String) -> Self`.
    pub(crate) from_checked_body: TokenStream,
}

impl<'a> ResourceIdParts<'a> {
    /// The parts of a checked id type.
    pub(crate) fn from_model(model: &ResourceIdModel<'a>) -> Self {
        // Spanned on the inner type, so a type that is not `String`-like is
        // reported there.
        let span = model.inner.span();
        let p = private::path_at(span);
        ResourceIdParts {
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

    /// The impls.
    pub(crate) fn generate(&self) -> TokenStream {
        let ResourceIdParts {
            ident,
            generics,
            prefix,
            as_str_body,
            from_checked_body,
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
}
