//! The outer-code rule of a batch, and what counts as a success: the one
//! place where a reply's entries become an outcome.
//!
//! | the entries | outer code | [`BatchOutcome`] |
//! |---|---|---|
//! | none failed (an empty batch included) | 0 | `AllSucceeded` |
//! | every one failed (at least one) | 5100 | `AllFailed` |
//! | some failed, some succeeded | 5400 | `PartialFailure` |
//! | none, and a non-zero code | the reply's | `Rejected { code }` |

use crate::{BatchError, BatchOutcome, Code};

/// Whether an entry (or a common reply) with `code` succeeded: code 0,
/// with or without a request id to poll (real successes often have none).
#[inline]
pub(crate) const fn succeeded(code: Code) -> bool {
    code.is_success()
}

/// The rule: `failed` failures among `total` entries.
#[inline]
pub(crate) const fn judge(failed: usize, total: usize) -> BatchOutcome {
    if failed == 0 {
        BatchOutcome::AllSucceeded
    } else if failed >= total {
        BatchOutcome::AllFailed
    } else {
        BatchOutcome::PartialFailure
    }
}

/// Whether a reply with `code` and `len` entries is a request-level
/// rejection: refused before any resource was touched.
#[inline]
pub(crate) const fn is_rejection(code: Code, len: usize) -> bool {
    len == 0 && !succeeded(code)
}

/// What a batch reply with `code` and `len` entries, `failed` of them
/// failed, says: a rejection never reads as a success.
#[inline]
pub(crate) const fn outcome(code: Code, len: usize, failed: usize) -> BatchOutcome {
    if is_rejection(code, len) {
        BatchOutcome::Rejected { code }
    } else {
        judge(failed, len)
    }
}

/// Checks a declared outer code against the entries.
pub(crate) fn verify(
    code: Code,
    message: &str,
    len: usize,
    failed: usize,
) -> Result<BatchOutcome, BatchError> {
    if is_rejection(code, len) {
        return Err(BatchError::Rejected {
            code,
            message: message.to_owned(),
        });
    }
    let outcome = judge(failed, len);
    if code == outcome.code() {
        Ok(outcome)
    } else {
        Err(BatchError::CodeMismatch {
            declared: code,
            expected: outcome.code(),
        })
    }
}
