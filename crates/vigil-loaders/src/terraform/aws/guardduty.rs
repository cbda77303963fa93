//! GuardDuty: detectors, with the features enabled on them by `aws_guardduty_detector_feature`.
//!
//! CloudFormation requires `Enable`; the provider's `enable` defaults to `true`, which the
//! mapping writes when it is omitted.

use super::{block_list, boolean, cfn_tags, copy_block, string_bool};
use super::{Join, Joiner, Mapped, Mapping, Source};

const DETECTOR: &str = "AWS::GuardDuty::Detector";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_guardduty_detector",
    kinds: &[DETECTOR],
    map: detector,
}];

pub static JOINS: &[Join] = &[Join {
    tf_type: "aws_guardduty_detector_feature",
    subjects: &[DETECTOR],
    join: join_feature,
}];

fn detector(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.set(
        "Enable",
        Some(string_bool(s.attr("enable").cloned()).unwrap_or_else(|| boolean(true, s.span()))),
    );
    p.copy(
        s,
        "finding_publishing_frequency",
        "FindingPublishingFrequency",
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(DETECTOR)
}

/// One item of the detector's `Features`: `{Name, Status, AdditionalConfiguration}`.
fn join_feature(s: &Source, j: &mut Joiner) {
    let Some(i) = j.subject(s.attr("detector_id"), DETECTOR, "") else {
        return;
    };
    let mut f = s.props();
    f.copy_all(s, &[("name", "Name"), ("status", "Status")]);
    f.set(
        "AdditionalConfiguration",
        block_list(&s.resource.attributes, "additional_configuration", |c| {
            vec![copy_block(c, &[("Name", "name"), ("Status", "status")])]
        }),
    );
    j.push(i, "Features", f.build());
}
