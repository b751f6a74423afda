//! The schema of the id enum that `#[derive(Resource)]` generates for an
//! enum of resources (a task-chain target), through
//! `__private::task_chain_id_schema!`.
//!
//! It accepts exactly what the id enum's parsing (`chain::choose_kind`)
//! accepts: an id that starts with a variant's prefix is that variant's or
//! nothing (its id type's own rules still apply: `disk-` alone is refused
//! even if another variant would take any text); an id that starts with no
//! prefix is the unprefixed variant's, if there is one.

use std::borrow::Cow;

use schemars::{Schema, json_schema};

use super::parts::escape_regex;

/// One variant of the enum, as its schema needs it.
#[doc(hidden)]
pub struct ChainIdVariant {
    /// The resource's `KIND`, for the description.
    pub kind: &'static str,
    /// The prefix of the variant's id type.
    pub prefix: Option<&'static str>,
    /// The schema of the variant's id type (usually a `$ref`).
    pub schema: Schema,
}

/// The schema of an id enum named `type_name` with these variants, in order.
///
/// `anyOf` one branch per variant that can take an id: a prefixed variant's
/// branch is its id type's schema with the prefix required; the unprefixed
/// variant's is its id type's schema with every prefix refused (`not`).
/// Variants that `choose_kind` never picks (a second unprefixed variant, or
/// a prefix that an earlier one starts; the derive refuses both) get no
/// branch, and an earlier, longer prefix is refused in the branch of a
/// shorter one it starts with, so the schema follows the parser even there.
#[doc(hidden)]
pub fn chain_id_schema(type_name: &str, variants: &[ChainIdVariant]) -> Schema {
    let prefixes: Vec<&str> = variants
        .iter()
        .filter_map(|variant| variant.prefix)
        .collect();
    let mut branches = Vec::with_capacity(variants.len());
    let mut unprefixed_seen = false;
    for (index, variant) in variants.iter().enumerate() {
        let branch = match variant.prefix {
            Some(prefix) => {
                let earlier = variants[..index]
                    .iter()
                    .filter_map(|earlier| earlier.prefix);
                let mut refused = Vec::new();
                let mut reachable = true;
                for earlier in earlier {
                    if prefix.starts_with(earlier) {
                        reachable = false;
                    } else if earlier.starts_with(prefix) {
                        refused.push(earlier);
                    }
                }
                if !reachable {
                    continue;
                }
                let mut parts = vec![
                    json_schema!({ "pattern": starts_with_any(&[prefix]) }),
                    variant.schema.clone(),
                ];
                if !refused.is_empty() {
                    parts.push(json_schema!({ "not": { "pattern": starts_with_any(&refused) } }));
                }
                json_schema!({ "allOf": parts })
            }
            None if unprefixed_seen => continue,
            None => {
                unprefixed_seen = true;
                if prefixes.is_empty() {
                    variant.schema.clone()
                } else {
                    json_schema!({
                        "allOf": [
                            variant.schema,
                            { "not": { "pattern": starts_with_any(&prefixes) } },
                        ]
                    })
                }
            }
        };
        branches.push(branch);
    }
    let kinds: Vec<String> = variants
        .iter()
        .map(|variant| format!("`{}`", variant.kind))
        .collect();
    json_schema!({
        "description": format!(
            "{type_name}: the id of a resource of kind {}, told apart by its prefix",
            kinds.join(", ")
        ),
        "type": "string",
        "anyOf": branches,
    })
}

/// A pattern matching the strings that start with one of `prefixes`.
fn starts_with_any(prefixes: &[&str]) -> String {
    let escaped: Vec<String> = prefixes.iter().map(|prefix| escape_regex(prefix)).collect();
    match escaped.as_slice() {
        [one] => format!("^{one}"),
        many => format!("^(?:{})", many.join("|")),
    }
}

/// `schema_name`: the id enum's name, and for a generic enum the names of
/// its variants' id schemas (`EitherId_for_InstanceId_and_DiskId`), as
/// schemars names generic types.
#[doc(hidden)]
pub fn chain_schema_name(
    type_name: &'static str,
    generic: bool,
    ids: &[Cow<'static, str>],
) -> Cow<'static, str> {
    if generic {
        Cow::Owned(format!("{type_name}_for_{}", ids.join("_and_")))
    } else {
        Cow::Borrowed(type_name)
    }
}

/// `schema_id`: the id enum's path, and for a generic enum the ids of its
/// variants' id schemas, so that two instances never share a definition.
#[doc(hidden)]
pub fn chain_schema_id(
    path: &'static str,
    generic: bool,
    ids: &[Cow<'static, str>],
) -> Cow<'static, str> {
    if generic {
        Cow::Owned(format!("{path}<{}>", ids.join(", ")))
    } else {
        Cow::Borrowed(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(kind: &'static str, prefix: Option<&'static str>) -> ChainIdVariant {
        ChainIdVariant {
            kind,
            prefix,
            schema: json_schema!({ "$ref": format!("#/$defs/{kind}") }),
        }
    }

    #[test]
    fn prefixed_variants_require_their_prefix_and_the_unprefixed_one_refuses_them() {
        let schema = chain_id_schema(
            "TargetId",
            &[
                variant("instance", Some("ins-")),
                variant("bucket", None),
                variant("disk", Some("d.")),
            ],
        );
        assert_eq!(
            schema.get("anyOf").unwrap(),
            &serde_json::json!([
                { "allOf": [{ "pattern": "^ins-" }, { "$ref": "#/$defs/instance" }] },
                { "allOf": [
                    { "$ref": "#/$defs/bucket" },
                    { "not": { "pattern": r"^(?:ins-|d\.)" } },
                ] },
                { "allOf": [{ "pattern": r"^d\." }, { "$ref": "#/$defs/disk" }] },
            ])
        );
        assert_eq!(
            schema.get("description").unwrap(),
            "TargetId: the id of a resource of kind `instance`, `bucket`, `disk`, told apart by its prefix"
        );
    }

    #[test]
    fn variants_the_parser_never_picks_get_no_branch() {
        let schema = chain_id_schema(
            "T",
            &[
                variant("long", Some("ab-")),
                variant("short", Some("ab")),
                variant("shadowed", Some("ab-c")),
                variant("any", None),
                variant("second_any", None),
            ],
        );
        let branches = schema.get("anyOf").unwrap().as_array().unwrap();
        assert_eq!(branches.len(), 3);
        assert_eq!(
            branches[1],
            serde_json::json!({ "allOf": [
                { "pattern": "^ab" },
                { "$ref": "#/$defs/short" },
                { "not": { "pattern": "^ab-" } },
            ] })
        );
    }

    #[test]
    fn names_follow_the_parameters() {
        let ids = [Cow::Borrowed("InstanceId"), Cow::Borrowed("DiskId")];
        assert_eq!(chain_schema_name("TargetId", false, &ids), "TargetId");
        assert_eq!(
            chain_schema_name("EitherId", true, &ids),
            "EitherId_for_InstanceId_and_DiskId"
        );
        assert_eq!(chain_schema_id("m::TargetId", false, &ids), "m::TargetId");
        assert_eq!(
            chain_schema_id("m::EitherId", true, &ids),
            "m::EitherId<InstanceId, DiskId>"
        );
    }
}
