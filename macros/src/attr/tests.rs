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
    let parsed = resource(&attrs, &mut errors);
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
    let parsed = resource(&attrs, &mut errors);
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
    resource(&attrs, &mut errors);
    assert_eq!(messages(errors), ["duplicate `kind`: give it once"]);
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
            "duplicate `rename`: give it once",
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

#[test]
fn reads_the_attributes_of_an_enum() {
    let attrs: Vec<Attribute> = vec![
        parse_quote!(#[resource(kind = "target")]),
        parse_quote!(#[resource(id_type = "TargetKey")]),
    ];
    let mut errors = Errors::default();
    let parsed = chain(&attrs, &mut errors);
    assert!(messages(errors).is_empty());
    assert_eq!(
        parsed.kind.map(|kind| kind.value()).as_deref(),
        Some("target")
    );
    assert_eq!(
        parsed.id_type.map(|ident| ident.to_string()).as_deref(),
        Some("TargetKey")
    );
}

#[test]
fn an_enum_needs_no_attribute() {
    let mut errors = Errors::default();
    let parsed = chain(&[parse_quote!(#[doc = "not ours"])], &mut errors);
    assert!(messages(errors).is_empty());
    assert!(parsed.kind.is_none() && parsed.id_type.is_none());
}

#[test]
fn id_type_may_be_a_raw_identifier() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource(id_type = "r#match")])];
    let mut errors = Errors::default();
    let parsed = chain(&attrs, &mut errors);
    assert!(messages(errors).is_empty());
    assert_eq!(
        parsed.id_type.map(|ident| ident.to_string()).as_deref(),
        Some("r#match")
    );
}

#[test]
fn refuses_an_id_type_that_is_not_an_identifier() {
    for name in ["Target Key", "1st", "type", "_", "a::B", "Vec<u8>", "\"x\""] {
        let attrs: Vec<Attribute> = vec![parse_quote!(#[resource(id_type = #name)])];
        let mut errors = Errors::default();
        let parsed = chain(&attrs, &mut errors);
        assert_eq!(
            messages(errors),
            ["`id_type` must be a Rust identifier, as in `id_type = \"TargetKey\"`"],
            "{name}"
        );
        assert!(parsed.id_type.is_none(), "{name}");
    }
}

#[test]
fn reports_every_mistake_of_an_enums_attributes() {
    let attrs: Vec<Attribute> = vec![
        parse_quote!(#[resource(id_type = TargetId, id_type = "", id, rename = "x")]),
        parse_quote!(#[resource(id_type = "A", id_type = "B", kind = "k", kind = "l")]),
    ];
    let mut errors = Errors::default();
    let parsed = chain(&attrs, &mut errors);
    assert_eq!(
        messages(errors),
        [
            "expected a string for `id_type`, as in `id_type = \"...\"`",
            "`id_type` must not be empty",
            "an enum of resources has no id field: each variant's id is the id of the resource it holds",
            "unknown key `rename` in `#[resource(...)]` on an enum; expected `kind` or `id_type`",
            "duplicate `id_type`: give it once",
            "duplicate `kind`: give it once",
        ]
    );
    assert_eq!(
        parsed.id_type.map(|ident| ident.to_string()).as_deref(),
        Some("A")
    );
    assert_eq!(parsed.kind.map(|kind| kind.value()).as_deref(), Some("k"));
}

#[test]
fn a_struct_has_no_id_type() {
    let attrs: Vec<Attribute> = vec![parse_quote!(#[resource(id_type = "TargetKey")])];
    let mut errors = Errors::default();
    resource(&attrs, &mut errors);
    assert_eq!(
        messages(errors),
        [
            "`id_type` names the id enum of an enum of resources; a struct's id type is the type of its `#[resource(id)]` field"
        ]
    );
}

#[test]
fn remembers_a_refused_id_type() {
    for (attr, refused, name) in [
        (parse_quote!(#[resource(id_type = "A")]), false, Some("A")),
        (parse_quote!(#[resource(kind = "k")]), false, None),
        (parse_quote!(#[resource(id_type = "A B")]), true, None),
        (parse_quote!(#[resource(id_type = 1)]), true, None),
        (parse_quote!(#[resource(id_type = "")]), true, None),
        // The valid one is the name meant.
        (
            parse_quote!(#[resource(id_type = "A B", id_type = "C")]),
            true,
            Some("C"),
        ),
        (
            parse_quote!(#[resource(id_type = "C", id_type = "D")]),
            false,
            Some("C"),
        ),
    ] {
        let attr: Attribute = attr;
        let mut errors = Errors::default();
        let parsed = chain(&[attr], &mut errors);
        assert_eq!(parsed.id_type_refused, refused);
        assert_eq!(
            parsed.id_type.map(|ident| ident.to_string()).as_deref(),
            name
        );
    }
}
