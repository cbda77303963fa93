use crate::{Node, Span, Suppression};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// A source file as read, kept for code frames and suppression comments.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as reported: relative to the scanned root, with `/` separators.
    pub path: String,
    /// The path to open on disk.
    pub disk_path: PathBuf,
    pub text: Arc<str>,
}

/// Where a resource was declared or observed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Origin {
    /// Declared in a file: the path is relative to the scanned root.
    File {
        path: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        span: Option<Span>,
    },
    /// Read from a live account.
    Account {
        account: String,
        region: String,
        arn: String,
    },
}

/// One resource, whatever it was read from.
///
/// The kind is canonical: the CloudFormation type for AWS (`AWS::S3::Bucket`), namespaced for
/// others (`k8s::Pod`, `docker::Image`). A Terraform bucket, a CloudFormation bucket and a bucket
/// read from an account all become the same shape, so one rule judges all three.
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    pub kind: String,
    /// Logical id, Terraform address or ARN.
    pub address: String,
    /// Properties as written, after evaluation; always a map.
    pub properties: Node,
    pub tags: BTreeMap<String, String>,
    pub origin: Origin,
    /// Suppressions written beside the resource (comments, `Metadata`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<Suppression>,
    /// Files other than the origin that spans of the properties point into (see
    /// [`Span::file`]); shared by every resource of one Terraform configuration.
    #[serde(skip)]
    pub other_files: Option<Arc<Vec<String>>>,
}

impl Resource {
    /// The file path the resource was declared in, if any.
    pub fn file(&self) -> Option<&str> {
        match &self.origin {
            Origin::File { path, .. } => Some(path),
            Origin::Account { .. } => None,
        }
    }

    /// The file a span of this resource's properties points into.
    pub fn file_of(&self, span: &Span) -> Option<&str> {
        match span.file {
            0 => self.file(),
            n => self
                .other_files
                .as_ref()
                .and_then(|f| f.get(n as usize - 1))
                .map(String::as_str),
        }
    }

    pub fn span(&self) -> Option<Span> {
        match &self.origin {
            Origin::File { span, .. } => *span,
            Origin::Account { .. } => None,
        }
    }
}
