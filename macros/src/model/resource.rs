//! The model of a struct that derives `Resource`.

use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{DataStruct, DataUnion, DeriveInput, Fields, Generics, Ident, Index, Member, Type};

use crate::attr;
use crate::errors::Errors;
use crate::model::kind::kind_of;

/// A struct that derives `Resource` (an enum is a chain: `model/chain.rs`).
pub(crate) struct ResourceModel<'a> {
    /// The struct's name.
    pub(crate) ident: &'a Ident,
    /// The struct's generics as written.
    pub(crate) generics: &'a Generics,
    /// `KIND`: from `#[resource(kind = "...")]`, or the type's name in `snake_case`.
    pub(crate) kind: String,
    /// The field marked `#[resource(id)]`.
    pub(crate) id: IdField<'a>,
}

/// The field marked `#[resource(id)]`.
pub(crate) struct IdField<'a> {
    /// How to reach it: `self.instance_id` or `self.0`.
    pub(crate) member: Member,
    /// Its type: the resource's `Id`.
    pub(crate) ty: &'a Type,
    /// `ID_FIELD`: `#[resource(id, rename = "...")]`, or else the field's name
    /// without `r#`, or its index.
    pub(crate) name: String,
}

impl<'a> ResourceModel<'a> {
    /// Reads and checks the struct `input`, whose body is `data`.
    pub(crate) fn from_struct(input: &'a DeriveInput, data: &'a DataStruct) -> syn::Result<Self> {
        let mut errors = Errors::default();
        let attrs = attr::resource(&input.attrs, &mut errors);
        let Some(id) = id_field(&data.fields, &mut errors) else {
            return Err(errors.fail(
                &input.ident,
                "`#[derive(Resource)]` needs one field marked `#[resource(id)]`",
            ));
        };
        errors.finish()?;
        Ok(ResourceModel {
            ident: &input.ident,
            generics: &input.generics,
            kind: kind_of(input, attrs.kind.as_ref()),
            id,
        })
    }
}

/// The errors of a union, which cannot derive `Resource`: every mistake in
/// its attributes, then the refusal itself.
pub(crate) fn refuse_union(input: &DeriveInput, data: &DataUnion) -> syn::Error {
    let mut errors = Errors::default();
    attr::resource(&input.attrs, &mut errors);
    errors.fail(
        data.union_token,
        "`#[derive(Resource)]` supports structs and enums of resources, not unions",
    )
}

/// Finds the one field marked `#[resource(id)]`, recording every problem of
/// the fields' attributes; `None` when no field is marked.
fn id_field<'a>(fields: &'a Fields, errors: &mut Errors) -> Option<IdField<'a>> {
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
    found
}
