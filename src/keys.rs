//! The keyboard map: which key does what. Plain Rust so it is unit-tested natively; the page
//! only forwards key events here and performs the returned action.

/// What a key press asks the page to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    FocusSearch,
    NextResult,
    PreviousResult,
    /// Close the topmost thing: help, then the filter drawer, then the reader; with none of
    /// them open, fold the load messages to their one line (they are not thrown away).
    Close,
    ToggleHelp,
}

/// Where the key was pressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyContext {
    /// Focus is in a text field: printable keys belong to it.
    pub typing: bool,
    /// A modifier (Ctrl, Alt, Meta) is held: leave browser shortcuts alone.
    pub modifier: bool,
    /// Focus is on a result (or nowhere in particular): arrows move between results.
    pub on_results: bool,
    /// Focus is in the search box: ↓ goes on to the results, as the help says.
    pub in_search_box: bool,
}

/// The action for `key` (a `KeyboardEvent.key` value), if any.
pub fn action_for(key: &str, context: KeyContext) -> Option<KeyAction> {
    if context.modifier {
        return None;
    }
    if key == "Escape" {
        return Some(KeyAction::Close);
    }
    if key == "ArrowDown" && context.in_search_box {
        return Some(KeyAction::NextResult);
    }
    if context.typing {
        return None;
    }
    match key {
        "/" => Some(KeyAction::FocusSearch),
        "?" => Some(KeyAction::ToggleHelp),
        "j" => Some(KeyAction::NextResult),
        "k" => Some(KeyAction::PreviousResult),
        "ArrowDown" if context.on_results => Some(KeyAction::NextResult),
        "ArrowUp" if context.on_results => Some(KeyAction::PreviousResult),
        _ => None,
    }
}

/// The keys the help dialog lists, as (keys, what they do).
pub const HELP: [(&str, &str); 6] = [
    ("/", "Focus the search box"),
    (
        "j  or  ↓",
        "Next result (↓ from the search box too; j in the reader: the next article, on the next page after a page's last)",
    ),
    (
        "k  or  ↑",
        "Previous result (from the first: the search box; k in the reader: the one before)",
    ),
    ("Enter", "Open the focused result"),
    (
        "Esc",
        "Close this help, the filters or the reader; fold the load messages",
    ),
    ("?", "Show or hide this help"),
];

/// The index to focus after `current` (None: nothing focused yet) among `count` items, clamped.
pub fn step(current: Option<usize>, count: usize, forward: bool) -> Option<usize> {
    let last = count.checked_sub(1)?;
    Some(match (current, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(last),
        (Some(i), false) => i.saturating_sub(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_keeps_printable_keys_but_not_escape() {
        let typing = KeyContext {
            typing: true,
            ..KeyContext::default()
        };
        assert_eq!(action_for("/", typing), None);
        assert_eq!(action_for("j", typing), None);
        assert_eq!(action_for("Escape", typing), Some(KeyAction::Close));
    }

    #[test]
    fn arrows_only_move_results_from_the_results() {
        let elsewhere = KeyContext::default();
        assert_eq!(action_for("ArrowDown", elsewhere), None);
        assert_eq!(action_for("j", elsewhere), Some(KeyAction::NextResult));
        let on_results = KeyContext {
            on_results: true,
            ..KeyContext::default()
        };
        assert_eq!(
            action_for("ArrowUp", on_results),
            Some(KeyAction::PreviousResult)
        );
    }

    #[test]
    fn down_from_the_search_box_goes_to_the_results() {
        // ↓ in the box did nothing, though the help lists it for the next result; the other
        // keys stay the box's.
        let in_box = KeyContext {
            typing: true,
            in_search_box: true,
            ..KeyContext::default()
        };
        assert_eq!(action_for("ArrowDown", in_box), Some(KeyAction::NextResult));
        assert_eq!(action_for("ArrowUp", in_box), None);
        assert_eq!(action_for("j", in_box), None);
        let other_field = KeyContext {
            typing: true,
            ..KeyContext::default()
        };
        assert_eq!(action_for("ArrowDown", other_field), None);
    }

    #[test]
    fn modifiers_are_left_to_the_browser() {
        let ctrl = KeyContext {
            modifier: true,
            ..KeyContext::default()
        };
        assert_eq!(action_for("/", ctrl), None);
    }

    #[test]
    fn step_clamps_at_both_ends() {
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(Some(2), 3, true), Some(2));
        assert_eq!(step(Some(0), 3, false), Some(0));
        assert_eq!(step(Some(1), 0, true), None);
    }
}
