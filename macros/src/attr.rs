//! Reading `#[resource(...)]` and `#[resource_id(...)]`.
//!
//! Every mistake is recorded in [`Errors`] under the offending tokens and
//! parsing goes on with the next key, so one compile reports all of them.

use proc_macro2::TokenTree;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, Lit, LitStr, Path, Token};

use crate::errors::Errors;

/// The attribute of `#[derive(Resource)]`.
pub(crate) const RESOURCE: &str = "resource";
/// The attribute of `#[derive(ResourceId)]`.
pub(crate) const RESOURCE_ID: &str = "resource_id";

/// `#[resource(id)]`: marks the id field.
const ID: &str = "id";
/// `#[resource(kind = "...")]`: the resource kind, on the struct or enum.
const KIND: &str = "kind";
/// `#[resource(id_type = "...")]`: the name of the id enum an enum of
/// resources generates.
const ID_TYPE: &str = "id_type";
/// `#[resource(id, rename = "...")]`: the id's name on the wire (`ID_FIELD`).
const RENAME: &str = "rename";
/// `#[resource_id(prefix = "...")]`: the id prefix, on the struct.
const PREFIX: &str = "prefix";

/// `#[resource(...)]` on a struct.
#[derive(Default)]
pub(crate) struct ResourceAttrs {
    /// The `kind` value.
    pub(crate) kind: Option<LitStr>,
}

/// `#[resource(...)]` on an enum of resources.
#[derive(Default)]
pub(crate) struct ChainAttrs {
    /// The `kind` value.
    pub(crate) kind: Option<LitStr>,
    /// The id enum's name, spanned on the string that spells it.
    pub(crate) id_type: Option<Ident>,
    /// Whether an `id_type` was refused: the name meant is then unknown.
    pub(crate) id_type_refused: bool,
}

/// `#[resource(...)]` on one field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// The `id` token, when the field is marked as the id.
    pub(crate) id: Option<Path>,
    /// The `rename` key and its value.
    pub(crate) rename: Option<(Path, LitStr)>,
}

/// `#[resource_id(...)]` on the struct.
#[derive(Default)]
pub(crate) struct ResourceIdAttrs {
    /// The `prefix` value.
    pub(crate) prefix: Option<LitStr>,
}

/// Reads the `#[resource(...)]` attributes of a struct.
pub(crate) fn resource(attrs: &[Attribute], errors: &mut Errors) -> ResourceAttrs {
    let mut parsed = ResourceAttrs::default();
    for_each_key(attrs, RESOURCE, errors, |meta| {
        if meta.path.is_ident(KIND) {
            let kind = non_empty_string(meta, KIND)?;
            set_once(&mut parsed.kind, kind, meta)
        } else if meta.path.is_ident(ID) {
            Err(meta.error(
                "`id` marks the id field: put `#[resource(id)]` on a field, not on the type",
            ))
        } else if meta.path.is_ident(ID_TYPE) {
            Err(meta.error(
                "`id_type` names the id enum of an enum of resources; a struct's id type is the type of its `#[resource(id)]` field",
            ))
        } else {
            Err(unknown_key(meta, RESOURCE, "the type", &[KIND]))
        }
    });
    parsed
}

/// Reads the `#[resource(...)]` attributes of an enum of resources.
pub(crate) fn chain(attrs: &[Attribute], errors: &mut Errors) -> ChainAttrs {
    let mut parsed = ChainAttrs::default();
    for_each_key(attrs, RESOURCE, errors, |meta| {
        if meta.path.is_ident(KIND) {
            let kind = non_empty_string(meta, KIND)?;
            set_once(&mut parsed.kind, kind, meta)
        } else if meta.path.is_ident(ID_TYPE) {
            let ident = identifier(meta, ID_TYPE).inspect_err(|_| parsed.id_type_refused = true)?;
            set_once(&mut parsed.id_type, ident, meta)
        } else if meta.path.is_ident(ID) {
            Err(meta.error(
                "an enum of resources has no id field: each variant's id is the id of the resource it holds",
            ))
        } else {
            Err(unknown_key(meta, RESOURCE, "an enum", &[KIND, ID_TYPE]))
        }
    });
    parsed
}

