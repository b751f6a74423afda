//! Rendering of wire data (messages, resource ids) inside error messages.
//!
//! Every `Display` of this crate is one line: control characters in data are
//! escaped (`\n` becomes the two characters `\` `n`), and so are the
//! characters that hide or reorder text (see [`OneLine`]), so a hostile
//! message can neither break a log line in two, forge a second one, nor
//! drive a terminal. Resource ids named
//! inside parse errors are also cut to [`ID_DISPLAY_LIMIT`] characters, so a
//! 50 MB key cannot turn into a 50 MB error message.

use core::fmt::{self, Write};

use serde::de::{self, Unexpected};

/// How many characters of a resource id an error message shows.
pub(crate) const ID_DISPLAY_LIMIT: usize = 200;

/// How many characters a found string takes in an error message, escapes
/// included.
pub(crate) const FOUND_DISPLAY_LIMIT: usize = 120;

/// The "invalid type" error for a string found where `expected` should be:
/// the string as `serde` shows it when that is short, else as much of it as
/// fits in [`FOUND_DISPLAY_LIMIT`] characters (escapes counted), cut with
/// `…`, and its length, so a 50 MB value cannot become a 50 MB error.
pub(crate) fn found_text<E: de::Error>(value: &str, expected: &dyn de::Expected) -> E {
    with_found_text(value, |found| E::invalid_type(found, expected))
}

/// Calls `make` with what an error should say was found for `value`: the
/// string itself when short, else a cut description (see [`found_text`]).
pub(crate) fn with_found_text<T>(value: &str, make: impl FnOnce(Unexpected<'_>) -> T) -> T {
    let mut shown = String::new();
    for c in value.chars() {
        let before = shown.len();
        shown.extend(c.escape_debug());
        if shown.len() > FOUND_DISPLAY_LIMIT {
            shown.truncate(before);
            let shown = format!("string \"{shown}…\" ({} bytes)", value.len());
            return make(Unexpected::Other(&shown));
        }
    }
    make(Unexpected::Str(value))
}

/// The "invalid type" error for bytes found where `expected` should be:
/// how many, not what.
pub(crate) fn found_bytes<E: de::Error>(value: &[u8], expected: &dyn de::Expected) -> E {
    E::invalid_type(
        Unexpected::Other(&format!("{} bytes", value.len())),
        expected,
    )
}

/// Displays a value on one line, safe to print to a terminal or a log:
/// control characters (`\n`, the escape character that starts terminal
/// sequences, ...), line and paragraph separators (U+2028, U+2029),
/// bidirectional overrides and isolates (U+202A to U+202E, U+2066 to
/// U+2069, which can make text read backwards), zero-width characters
/// (U+200B to U+200F) and the byte-order mark (U+FEFF) are written as
/// escapes (`\u{202e}`), so what is printed is what the data holds.
///
/// Every `Display` of this crate's replies and errors writes wire data this
/// way. Resource ids are displayed as they are (their `Display` must give
/// back the id for `FromStr`), so print an id that came from the wire
/// through `OneLine`:
///
/// ```
/// use task_envelope::OneLine;
///
/// let id = "ins-1\u{1b}[2J\u{202e}";
/// assert_eq!(OneLine(id).to_string(), r"ins-1\u{1b}[2J\u{202e}");
/// assert_eq!(OneLine("plain é").to_string(), "plain é");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OneLine<T>(pub T);

impl<T: fmt::Display> fmt::Display for OneLine<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Escaper::unbounded(f), "{}", self.0)
    }
}

/// Whether `c` is written as an escape on one line (see [`OneLine`]).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Displays a resource id between backticks, on one line, cut to
/// [`ID_DISPLAY_LIMIT`] characters (with a trailing `…` when cut).
pub(crate) struct IdText<'a>(pub(crate) &'a dyn fmt::Display);

impl fmt::Display for IdText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('`')?;
        let mut escaper = Escaper {
            out: f,
            left: ID_DISPLAY_LIMIT,
            cut: false,
        };
        write!(escaper, "{}", self.0)?;
        let cut = escaper.cut;
        if cut {
            f.write_char('…')?;
        }
        f.write_char('`')
    }
}

/// How many characters of a provider's error a parse error repeats.
pub(crate) const QUOTED_ERROR_LIMIT: usize = 300;

/// Displays a value on one line, cut to `.1` characters (with a trailing
/// `…` when cut): for wire text repeated inside an error message.
pub(crate) struct Cut<'a>(pub(crate) &'a dyn fmt::Display, pub(crate) usize);

impl fmt::Display for Cut<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut escaper = Escaper {
            out: f,
            left: self.1,
            cut: false,
        };
        write!(escaper, "{}", self.0)?;
        if escaper.cut {
            f.write_char('…')?;
        }
        Ok(())
    }
}

/// A `fmt::Write` adapter that escapes control characters and stops writing
/// after `left` characters.
struct Escaper<'a, 'b> {
    out: &'a mut fmt::Formatter<'b>,
    left: usize,
    cut: bool,
}

impl<'a, 'b> Escaper<'a, 'b> {
    fn unbounded(out: &'a mut fmt::Formatter<'b>) -> Self {
        Escaper {
            out,
            left: usize::MAX,
            cut: false,
        }
    }
}

impl Write for Escaper<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for c in text.chars() {
            if self.left == 0 {
                self.cut = true;
                return Ok(());
            }
            self.left -= 1;
            if needs_escape(c) {
                write!(self.out, "{}", c.escape_default())?;
            } else {
                self.out.write_char(c)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_escapes_control_characters() {
        assert_eq!(OneLine("a\nb\tc\u{0}").to_string(), "a\\nb\\tc\\u{0}");
        assert_eq!(OneLine("plain é").to_string(), "plain é");
    }

    #[test]
    fn one_line_escapes_what_hides_or_reorders_text() {
        for c in [
            '\u{2028}', '\u{2029}', '\u{202E}', '\u{200B}', '\u{FEFF}', '\u{1b}', '\u{2067}',
        ] {
            let shown = OneLine(format!("a{c}b")).to_string();
            assert_eq!(shown, format!("a{}b", c.escape_default()), "{c:?}");
        }
        // The id shown in errors is cut and escaped the same way.
        assert_eq!(IdText(&"x\u{202E}y").to_string(), "`x\\u{202e}y`");
    }

    #[test]
    fn id_text_quotes_and_cuts_long_ids() {
        assert_eq!(IdText(&"ins-1").to_string(), "`ins-1`");
        let long = "x".repeat(ID_DISPLAY_LIMIT + 5);
        let shown = IdText(&long).to_string();
        assert_eq!(shown.chars().count(), ID_DISPLAY_LIMIT + 3);
        assert!(shown.ends_with("x…`"));
        let exact = "y".repeat(ID_DISPLAY_LIMIT);
        assert_eq!(IdText(&exact).to_string(), format!("`{exact}`"));
    }
}
