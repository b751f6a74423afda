//! The batch reply every bench parses, shared by `batch.rs` and
//! `ratios.rs`.

use std::fmt::Write as _;

/// A batch reply of `entries` entries: one in ten failed, codes alternately
/// numbers and digit strings, and (when `escaped`) one id in twenty spelled
/// with a JSON escape.
pub(crate) fn reply(entries: usize, escaped: bool) -> String {
    let mut json = String::with_capacity(entries * 80 + 64);
    json.push_str(r#"{"code": 5400, "message": "some resources failed", "detail": {"#);
    for i in 0..entries {
        if i > 0 {
            json.push(',');
        }
        if escaped && i % 20 == 7 {
            let _ = write!(json, r#""ins\u002d{i:08}": "#);
        } else {
            let _ = write!(json, r#""ins-{i:08}": "#);
        }
        let code = if i % 10 == 3 { 4001 } else { 0 };
        if i % 2 == 0 {
            let _ = write!(json, r#"{{"code": {code}, "#);
        } else {
            let _ = write!(json, r#"{{"code": "{code}", "#);
        }
        if code == 0 {
            let _ = write!(
                json,
                r#""message": "", "requestId": "{}"}}"#,
                1_000_000_000_000 + i
            );
        } else {
            json.push_str(r#""message": "quota exceeded"}"#);
        }
    }
    json.push_str("}}");
    json
}
