//! The path of the runtime's hidden module, `::task_envelope::__private`
//! (`runtime/src/private.rs`): the one place this crate writes it.
//!
//! Generated code names the runtime only through this path (and `::core::...`),
//! so it compiles in modules that shadow `Result`, `String` or `str`, or that
//! have no prelude at all.
//!
//! A leaf module rather than a function in `lib.rs`: every generator uses it,
//! and `lib.rs` uses the generators, so a path in `lib.rs` would close an
//! import circle.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

/// `::task_envelope::__private`, spanned on the derive's call site.
pub(crate) fn path() -> TokenStream {
    path_at(Span::call_site())
}

/// `::task_envelope::__private` with every token spanned on `span`: inside a
/// `quote_spanned!` on a user's type, the whole path then points there, so an
/// error about it is reported under that type.
pub(crate) fn path_at(span: Span) -> TokenStream {
    quote_spanned!(span=> ::task_envelope::__private)
}
