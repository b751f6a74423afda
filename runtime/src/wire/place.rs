//! How an error message names the place of a bad value: a field, a field of
//! one resource's entry, or a field at a path.

use core::fmt;

use crate::text::IdText;

/// What an error message calls the value being parsed: a wire field such as
/// `` `code` ``, optionally inside the entry of one resource (`` `code` of
/// resource `ins-1` ``) or at a path (`` `code` in `error.details[1]` ``).
#[derive(Clone, Copy)]
pub(crate) struct Field<'a> {
    name: &'a str,
    /// `name` is a description ("the code"), not a wire field name.
    standalone: bool,
    within: Within<'a>,
}

#[derive(Clone, Copy)]
enum Within<'a> {
    Top,
    Resource(&'a dyn fmt::Display),
    Path(&'a dyn fmt::Display),
}

impl<'a> Field<'a> {
    /// A value parsed on its own, described as `description`.
    #[inline]
    pub(crate) const fn standalone(description: &'static str) -> Self {
        Field {
            name: description,
            standalone: true,
            within: Within::Top,
        }
    }

    /// The wire field `name`, inside the entry of `resource` when there is one.
    #[inline]
    pub(crate) const fn named(name: &'a str, resource: Option<&'a dyn fmt::Display>) -> Self {
        Field {
            name,
            standalone: false,
            within: match resource {
                Some(id) => Within::Resource(id),
                None => Within::Top,
            },
        }
    }

    /// The wire field `name` of the object at `path`, such as `error.details[1]`.
    #[inline]
    pub(crate) const fn at(name: &'a str, path: &'a dyn fmt::Display) -> Self {
        Field {
            name,
            standalone: false,
            within: Within::Path(path),
        }
    }
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.standalone {
            f.write_str(self.name)?;
        } else {
            write!(f, "`{}`", self.name)?;
        }
        match self.within {
            Within::Top => Ok(()),
            Within::Resource(id) => write!(f, " of resource {}", IdText(id)),
            Within::Path(path) => write!(f, " in `{path}`"),
        }
    }
}

/// Displays `for resource` and the quoted id when there is a resource, and
/// nothing otherwise.
pub(crate) struct ForResource<'a>(pub(crate) Option<&'a dyn fmt::Display>);

impl fmt::Display for ForResource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, " for resource {}", IdText(id)),
            None => Ok(()),
        }
    }
}
