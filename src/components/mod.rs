//! One component per file, named after what the user sees.

pub mod article_list;
pub mod search_box;
