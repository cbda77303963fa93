//! elb: mappings onto canonical records (see docs/terraform.md).

use super::{Join, Mapping};

pub static MAPPINGS: &[Mapping] = &[];

pub static JOINS: &[Join] = &[];
