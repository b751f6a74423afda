//! The schema of a batch reply's `detail`: which keys may hold an entry.
//!
//! Parsing reads an object value of `detail` as the entry of the resource
//! its key names (the key must be a valid id), and keeps any other value
//! (a string, a number, an array, `null`) as an extra, whatever its key.
//! JSON Schema ties a value to its key only through `properties` (exact
//! names) and `patternProperties` (regular expressions): `propertyNames`
//! sees the keys without their values. So the schema needs the valid ids as
//! patterns, which it reads from the id schemas this crate writes (a
//! `String`, a `#[derive(ResourceId)]` type, the id enum of an enum of
//! resources):
//!
//! - each prefix gets a pattern `^<prefix>` whose values are entries or
//!   extras, and its exact name (an id that is only the prefix) may hold
//!   only an extra;
//! - every other key may hold an entry when an unprefixed id type takes it
//!   (`additionalProperties`), and only an extra otherwise; the empty key
//!   only an extra when the unprefixed type refuses it.
//!
//! Two prefixes that start alike need nothing more: a key under both is
//! checked by both, and each refuses only its own exact name, as the
//! parser's choice of variant does.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use super::parts::escape_regex;

/// The keys whose values may be entries, as read from an id schema.
#[derive(Debug, Default, PartialEq)]
struct Keys {
    /// Each prefix of a prefixed id type (an id must have more after it).
    prefixes: Vec<String>,
    /// Whether an unprefixed id type takes the keys no prefix starts, and
    /// if so whether it takes the empty key too.
    unprefixed: Option<Unprefixed>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unprefixed {
    /// Any key (`String`).
    Any,
    /// Any key but the empty one.
    NonEmpty,
}

/// The schema of `detail`: an object or `null`, whose object values are
/// `entry`s under keys that `id` (the id type's schema, usually a `$ref`)
/// takes, and whose other values are kept whatever their key.
///
/// An id schema this crate did not write cannot be turned into patterns:
/// then every key must follow it (`propertyNames`), which refuses an extra
/// under a key that is not an id, where parsing keeps it.
pub(super) fn detail(generator: &SchemaGenerator, id: &Schema, entry: &Schema) -> Schema {
    let entry_or_extra = json_schema!({ "if": { "type": "object" }, "then": entry });
    let extra_only = json_schema!({ "not": { "type": "object" } });
    let description = "Each resource's task (an object), keyed by resource id; \
        a value that is not an object is kept, whatever its key";
    let Some(keys) = keys_of(id.as_value(), generator, 0) else {
        return json_schema!({
            "description": description,
            "type": ["object", "null"],
            "propertyNames": id,
            "additionalProperties": entry_or_extra,
        });
    };
    let mut schema = json_schema!({
        "description": description,
        "type": ["object", "null"],
    });
    let mut exact = Map::new();
    let mut patterns = Map::new();
    for prefix in &keys.prefixes {
        exact.insert(prefix.clone(), extra_only.as_value().clone());
        patterns.insert(
            format!("^{}", escape_regex(prefix)),
            entry_or_extra.as_value().clone(),
        );
    }
    if keys.unprefixed == Some(Unprefixed::NonEmpty) {
        exact.insert(String::new(), extra_only.as_value().clone());
    }
    if !exact.is_empty() {
        schema.insert("properties".to_owned(), Value::Object(exact));
    }
    if !patterns.is_empty() {
        schema.insert("patternProperties".to_owned(), Value::Object(patterns));
    }
    let others = if keys.unprefixed.is_some() {
        entry_or_extra
    } else {
        extra_only
    };
    schema.insert("additionalProperties".to_owned(), others.to_value());
    schema
}

/// How deep `$ref`s are followed before giving up.
const MAX_REFS: usize = 8;

/// The keys an id schema takes, when it is one this crate writes.
fn keys_of(schema: &Value, generator: &SchemaGenerator, depth: usize) -> Option<Keys> {
    let schema = resolve(schema, generator, depth)?;
    if let Some(id) = plain_id(schema) {
        return Some(match id {
            (Some(prefix), _) => Keys {
                prefixes: vec![prefix],
                unprefixed: None,
            },
            (None, unprefixed) => Keys {
                prefixes: Vec::new(),
                unprefixed: Some(unprefixed),
            },
        });
    }
    // The id enum of an enum of resources (`chain::chain_id_schema`).
    let object = schema.as_object()?;
    if !only_keys(object, &["type", "description", "anyOf"]) || !is_string_type(object) {
        return None;
    }
    let mut keys = Keys::default();
    for branch in object.get("anyOf")?.as_array()? {
        match chain_branch(branch, generator, depth)? {
            (Some(prefix), _) => keys.prefixes.push(prefix),
            (None, unprefixed) => keys.unprefixed = Some(unprefixed),
        }
    }
    Some(keys)
}

/// One branch of an id enum's schema: a prefixed variant's
/// (`{"allOf": [{"pattern": "^p"}, <id>, ...]}`) or the unprefixed one's
/// (`{"allOf": [<id>, {"not": ...}]}`, or the id schema alone).
fn chain_branch(
    branch: &Value,
    generator: &SchemaGenerator,
    depth: usize,
) -> Option<(Option<String>, Unprefixed)> {
    let parts = match branch.get("allOf").and_then(Value::as_array) {
        Some(parts) => parts.as_slice(),
        None => return plain_id(resolve(branch, generator, depth)?),
    };
    match parts {
        [first, id, rest @ ..] if first.get("pattern").is_some() => {
            // A prefixed variant: its id type must have that prefix; the
            // refused longer prefixes (`rest`) are branches of their own.
            let (prefix, _) = plain_id(resolve(id, generator, depth)?)?;
            let prefix = prefix?;
            let starts = format!("^{}", escape_regex(&prefix));
            let refusals_only = rest.iter().all(|part| part.get("not").is_some());
            (first.get("pattern")?.as_str()? == starts && refusals_only)
                .then_some((Some(prefix), Unprefixed::NonEmpty))
        }
        [id, not] if not.get("not").is_some() => match plain_id(resolve(id, generator, depth)?)? {
            (None, unprefixed) => Some((None, unprefixed)),
            (Some(_), _) => None,
        },
        _ => None,
    }
}

/// A `String` (`{"type": "string"}`) or a `#[derive(ResourceId)]` type's
/// schema (`parts::resource_id`): its prefix, and without one whether it
/// takes the empty key.
fn plain_id(schema: &Value) -> Option<(Option<String>, Unprefixed)> {
    let object = schema.as_object()?;
    if !only_keys(
        object,
        &["type", "description", "title", "minLength", "pattern"],
    ) || !is_string_type(object)
    {
        return None;
    }
    let non_empty = match object.get("minLength") {
        None => false,
        Some(length) => match length.as_u64()? {
            0 => false,
            1 => true,
            _ => return None,
        },
    };
    match object.get("pattern") {
        None if non_empty => Some((None, Unprefixed::NonEmpty)),
        None => Some((None, Unprefixed::Any)),
        Some(pattern) => {
            let escaped = pattern
                .as_str()?
                .strip_prefix('^')?
                .strip_suffix(r"[\s\S]")?;
            let prefix = unescape_regex(escaped)?;
            Some((Some(prefix), Unprefixed::NonEmpty))
        }
    }
}

/// `schema`, or the definition its `$ref` names in `generator`.
fn resolve<'a>(
    schema: &'a Value,
    generator: &'a SchemaGenerator,
    depth: usize,
) -> Option<&'a Value> {
    let Some(reference) = schema.get("$ref") else {
        return Some(schema);
    };
    if depth >= MAX_REFS || schema.as_object()?.len() != 1 {
        return None;
    }
    let path = &generator.settings().definitions_path;
    let name = reference
        .as_str()?
        .strip_prefix('#')?
        .strip_prefix(path.as_ref())?
        .strip_prefix('/')?;
    let name = name.replace("~1", "/").replace("~0", "~");
    resolve(generator.definitions().get(&name)?, generator, depth + 1)
}

fn only_keys(object: &Map<String, Value>, allowed: &[&str]) -> bool {
    object.keys().all(|key| allowed.contains(&key.as_str()))
}

fn is_string_type(object: &Map<String, Value>) -> bool {
    object.get("type").and_then(Value::as_str) == Some("string")
}

/// The text `escape_regex` escaped, or `None` if `pattern` is not such an
/// escape (an unescaped syntax character, or a trailing backslash).
fn unescape_regex(pattern: &str) -> Option<String> {
    const SYNTAX: &str = r"\^$.|?*+()[]{}";
    let mut text = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let escaped = chars.next()?;
            if !SYNTAX.contains(escaped) {
                return None;
            }
            text.push(escaped);
        } else if SYNTAX.contains(c) {
            return None;
        } else {
            text.push(c);
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescaping_undoes_escaping() {
        for text in ["ins-", r"a.b*c+d?e^f$g|h\i(j)k[l]m{n}o/p-", ""] {
            assert_eq!(unescape_regex(&escape_regex(text)).as_deref(), Some(text));
        }
        assert_eq!(unescape_regex("a.b"), None);
        assert_eq!(unescape_regex(r"a\-"), None);
        assert_eq!(unescape_regex("a\\"), None);
    }
}
