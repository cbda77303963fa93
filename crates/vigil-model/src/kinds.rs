//! Facts about input formats that both sides of a record need: the loader that builds it and
//! the rule helpers that read it. Kept here, once, so the two cannot drift apart.

/// Top-level keys of a `gitlab::Pipeline` resource's properties that are GitLab CI keywords,
/// not jobs: the loader checks each job's shape, the rule helpers list the jobs.
pub const GITLAB_KEYWORDS: &[&str] = &[
    "default",
    "include",
    "stages",
    "variables",
    "workflow",
    "image",
    "services",
    "cache",
    "before_script",
    "after_script",
    "spec",
];

/// Where the pod specification of a Kubernetes workload of this `kind` sits in its manifest:
/// `spec` of a Pod, `spec.jobTemplate.spec.template.spec` of a CronJob, `template.spec` of a
/// PodTemplate, `spec.template.spec` of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or
/// ReplicationController. `None` for other kinds.
pub fn pod_spec_path(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "Pod" => &["spec"],
        "CronJob" => &["spec", "jobTemplate", "spec", "template", "spec"],
        "PodTemplate" => &["template", "spec"],
        "Deployment"
        | "StatefulSet"
        | "DaemonSet"
        | "ReplicaSet"
        | "Job"
        | "ReplicationController" => &["spec", "template", "spec"],
        _ => return None,
    })
}
