//! The model of a struct that derives `ResourceId`.

use quote::ToTokens;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

use crate::attr::{self, RESOURCE_ID};
use crate::errors::Errors;

/// A one-field tuple struct that derives `ResourceId`.
pub(crate) struct ResourceIdModel<'a> {
    /// The struct's name.
    pub(crate) ident: &'a Ident,
    /// The struct's generics as written.
    pub(crate) generics: &'a Generics,
    /// The inner type: `String` (or anything `From<String> + AsRef<str>`).
    pub(crate) inner: &'a Type,
    /// `PREFIX`: from `#[resource_id(prefix = "...")]`.
    pub(crate) prefix: Option<String>,
}

/// The refusal of any other shape than a one-field tuple struct.
const ONE_FIELD_TUPLE: &str =
    "`#[derive(ResourceId)]` needs a one-field tuple struct, such as `struct InstanceId(String);`";

impl<'a> ResourceIdModel<'a> {
    /// Reads and checks `input`, recording every problem.
    pub(crate) fn from_input(input: &'a DeriveInput) -> syn::Result<Self> {
        let mut errors = Errors::default();
        let attrs = attr::resource_id(&input.attrs, &mut errors);
        // The inner type, or else the tokens that show the wrong shape.
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
                        Ok(&fields.unnamed[0].ty)
                    }
                    Fields::Unit => Err(input.ident.to_token_stream()),
                    fields => Err(fields.to_token_stream()),
                }
            }
            Data::Enum(data) => Err(data.enum_token.to_token_stream()),
            Data::Union(data) => Err(data.union_token.to_token_stream()),
        };
        let inner = match inner {
            Ok(inner) => inner,
            Err(shape) => return Err(errors.fail(shape, ONE_FIELD_TUPLE)),
        };
        errors.finish()?;
        Ok(ResourceIdModel {
            ident: &input.ident,
            generics: &input.generics,
            inner,
            prefix: attrs.prefix.map(|prefix| prefix.value()),
        })
    }
}
