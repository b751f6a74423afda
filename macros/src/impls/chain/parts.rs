//! What the generated items of a chain are made of, built from its model.

use proc_macro2::TokenStream;
use syn::ext::IdentExt;
use syn::{GenericParam, Generics, Ident, Member, Type, Visibility};

use crate::generics::{resource_id_type, with_resource_bounds};
use crate::model::chain::ChainModel;

/// What the generated items of a chain are made of.
pub(crate) struct ChainParts<'a> {
    /// The enum's name.
    pub(super) ident: &'a Ident,
    /// The enum's visibility, which the id enum and the inherent items share.
    pub(super) vis: &'a Visibility,
    /// The generated id enum's name.
    pub(super) id_enum_ident: &'a Ident,
    /// The enum's generics, plus for each variant's type `F`:
    /// `F: Resource` and `<F as Resource>::Id: ResourceId`, spanned on `F`.
    pub(super) generics: Generics,
    /// The enum's generics as written.
    pub(super) user_generics: &'a Generics,
    /// `KIND`.
    pub(super) kind: &'a str,
    /// In declaration order: the order of `TaskChain::Parts`.
    pub(super) variants: Vec<VariantParts<'a>>,
    /// Whether the enum has type or const parameters: then the overlap check
    /// waits for the first parse, where the parameters are known.
    pub(super) has_type_or_const_params: bool,
}

/// One variant, with the paths the impls use.
pub(super) struct VariantParts<'a> {
    /// The variant's name.
    pub(super) ident: &'a Ident,
    /// The variant's name without `r#`, for `Debug` and messages.
    pub(super) name: String,
    /// How to reach the resource it holds.
    pub(super) member: &'a Member,
    /// The resource's type, `F`.
    pub(super) ty: &'a Type,
    /// `<F as Resource>::Id`, spanned on `F`.
    pub(super) id_ty: TokenStream,
}

impl<'a> ChainParts<'a> {
    /// The parts of a checked chain.
    pub(crate) fn from_model(model: &'a ChainModel<'a>) -> Self {
        let generics = with_resource_bounds(
            model.generics,
            model.variants.iter().map(|variant| variant.ty),
        );
        let variants = model
            .variants
            .iter()
            .map(|variant| VariantParts {
                ident: variant.ident,
                name: variant.ident.unraw().to_string(),
                member: &variant.member,
                ty: variant.ty,
                id_ty: resource_id_type(variant.ty),
            })
            .collect();
        let has_type_or_const_params = model
            .generics
            .params
            .iter()
            .any(|param| !matches!(param, GenericParam::Lifetime(_)));
        ChainParts {
            ident: model.ident,
            vis: model.vis,
            id_enum_ident: &model.id_enum_ident,
            generics,
            user_generics: model.generics,
            kind: &model.kind,
            variants,
            has_type_or_const_params,
        }
    }
}
