//! Rendering of wire data (messages, resource ids) inside error messages.
//!
//! Every `Display` of this crate is one line: control characters in data are
//! escaped (`\n` becomes the two characters `\` `n`), so a hostile message can
//! neither break a log line in two nor forge a second one. Resource ids named
//! inside parse errors are also cut to [`ID_DISPLAY_LIMIT`] characters, so a
//! 50 MB key cannot turn into a 50 MB error message.

use core::fmt::{self, Write};

/// How many characters of a resource id an error message shows.
pub(crate) const ID_DISPLAY_LIMIT: usize = 200;

/// Displays `text` on one line, escaping control characters.
pub(crate) struct OneLine<'a>(pub(crate) &'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Escaper::unbounded(f).write_str(self.0)
    }
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
            if c.is_control() {
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
