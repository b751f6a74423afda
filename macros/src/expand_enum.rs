//! Code generation for an enum of resources: the id enum and its traits,
//! `BatchTarget`, `TaskChain`, the compile-time check that no two variants
//! accept one id, and the inherent `id()`.
//!
//! As in `expand.rs`, the runtime is named only through
//! [`private::path`] and `::core::...`. Local names start
//! with `__`, so that a user's unit struct or constant of the same name
//! cannot turn a binding into a pattern.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{
    DataEnum, DeriveInput, Generics, Ident, LitStr, Member, Type, Visibility, WherePredicate,
};

use crate::fallback;
use crate::model::chain::{ChainModel, ChainVariant, FailedChain};
use crate::private;

mod id_enum;

/// The expansion of `#[derive(Resource)]` on an enum.
pub(crate) fn task_chain(input: &DeriveInput, data: &DataEnum) -> TokenStream {
    match ChainModel::from_enum(input, data) {
        Ok(model) => Chain::from_model(&model).expand(),
        Err(FailedChain {
            error,
            id_enum_ident,
            variants,
        }) => {
            let error = error.into_compile_error();
            let fallback = fallback::task_chain(input, id_enum_ident.as_ref(), &variants);
            quote!(#error #fallback)
        }
    }
}

/// What the generated items are made of.
struct Chain<'a> {
    ident: &'a Ident,
    vis: &'a Visibility,
    id_ident: &'a Ident,
    /// The enum's generics, plus for each variant's type `F`:
    /// `F: Resource` and `<F as Resource>::Id: ResourceId`, spanned on `F`.
    generics: Generics,
    /// The enum's generics as written.
    user_generics: &'a Generics,
    kind: &'a str,
    variants: Vec<Variant<'a>>,
    /// Whether the enum has type or const parameters: then the overlap check
    /// waits for the first parse, where the parameters are known.
    generic: bool,
}

/// One variant, with the paths the impls use.
struct Variant<'a> {
    ident: &'a Ident,
    /// The variant's name without `r#`, for `Debug` and messages.
    name: String,
    member: &'a Member,
    ty: &'a Type,
    /// `<F as Resource>::Id`, spanned on `F`.
    id_ty: TokenStream,
}

