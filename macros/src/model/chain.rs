//! The model of a chain: an enum of resources that derives `Resource`, the
//! target of a task chain, keyed by a generated id enum.
//!
//! Like [`ResourceModel`](crate::model::resource::ResourceModel), building it
//! records every problem in [`Errors`] and keeps references to the user's
//! syntax nodes, so that generated code and errors carry their spans.

use quote::{format_ident, quote};
use syn::{DataEnum, DeriveInput, Fields, Generics, Ident, Member, Type, Variant, Visibility};

use crate::attr::{self, RESOURCE};
use crate::errors::Errors;
use crate::model::kind::kind_of;

/// An enum whose variants each hold one resource, deriving `Resource`.
pub(crate) struct ChainModel<'a> {
    /// The enum's name.
    pub(crate) ident: &'a Ident,
    /// The enum's visibility.
    pub(crate) vis: &'a Visibility,
    /// The enum's generics as written.
    pub(crate) generics: &'a Generics,
    /// `KIND`: from `#[resource(kind = "...")]`, or the enum's name in `snake_case`.
    pub(crate) kind: String,
    /// The generated id enum's name: `#[resource(id_type = "...")]`, or
    /// `<Enum>Id`.
    pub(crate) id_enum_ident: Ident,
    /// In declaration order: the order of `TaskChain::Parts`.
    pub(crate) variants: Vec<ChainVariant<'a>>,
}

/// One variant and the resource it holds.
pub(crate) struct ChainVariant<'a> {
    /// The variant's name.
    pub(crate) ident: &'a Ident,
    /// How to reach the resource: `0` in `Instance(Instance)`, `disk` in
    /// `Disk { disk: Disk }`.
    pub(crate) member: Member,
    /// The resource's type.
    pub(crate) ty: &'a Type,
}

/// What a failed model still knows, for the fallback.
pub(crate) struct FailedChain<'a> {
    /// Every problem found.
    pub(crate) error: syn::Error,
    /// The id enum's name, unless `id_type` was itself the mistake.
    pub(crate) id_enum_ident: Option<Ident>,
    /// The variants that hold one field.
    pub(crate) variants: Vec<ChainVariant<'a>>,
}

/// What a variant must hold, for the errors on those that do not.
const ONE_FIELD: &str = "each variant of an enum of resources holds exactly one field, \
    whose type implements `Resource`, as in `Instance(Instance)` or `Disk { disk: Disk }`";

impl<'a> ChainModel<'a> {
    /// Reads and checks the enum `input`, whose body is `data`.
    pub(crate) fn from_enum(
        input: &'a DeriveInput,
        data: &'a DataEnum,
    ) -> Result<Self, FailedChain<'a>> {
        let mut errors = Errors::default();
        let attrs = attr::chain(&input.attrs, &mut errors);
        let id_enum_ident = match attrs.id_type {
            // The name meant is unknown: a guess could clash with another type.
            None if attrs.id_type_refused => None,
            Some(id_type) if id_type == input.ident => {
                errors.spanned(
                    &id_type,
                    "`id_type` names the generated id enum, which needs a name of its own, \
                     not the name of the enum it is derived from",
                );
                None
            }
            Some(id_type) => Some(id_type),
            // The span of the enum's name: `TargetId` resolves where `Target` does.
            None => Some(format_ident!("{}Id", input.ident)),
        };
        if data.variants.is_empty() {
            errors.spanned(
                &input.ident,
                "an enum of resources needs at least one variant, each holding one resource, \
                 as in `Instance(Instance)`",
            );
        }
        let variants: Vec<ChainVariant<'a>> = data
            .variants
            .iter()
            .filter_map(|variant| chain_variant(variant, &mut errors))
            .collect();
        match errors.finish() {
            Ok(()) => Ok(ChainModel {
                ident: &input.ident,
                vis: &input.vis,
                generics: &input.generics,
                kind: kind_of(input, attrs.kind.as_ref()),
                // Always `Some` here: the only `None` recorded an error.
                id_enum_ident: id_enum_ident.unwrap_or_else(|| format_ident!("{}Id", input.ident)),
                variants,
            }),
            Err(error) => Err(FailedChain {
                error,
                id_enum_ident,
                variants,
            }),
        }
    }
}

/// Reads one variant, recording every problem: attributes that mean nothing
/// here, and a number of fields other than one.
fn chain_variant<'a>(variant: &'a Variant, errors: &mut Errors) -> Option<ChainVariant<'a>> {
    attr::refuse(
        &variant.attrs,
        RESOURCE,
        errors,
        "`#[resource(...)]` does not go on a variant: its kind is the `KIND` of the resource it holds",
    );
    for field in &variant.fields {
        attr::refuse(
            &field.attrs,
            RESOURCE,
            errors,
            "`#[resource(...)]` does not go on a variant's field: the variant's id is the id of the resource it holds",
        );
    }
    let name = &variant.ident;
    let mut fields = variant.fields.iter();
    match (fields.next(), fields.next()) {
        (Some(field), None) => Some(ChainVariant {
            ident: name,
            member: field
                .ident
                .clone()
                .map_or_else(|| Member::Unnamed(0.into()), Member::Named),
            ty: &field.ty,
        }),
        (None, _) => {
            let message = format!("variant `{name}` holds no resource: {ONE_FIELD}");
            match &variant.fields {
                Fields::Unit => errors.spanned(name, message),
                fields => errors.spanned(fields, message),
            }
            None
        }
        (Some(_), Some(_)) => {
            // Under the fields to remove: the second one and any after it.
            let extra = variant.fields.iter().skip(1);
            errors.spanned(
                quote!(#(#extra),*),
                format!(
                    "variant `{name}` holds {} fields: {ONE_FIELD}",
                    variant.fields.len()
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests;
