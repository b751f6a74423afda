//! The enum model and its expansion, on inputs built with `parse_quote!`.

use quote::quote;
use syn::{Data, DeriveInput, parse_quote};

use crate::ast_enum::{ChainErrors, ChainModel};
use crate::expand::resource;

fn model(input: &DeriveInput) -> Result<ChainModel<'_>, ChainErrors<'_>> {
    let Data::Enum(data) = &input.data else {
        panic!("an enum");
    };
    ChainModel::from_input(input, data)
}

fn messages(errors: ChainErrors<'_>) -> Vec<String> {
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
    assert_eq!(model.id_ident.to_string(), "LoadBalancerTargetId");
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
    assert_eq!(model.id_ident.to_string(), "matchId");
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
    assert_eq!(model.id_ident.to_string(), "Key");
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
    assert_eq!(errors.id_ident.as_ref().unwrap().to_string(), "TargetId");
    assert_eq!(errors.variants.len(), 1);
    assert_eq!(messages(errors).len(), 2);

    let input: DeriveInput = parse_quote! {
        #[resource(id_type = "no good")]
        enum Target { Instance(Instance) }
    };
    let Err(errors) = model(&input) else {
        panic!("refused");
    };
    assert!(errors.id_ident.is_none());

    let input: DeriveInput = parse_quote! {
        #[resource(id_type = "Target")]
        enum Target { Instance(Instance) }
    };
    let Err(errors) = model(&input) else {
        panic!("refused");
    };
    assert!(errors.id_ident.is_none());
    assert_eq!(
        messages(errors),
        [
            "`id_type` names the generated id enum, which needs a name of its own, \
          not the name of the enum it is derived from"
        ]
    );
}

#[test]
fn odd_inputs_give_code_or_errors_never_a_panic() {
    let inputs: Vec<DeriveInput> = vec![
        parse_quote!(
            enum A {
                X(dyn Foo + Send),
                Y(impl Bar),
                Z(_),
                W(fn() -> u8),
                V(!),
            }
        ),
        parse_quote!(
            enum B {
                X(m!()),
                Y([u8; 3]),
                Z(<T as Tr>::Assoc),
                W(&'static str),
            }
        ),
        parse_quote!(
            enum C {}
        ),
        parse_quote!(
            enum D {
                X,
                Y(),
                Z {},
                W(u8, u8),
                V { a: u8, b: u8 },
            }
        ),
        parse_quote!(
            enum E<'a, T: ?Sized, const N: usize>
            where
                T: 'a,
            {
                X(&'a T),
            }
        ),
        parse_quote!(
            #[resource(id_type = "r#self")]
            enum F {
                X(X),
            }
        ),
        parse_quote!(
            #[resource(id_type = "r#_")]
            enum G {
                X(X),
            }
        ),
        parse_quote!(
            #[resource(id_type = "\"")]
            enum H {
                X(X),
            }
        ),
        parse_quote!(
            #[resource(id_type = "a\u{0}")]
            enum I {
                X(X),
            }
        ),
        parse_quote!(
            #[resource(id_type = "/* */")]
            enum J {
                X(X),
            }
        ),
        parse_quote!(
            #[resource(id_type = "// x")]
            enum K {
                X(X),
            }
        ),
        parse_quote!(
            #[resource]
            #[resource = "x"]
            #[resource()]
            enum L {
                X(#[resource] X),
            }
        ),
        parse_quote!(
            pub(in crate::a) enum M<T = u8> {
                X(T) = 1,
            }
        ),
    ];
    for input in &inputs {
        let expanded = resource(input);
        assert!(!expanded.is_empty(), "{}", quote!(#input));
    }
}