/// `<F as Resource>::Id`, every token spanned on the user's type `F`, so that
/// errors about it are reported there.
pub(crate) fn id_type(ty: &Type) -> TokenStream {
    let p = private::path_at(ty.span());
    quote_spanned!(ty.span()=> <#ty as #p::Resource>::Id)
}

/// `generics` plus, for each variant's type `F`, `F: Resource` and
/// `<F as Resource>::Id: ResourceId`, spanned on `F`: a type that is no
/// resource, or whose id is no `ResourceId`, is reported there.
pub(crate) fn bounded_generics(generics: &Generics, variants: &[ChainVariant<'_>]) -> Generics {
    let mut generics = generics.clone();
    let predicates = &mut generics.make_where_clause().predicates;
    for ChainVariant { ty, .. } in variants {
        let id_ty = id_type(ty);
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

/// A link to the item `ident` (or its variant) for a doc comment; plain code
/// when a name is a raw identifier, which intra-doc links cannot spell.
fn doc_link(ident: &Ident, variant: Option<&Ident>) -> String {
    let raw = |ident: &Ident| ident.to_string().starts_with("r#");
    let text = match variant {
        Some(variant) => format!("{}::{}", ident.unraw(), variant.unraw()),
        None => ident.unraw().to_string(),
    };
    if raw(ident) || variant.is_some_and(raw) {
        format!("`{text}`")
    } else {
        format!("[`{text}`]")
    }
}

impl<'a> Chain<'a> {
    fn from_model(model: &'a ChainModel<'a>) -> Self {
        let generics = bounded_generics(model.generics, &model.variants);
        let variants = model
            .variants
            .iter()
            .map(|variant| Variant {
                ident: variant.ident,
                name: variant.ident.unraw().to_string(),
                member: &variant.member,
                ty: variant.ty,
                id_ty: id_type(variant.ty),
            })
            .collect();
        let generic = model
            .generics
            .params
            .iter()
            .any(|param| !matches!(param, syn::GenericParam::Lifetime(_)));
        Chain {
            ident: model.ident,
            vis: model.vis,
            id_ident: &model.id_enum_ident,
            generics,
            user_generics: model.generics,
            kind: &model.kind,
            variants,
            generic,
        }
    }

    fn expand(&self) -> TokenStream {
        let id_enum = self.id_enum();
        let id_traits = self.id_traits();
        let id_parsing = self.id_parsing();
        let distinct = self.distinct_kinds();
        let target = self.batch_target();
        let split = self.task_chain();
        let id_method = self.id_method();
        let schema = self.schema();
        quote! {
            #id_enum

            const _: () = {
                #id_traits
                #id_parsing
                #distinct
                #target
                #split
                #id_method
                #schema
            };
        }
    }

    /// `DistinctKinds`: a panic (a compile error) under the second of two
    /// variants that could take the same id, evaluated here for an enum
    /// without type or const parameters.
    fn distinct_kinds(&self) -> TokenStream {
        let p = private::path();
        let ident = self.ident;
        // Checked at definition, the impl needs none of our bounds (its types
        // are known), and must not have them: when a variant's type is no
        // resource, the `const _` below would add an error naming this
        // hidden trait to the one on that type.
        let generics = if self.generic {
            &self.generics
        } else {
            self.user_generics
        };
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let enum_name = ident.unraw();
        let mut checks = Vec::new();
        for (index, second) in self.variants.iter().enumerate() {
            for first in &self.variants[..index] {
                let (first_id, second_id) = (&first.id_ty, &second.id_ty);
                let (first_name, second_name) = (&first.name, &second.name);
                let clash = format!(
                    "variant `{second_name}` of `{enum_name}` can take the same ids as variant `{first_name}`"
                );
                let no_prefix = LitStr::new(
                    &format!("{clash}: neither id type has a prefix, so both accept any id"),
                    second.ident.span(),
                );
                let prefixes = LitStr::new(
                    &format!("{clash}: the prefix of one id type starts the other's"),
                    second.ident.span(),
                );
                let first_prefix = quote!(<#first_id as #p::ResourceId>::PREFIX);
                let second_prefix = quote!(<#second_id as #p::ResourceId>::PREFIX);
                let panic_no_prefix =
                    quote_spanned!(second.ident.span()=> ::core::panic!(#no_prefix));
                let panic_prefixes =
                    quote_spanned!(second.ident.span()=> ::core::panic!(#prefixes));
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
        let at_definition = (!self.generic).then(|| {
            let lifetimes = self.generics.lifetimes().map(|_| quote!('_));
            let ty_args =
                (self.generics.lifetimes().next().is_some()).then(|| quote!(<#(#lifetimes),*>));
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

    /// `BatchTarget`: the enum keys a batch reply by its id enum, and a job
    /// status's `entities` by each variant's `ID_FIELD` (the hidden hooks:
    /// the key chooses the variant, the variant's id type reads the id).
    fn batch_target(&self) -> TokenStream {
        let p = private::path();
        let Chain {
            ident, id_ident, ..
        } = self;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let types: Vec<&Type> = self.variants.iter().map(|variant| variant.ty).collect();
        let idents: Vec<&Ident> = self.variants.iter().map(|variant| variant.ident).collect();
        let indexes: Vec<Literal> = (0..self.variants.len())
            .map(Literal::usize_unsuffixed)
            .collect();
        let keys = quote!([#(<#types as #p::Resource>::ID_FIELD,)*]);
        quote! {
            #[automatically_derived]
            impl #impl_generics #p::BatchTarget for #ident #ty_generics #where_clause {
                type Id = #id_ident #ty_generics;

                fn __entity_id_key(__name: &#p::str) -> #p::Option<#p::usize> {
                    #p::entity_id_key(__name, &#keys)
                }

                fn __entity_id_key_name(__kind: #p::usize) -> &'static #p::str {
                    #p::entity_id_key_name(__kind, &#keys)
                }

                fn __entity_id_key_of(__id: &Self::Id) -> &'static #p::str {
                    match __id {
                        #(#id_ident::#idents(_) => <#types as #p::Resource>::ID_FIELD,)*
                    }
                }

                fn __deserialize_entity_id<'__de, __D: #p::Deserializer<'__de>>(
                    __kind: #p::usize,
                    __deserializer: __D,
                ) -> #p::Result<Self::Id, __D::Error> {
                    if #p::entity_id_key_shared(__kind, &#keys) {
                        return <Self::Id as #p::Deserialize<'__de>>::deserialize(__deserializer);
                    }
                    match __kind {
                        #(#indexes => #p::Result::map(
                            <<#types as #p::Resource>::Id as #p::Deserialize<'__de>>::deserialize(
                                __deserializer,
                            ),
                            #id_ident::#idents,
                        ),)*
                        _ => <Self::Id as #p::Deserialize<'__de>>::deserialize(__deserializer),
                    }
                }
            }
        }
    }

    /// `TaskChain`: a reply splits into one batch per variant, in order.
    fn task_chain(&self) -> TokenStream {
        let p = private::path();
        let Chain {
            ident, id_ident, ..
        } = self;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let types = self.variants.iter().map(|variant| variant.ty);
        let idents = self.variants.iter().map(|variant| variant.ident);
        let indexes: Vec<Literal> = (0..self.variants.len())
            .map(Literal::usize_unsuffixed)
            .collect();
        let empty = self.variants.iter().map(|_| quote!(#p::Vec::new()));
        quote! {
            #[automatically_derived]
            impl #impl_generics #p::TaskChain for #ident #ty_generics #where_clause {
                type Parts = (#(#p::BatchResponse<#types>,)*);

                fn split(__batch: #p::BatchResponse<Self>) -> Self::Parts {
                    let (__whole, __detail) = #p::take_apart(__batch);
                    let mut __parts = (#(#empty,)*);
                    for (__id, __task) in __detail {
                        match __id {
                            #(#id_ident::#idents(__id) => __parts.#indexes.push((__id, __task)),)*
                        }
                    }
                    (#(__whole.part(__parts.#indexes),)*)
                }
            }
        }
    }

    /// The inherent `id()`: the id of the resource a value holds.
    fn id_method(&self) -> TokenStream {
        let p = private::path();
        let Chain {
            ident,
            vis,
            id_ident,
            ..
        } = self;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let arms = self.variants.iter().map(|variant| {
            let Variant { ident, member, .. } = variant;
            quote! {
                Self::#ident { #member: __resource } => #id_ident::#ident(
                    #p::Clone::clone(#p::Resource::id(__resource)),
                ),
            }
        });
        let doc = format!(
            " The id of the resource this value holds, as {}: its key in a batch reply's \
             `detail`.",
            doc_link(id_ident, None)
        );
        let kind = self.kind;
        quote! {
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc = " The kind of this enum of resources, such as `\"target\"`: from"]
                #[doc = " `#[resource(kind = \"...\")]`, or the enum's name in `snake_case`."]
                #vis const KIND: &'static #p::str = #kind;

                #[doc = #doc]
                #[must_use]
                #vis fn id(&self) -> #id_ident #ty_generics {
                    match self {
                        #(#arms)*
                    }
                }
            }
        }
    }

    /// `JsonSchema` for the id enum when the runtime has its `schemars`
    /// feature: the runtime's macro decides.
    fn schema(&self) -> TokenStream {
        let p = private::path();
        let id_ident = self.id_ident;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let predicates = where_clause
            .into_iter()
            .flat_map(|clause| &clause.predicates);
        let type_name = id_ident.unraw().to_string();
        let generic = self.generic;
        let types = self.variants.iter().map(|variant| variant.ty);
        quote! {
            #p::task_chain_id_schema! {
                impl [#impl_generics] #id_ident #ty_generics where [#(#predicates,)*]
                name = #type_name generic = #generic resources = [#(#types),*]
            }
        }
    }
}
