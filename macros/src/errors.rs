//! Accumulation of errors, so that one compile reports every mistake.

use std::fmt::Display;

use quote::ToTokens;

/// The errors found so far, each spanned on the user's tokens.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    /// Records `error`.
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(first) => first.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// Records an error whose carets cover `tokens`.
    pub(crate) fn spanned(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error whose carets cover `tokens`, for a mistake that stops
    /// the derive, and returns every error recorded.
    pub(crate) fn fail(self, tokens: impl ToTokens, message: impl Display) -> syn::Error {
        let last = syn::Error::new_spanned(tokens, message);
        match self.0 {
            Some(mut recorded) => {
                recorded.combine(last);
                recorded
            }
            None => last,
        }
    }

    /// `Err` with every recorded error, if there was any.
    pub(crate) fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}
