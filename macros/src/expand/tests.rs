//! The expansions, on inputs built with `parse_quote!`.

use quote::quote;
use syn::{DeriveInput, parse_quote};

use super::resource;

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
