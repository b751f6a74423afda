//! The providers' own published replies, from `fixtures/real/` (a copy of
//! the steering repository's `shared/fixtures/real/`; its README names each
//! source). Embedded at compile time: a missing file fails the build, so the
//! path is checked.

/// Declares a constant holding one real reply.
macro_rules! real {
    ($($name:ident => $file:literal,)*) => {
        $(
            #[doc = concat!("`fixtures/real/", $file, "`.")]
            pub const $name: &str =
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/real/", $file));
        )*
    };
}

real! {
    OTC_APIG_ERROR => "otc_apig-error-APIG.0101-request_id.json",
    OTC_ECS_BATCH_INTERNAL_ERROR => "otc_ecs-batch-request-internalError.json",
    OTC_ECS_BATCH_OK => "otc_ecs-batch-request-response-ok.json",
    OTC_ECS_CREATE_JOB => "otc_ecs-create-job-serverIds.json",
    OTC_EVS_BATCH_CREATE_VOLUME => "otc_evs-showjob-success-batchCreateVolume.json",
    OTC_EVS_BAD_REQUEST => "otc_evs-tags-badRequest-int-code.json",
    OTC_VBS_BACKUP => "otc_vbs-showjob-success-backup.json",
    TENCENT_CLB_TASK_RESULT => "tencent_clb-describe-task-result-codeDesc.json",
}
