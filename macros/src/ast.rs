//! The validated models the derives generate code from.
//!
//! Building a model checks the input and records every problem in
//! [`Errors`]; a model is only returned when there was none. The models keep
//! references to the user's syntax nodes so generated code can carry their
//! spans.

use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Index, LitStr, Member, Type};

use crate::attr::{self, RESOURCE_ID};
use crate::case::snake_case;
use crate::errors::Errors;

/// A struct that derives `Resource` (an enum is a `ChainModel`, in `ast_enum.rs`).
pub(crate) struct ResourceModel<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// `KIND`: from `#[resource(kind = "...")]`, or the type's name in `snake_case`.
    pub(crate) kind: String,
    pub(crate) id: IdField<'a>,
}

/// The field marked `#[resource(id)]`.
pub(crate) struct IdField<'a> {
    /// How to reach it: `self.instance_id` or `self.0`.
    pub(crate) member: Member,
    pub(crate) ty: &'a Type,
    /// `ID_FIELD`: `#[resource(id, rename = "...")]`, or else the field's name
    /// without `r#`, or its index.
    pub(crate) name: String,
}

impl<'a> ResourceModel<'a> {
    pub(crate) fn from_input(input: &'a DeriveInput) -> syn::Result<Self> {
        let mut errors = Errors::default();
        let attrs = attr::resource(&input.attrs, &mut errors);
        let id = match &input.data {
            Data::Struct(data) => id_field(input, &data.fields, &mut errors),
            // `expand::resource` sends enums to `ChainModel`; this arm only
            // keeps the match whole.
            Data::Enum(data) => {
                errors.spanned(
                    data.enum_token,
                    "an enum of resources is read by `ChainModel`, not `ResourceModel`",
                );
                None
            }
            Data::Union(data) => {
                errors.spanned(
                    data.union_token,
                    "`#[derive(Resource)]` supports structs and enums of resources, not unions",
                );
                None
            }
        };
        errors.finish()?;
        let id = id.ok_or_else(|| syn::Error::new_spanned(&input.ident, "no id field"))?;
        Ok(ResourceModel {
            ident: &input.ident,
            generics: &input.generics,
            kind: default_kind(input, attrs.kind.as_ref()),
            id,
        })
    }
}

/// `KIND` for `input`, given its `kind` attribute.
pub(crate) fn default_kind(input: &DeriveInput, kind: Option<&LitStr>) -> String {
    kind.map_or_else(
        || snake_case(&input.ident.unraw().to_string()),
        LitStr::value,
    )
}

/// Finds the one field marked `#[resource(id)]`, recording every problem.
fn id_field<'a>(
    input: &DeriveInput,
    fields: &'a Fields,
    errors: &mut Errors,
) -> Option<IdField<'a>> {
    let mut found: Option<IdField<'a>> = None;
    // The Rust name of the id field found first, for the error on a second.
    let mut first_field: Option<String> = None;
    for (index, field) in fields.iter().enumerate() {
        let attrs = attr::field(&field.attrs, errors);
        let Some(id_token) = attrs.id else {
            if let Some((rename, _)) = attrs.rename {
                errors.spanned(
                    rename,
                    "`rename` names the id field on the wire: use it with `id`, as in `#[resource(id, rename = \"...\")]`",
                );
            }
            continue;
        };
        let (member, name) = match &field.ident {
            Some(ident) => (Member::Named(ident.clone()), ident.unraw().to_string()),
            None => {
                let index = Index {
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                    span: field.ty.span(),
                };
                let name = index.index.to_string();
                (Member::Unnamed(index), name)
            }
        };
        match &first_field {
            Some(first) => errors.spanned(
                &id_token,
                format!("only one field can be `#[resource(id)]`; `{first}` already is"),
            ),
            None => {
                first_field = Some(name.clone());
                found = Some(IdField {
                    member,
                    ty: &field.ty,
                    name: attrs.rename.map_or(name, |(_, rename)| rename.value()),
                });
            }
        }
    }
    if found.is_none() {
        errors.spanned(
            &input.ident,
            "`#[derive(Resource)]` needs one field marked `#[resource(id)]`",
        );
    }
    found
}

/// A one-field tuple struct that derives `ResourceId`.
pub(crate) struct IdModel<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// The inner type: `String` (or anything `From<String> + AsRef<str>`).
    pub(crate) inner: &'a Type,
    pub(crate) prefix: Option<String>,
}

const ONE_FIELD_TUPLE: &str =
    "`#[derive(ResourceId)]` needs a one-field tuple struct, such as `struct InstanceId(String);`";

impl<'a> IdModel<'a> {
    pub(crate) fn from_input(input: &'a DeriveInput) -> syn::Result<Self> {
        let mut errors = Errors::default();
        let attrs = attr::resource_id(&input.attrs, &mut errors);
        let inner = match &input.data {
            Data::Struct(data) => {
                for field in &data.fields {
                    attr::refuse(
                        &field.attrs,
                        RESOURCE_ID,
                        &mut errors,
                        "`#[resource_id(...)]` goes on the type, not on a field",
                    );
                }
                match &data.fields {
                    Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                        fields.unnamed.first().map(|field| &field.ty)
                    }
                    Fields::Unit => {
                        errors.spanned(&input.ident, ONE_FIELD_TUPLE);
                        None
                    }
                    fields => {
                        errors.spanned(fields, ONE_FIELD_TUPLE);
                        None
                    }
                }
            }
            Data::Enum(data) => {
                errors.spanned(data.enum_token, ONE_FIELD_TUPLE);
                None
            }
            Data::Union(data) => {
                errors.spanned(data.union_token, ONE_FIELD_TUPLE);
                None
            }
        };
        errors.finish()?;
        let inner = inner.ok_or_else(|| syn::Error::new_spanned(&input.ident, ONE_FIELD_TUPLE))?;
        Ok(IdModel {
            ident: &input.ident,
            generics: &input.generics,
            inner,
            prefix: attrs.prefix.map(|prefix| prefix.value()),
        })
    }
}
