//! One component per file, named after what the user sees.

pub mod active_filters;
pub mod announcer;
pub mod app_header;
pub mod date_range;
pub mod entities_view;
pub mod export_buttons;
pub mod facet_group;
pub mod facet_sidebar;
pub mod help_dialog;
pub mod highlighted_text;
pub mod layered_text;
pub mod load_files;
pub mod load_messages;
pub mod pagination;
pub mod quotes_view;
pub mod reader;
pub mod result_item;
pub mod results_view;
pub mod search_box;
pub mod theme_toggle;
pub mod timeline_view;
pub mod topic_chip;
pub mod topics_view;
pub mod view_switcher;