/// Reads the `#[resource(...)]` attributes of a field.
pub(crate) fn field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut parsed = FieldAttrs::default();
    for_each_key(attrs, RESOURCE, errors, |meta| {
        if meta.path.is_ident(ID) {
            if meta.input.peek(Token![=]) {
                return Err(meta.error("`id` takes no value: write `#[resource(id)]`"));
            }
            set_once(&mut parsed.id, meta.path.clone(), meta)
        } else if meta.path.is_ident(RENAME) {
            let name = non_empty_string(meta, RENAME)?;
            set_once(&mut parsed.rename, (meta.path.clone(), name), meta)
        } else if meta.path.is_ident(KIND) {
            Err(meta.error(
                "`kind` names the resource kind: put `#[resource(kind = \"...\")]` on the type, not on a field",
            ))
        } else {
            Err(unknown_key(meta, RESOURCE, "a field", &[ID, RENAME]))
        }
    });
    parsed
}

/// Reads the `#[resource_id(...)]` attributes of a struct.
pub(crate) fn resource_id(attrs: &[Attribute], errors: &mut Errors) -> ResourceIdAttrs {
    let mut parsed = ResourceIdAttrs::default();
    for_each_key(attrs, RESOURCE_ID, errors, |meta| {
        if meta.path.is_ident(PREFIX) {
            let prefix = non_empty_string(meta, PREFIX)?;
            set_once(&mut parsed.prefix, prefix, meta)
        } else {
            Err(unknown_key(meta, RESOURCE_ID, "the type", &[PREFIX]))
        }
    });
    parsed
}

/// Refuses every `#[name(...)]` in `attrs`: the attribute does not belong there.
pub(crate) fn refuse(attrs: &[Attribute], name: &str, errors: &mut Errors, why: &str) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident(name)) {
        errors.spanned(attr, why);
    }
}

/// Calls `read` for each key of each `#[name(...)]`. An error from `read` is
/// recorded, the rest of that key is skipped, and the next key is read.
fn for_each_key(
    attrs: &[Attribute],
    name: &str,
    errors: &mut Errors,
    mut read: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident(name)) {
        let parsed = attr.parse_nested_meta(|meta| {
            if let Err(error) = read(&meta) {
                errors.push(error);
                skip_rest_of_key(&meta)?;
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
}

/// Skips whatever is left of the current key, up to the next `,`.
fn skip_rest_of_key(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// Reads `key = "non-empty string"`.
fn non_empty_string(meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<LitStr> {
    let expected = || format!("expected a string for `{key}`, as in `{key} = \"...\"`");
    let value = meta.value()?;
    let lit = match value.parse::<Lit>() {
        Ok(Lit::Str(lit)) => lit,
        Ok(other) => return Err(syn::Error::new_spanned(other, expected())),
        Err(_) => {
            let token: TokenTree = value.parse()?;
            return Err(syn::Error::new_spanned(token, expected()));
        }
    };
    if lit.value().is_empty() {
        return Err(syn::Error::new_spanned(
            lit,
            format!("`{key}` must not be empty"),
        ));
    }
    Ok(lit)
}

/// Reads `key = "Identifier"`, the identifier spanned on the string.
fn identifier(meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<Ident> {
    let name = non_empty_string(meta, key)?;
    name.parse::<Ident>().map_err(|_| {
        syn::Error::new_spanned(
            &name,
            format!("`{key}` must be a Rust identifier, as in `{key} = \"TargetKey\"`"),
        )
    })
}

/// Stores the value of the key `meta` in `slot`, or refuses the key if it was
/// already given.
fn set_once<T>(slot: &mut Option<T>, value: T, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new_spanned(
            &meta.path,
            format!("duplicate `{}`: give it once", path_text(&meta.path)),
        ));
    }
    *slot = Some(value);
    Ok(())
}

/// The error on a key that `#[attribute(...)]` does not have in `place`,
/// which lists the `known` keys.
fn unknown_key(
    meta: &ParseNestedMeta<'_>,
    attribute: &str,
    place: &str,
    known: &[&str],
) -> syn::Error {
    let known: Vec<String> = known.iter().map(|key| format!("`{key}`")).collect();
    syn::Error::new_spanned(
        &meta.path,
        format!(
            "unknown key `{}` in `#[{attribute}(...)]` on {place}; expected {}",
            path_text(&meta.path),
            known.join(" or ")
        ),
    )
}

/// `path` as written, without spaces: `a::b`.
fn path_text(path: &Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    segments.join("::")
}

#[cfg(test)]
mod tests;
