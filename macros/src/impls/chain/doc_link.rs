//! Links in the doc comments of generated items.

use syn::Ident;
use syn::ext::IdentExt;

/// A link to the item `ident` (or its variant) for a doc comment; plain code
/// when a name is a raw identifier, which intra-doc links cannot spell.
pub(super) fn doc_link(ident: &Ident, variant: Option<&Ident>) -> String {
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
