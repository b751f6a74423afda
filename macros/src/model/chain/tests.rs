//! The chain model, on inputs built with `parse_quote!`.

use quote::quote;
use syn::{Data, DeriveInput, parse_quote};

use super::{ChainModel, FailedChain};

fn model(input: &DeriveInput) -> Result<ChainModel<'_>, FailedChain<'_>> {
    let Data::Enum(data) = &input.data else {
        panic!("an enum");
    };
    ChainModel::from_enum(input, data)
}

fn messages(errors: FailedChain<'_>) -> Vec<String> {
    errors
        .error
        .into_iter()
        .map(|error| error.to_string())
        .collect()
}

#[test]
fn names_and_kinds_default_from_the_enum() {
    let input: DeriveInput = parse_quote! {
        pub enum LoadBalancerTarget { Instance(Instance), Disk { r#disk: Disk } }
    };
    let Ok(model) = model(&input) else {
        panic!("a valid enum");
    };
    assert_eq!(model.id_enum_ident.to_string(), "LoadBalancerTargetId");
    assert_eq!(model.kind, "load_balancer_target");
    let members: Vec<String> = model
        .variants
        .iter()
        .map(|variant| {
            let member = &variant.member;
            quote!(#member).to_string()
        })
        .collect();
    assert_eq!(members, ["0", "r#disk"]);

    let raw: DeriveInput = parse_quote!(
        enum r#match {
            r#type(Instance),
        }
    );
    let Ok(model) = self::model(&raw) else {
        panic!("a valid enum");
    };
    assert_eq!(model.id_enum_ident.to_string(), "matchId");
    assert_eq!(model.kind, "match");
}

#[test]
fn the_attributes_choose_the_names() {
    let input: DeriveInput = parse_quote! {
        #[resource(kind = "chain", id_type = "Key")]
        enum Target { Instance(Instance) }
    };
    let Ok(model) = model(&input) else {
        panic!("a valid enum");
    };
    assert_eq!(model.id_enum_ident.to_string(), "Key");
    assert_eq!(model.kind, "chain");
}

#[test]
fn the_fallback_knows_the_name_unless_id_type_was_the_mistake() {
    let input: DeriveInput = parse_quote! {
        enum Target { Instance(Instance), Nothing, Pair(A, B) }
    };
    let Err(errors) = model(&input) else {
        panic!("refused");
    };
    assert_eq!(
        errors.id_enum_ident.as_ref().unwrap().to_string(),
        "TargetId"
    );
    assert_eq!(errors.variants.len(), 1);
    assert_eq!(messages(errors).len(), 2);

    let input: DeriveInput = parse_quote! {
        #[resource(id_type = "no good")]
        enum Target { Instance(Instance) }
    };
    let Err(errors) = model(&input) else {
        panic!("refused");
    };
    assert!(errors.id_enum_ident.is_none());

    let input: DeriveInput = parse_quote! {
        #[resource(id_type = "Target")]
        enum Target { Instance(Instance) }
    };
    let Err(errors) = model(&input) else {
        panic!("refused");
    };
    assert!(errors.id_enum_ident.is_none());
    assert_eq!(
        messages(errors),
        [
            "`id_type` names the generated id enum, which needs a name of its own, \
          not the name of the enum it is derived from"
        ]
    );
}
