//! Unit tests of the attribute parser, on attributes built with `parse_quote!`.

use super::*;
use syn::parse_quote;

fn messages(errors: Errors) -> Vec<String> {
    match errors.finish() {
        Ok(()) => Vec::new(),
        Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn reads_kind() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource(kind = "instance")])];
    let mut errors = Errors::default();
    let parsed = container(&attrs, &mut errors);
    assert!(messages(errors).is_empty());
    assert_eq!(
        parsed.kind.map(|kind| kind.value()).as_deref(),
        Some("instance")
    );
}

#[test]
fn reports_every_mistake_of_one_attribute() {
    let attrs: Vec<Attribute> = vec![
        parse_quote!(#[resource(kind = 5, colour = blue::green, id, kind = "a", kind = "")]),
        parse_quote!(#[doc = "not ours"]),
    ];
    let mut errors = Errors::default();
    let parsed = container(&attrs, &mut errors);
    assert_eq!(
        messages(errors),
        [
            "expected a string for `kind`, as in `kind = \"...\"`",
            "unknown key `colour` in `#[resource(...)]` on the type; expected `kind`",
            "`id` marks the id field: put `#[resource(id)]` on a field, not on the type",
            "`kind` must not be empty",
        ]
    );
    assert_eq!(parsed.kind.map(|kind| kind.value()).as_deref(), Some("a"));
}

#[test]
fn reports_a_second_kind() {
    let attrs: Vec<Attribute> = vec![
        parse_quote!(#[resource(kind = "a")]),
        parse_quote!(#[resource(kind = "b")]),
    ];
    let mut errors = Errors::default();
    container(&attrs, &mut errors);
    assert_eq!(messages(errors), ["duplicate `kind`"]);
}

#[test]
fn reads_field_id() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource(id)])];
    let mut errors = Errors::default();
    assert!(field(&attrs, &mut errors).id.is_some());
    assert!(messages(errors).is_empty());
}

#[test]
fn refuses_misplaced_and_valued_field_keys() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource(id = true, kind = "x", other)])];
    let mut errors = Errors::default();
    assert!(field(&attrs, &mut errors).id.is_none());
    assert_eq!(
        messages(errors),
        [
            "`id` takes no value: write `#[resource(id)]`",
            "`kind` names the resource kind: put `#[resource(kind = \"...\")]` on the type, not on a field",
            "unknown key `other` in `#[resource(...)]` on a field; expected `id` or `rename`",
        ]
    );
}

#[test]
fn reads_rename() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource(id, rename = "serverId")])];
    let mut errors = Errors::default();
    let parsed = field(&attrs, &mut errors);
    assert!(messages(errors).is_empty());
    assert!(parsed.id.is_some());
    assert_eq!(
        parsed.rename.map(|(_, name)| name.value()).as_deref(),
        Some("serverId")
    );
}

#[test]
fn refuses_bad_renames() {
    let attrs: Vec<Attribute> =
        vec![parse_quote!(#[resource(id, rename = 1, rename = "", rename = "a", rename = "b")])];
    let mut errors = Errors::default();
    field(&attrs, &mut errors);
    assert_eq!(
        messages(errors),
        [
            "expected a string for `rename`, as in `rename = \"...\"`",
            "`rename` must not be empty",
            "duplicate `rename`",
        ]
    );
}

#[test]
fn refuses_an_attribute_without_parentheses() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource])];
    let mut errors = Errors::default();
    field(&attrs, &mut errors);
    assert_eq!(messages(errors).len(), 1);
}

#[test]
fn reads_prefix() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource_id(prefix = "ins-")])];
    let mut errors = Errors::default();
    let parsed = resource_id(&attrs, &mut errors);
    assert!(messages(errors).is_empty());
    assert_eq!(parsed.prefix.map(|p| p.value()).as_deref(), Some("ins-"));
}

#[test]
fn refuses_bad_prefixes() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource_id(prefix = 'i', suffix = "x")])];
    let mut errors = Errors::default();
    resource_id(&attrs, &mut errors);
    assert_eq!(
        messages(errors),
        [
            "expected a string for `prefix`, as in `prefix = \"...\"`",
            "unknown key `suffix` in `#[resource_id(...)]` on the type; expected `prefix`",
        ]
    );
}
