//! A resource's `KIND`: from `#[resource(kind = "...")]`, or else the type's
//! name in `snake_case`.

use syn::ext::IdentExt;
use syn::{DeriveInput, LitStr};

/// `KIND` for `input`, given its `kind` attribute.
pub(crate) fn kind_of(input: &DeriveInput, attribute: Option<&LitStr>) -> String {
    attribute.map_or_else(
        || snake_case(&input.ident.unraw().to_string()),
        LitStr::value,
    )
}

/// Converts an `UpperCamelCase` type name to `snake_case`, keeping acronyms in
/// one piece: `LoadBalancer` → `load_balancer`, `HTTPServer` → `http_server`,
/// `Ipv6Address` → `ipv6_address`.
fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let previous = i.checked_sub(1).and_then(|p| chars.get(p));
            let next = chars.get(i + 1);
            let starts_word = match previous {
                None | Some('_') => false,
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                // Inside an acronym, a new word starts at its last capital:
                // the `S` of `HTTPServer`.
                Some(_) => next.is_some_and(|n| n.is_lowercase()),
            };
            if starts_word {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn converts_type_names() {
        for (name, expected) in [
            ("Instance", "instance"),
            ("LoadBalancer", "load_balancer"),
            ("HTTPServer", "http_server"),
            ("Ipv6Address", "ipv6_address"),
            ("Disk2Snapshot", "disk2_snapshot"),
            ("ECS", "ecs"),
            ("already_snake", "already_snake"),
            ("Cdn_Domain", "cdn_domain"),
            ("X", "x"),
        ] {
            assert_eq!(snake_case(name), expected, "{name}");
        }
    }
}
