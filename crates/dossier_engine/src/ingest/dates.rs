//! Dates as news text writes them.
//!
//! Absolute forms ("17 December 2024", "June 20, 2024", "Dec. 17th, 2024", "2024-06-20",
//! "23 January 2023 19:05", "14/08/2024", with an optional leading weekday) are parsed exactly;
//! numbers that could be either the day or the month ("01/02/2024") are not guessed. A relative form
//! is resolved only against an anchor the text itself gives, and is then flagged as inferred:
//! a date is never made up. Calendar arithmetic is the `time` crate's (no default features, so it
//! adds no clock, no formatting machinery and no wasm-bindgen).

use time::{Date, Month, Weekday};

/// Formats a date as `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A date found at the start of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatePrefix {
    pub date: Date,
    /// Bytes of the text the date words take up.
    pub len: usize,
}

/// Parses `text` when it is *only* a date, optionally followed by a clock time or time zone
/// ("23 January 2023 19:05", "2024-06-20T10:00:00Z", "June 20, 2024 (PKT)").
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let found = date_prefix(text)?;
    let rest = text.get(found.len..)?;
    is_time_tail(rest).then_some(found.date)
}

/// A date as an input states it in a field of its own (a JSON/CSV `date`, front matter, an HTML
/// `<meta>`, a `Date:` line): `YYYY-MM-DD`, or `YYYY-MM` when only the month is given
/// ("January 2024", "Jan. 2024", "2024-01"), so that a month is never shown as its first day.
/// Running text is never read for months alone: "in March 2024" is an event, not a dateline.
pub fn parse_stated(text: &str) -> Option<String> {
    parse_date(text)
        .or_else(|| compact_date(text.trim()))
        .map(iso)
        .or_else(|| {
            month_of_year(text.trim())
                .map(|(year, month)| format!("{year:04}-{:02}", u8::from(month)))
        })
}

/// "20240522": the compact ISO form metadata uses (`DC.date.issued`). A field of its own only:
/// in running text eight digits are more often a number than a date.
fn compact_date(text: &str) -> Option<Date> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = Month::try_from(text.get(4..6)?.parse::<u8>().ok()?).ok()?;
    let day = text.get(6..8)?.parse::<u8>().ok()?;
    Date::from_calendar_date(year_number(text.get(..4)?)?, month, day).ok()
}

/// "January 2024", "Jan. 2024", "January, 2024", "2024-01": the whole text, nothing after.
fn month_of_year(text: &str) -> Option<(i32, Month)> {
    let tokens = tokenize_first(text, 6);
    match tokens.as_slice() {
        [year, dash, month]
            if dash.text == "-" && year.text.len() == 4 && month.text.len() == 2 =>
        {
            let month = Month::try_from(month.text.parse::<u8>().ok()?).ok()?;
            Some((year_number(year.text)?, month))
        }
        [month, rest @ ..] => {
            let month = month_named(month.text)?;
            match skip_punct(skip_punct(rest, "."), ",") {
                [year] => Some((year_number(year.text)?, month)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Parses an absolute date at the very start of `text`.
pub fn date_prefix(text: &str) -> Option<DatePrefix> {
    // A date is at most a weekday, a comma and five more tokens: no need to split a paragraph.
    let tokens = tokenize_first(text, 12);
    let mut rest: &[Token<'_>] = &tokens;
    // An optional leading weekday: "Monday, June 20, 2024".
    if let Some((first, tail)) = rest.split_first() {
        if weekday_named(first.text).is_some() {
            rest = skip_punct(tail, ",");
        }
    }
    parse_day_month_year(rest)
        .or_else(|| parse_month_day_year(rest))
        .or_else(|| parse_numeric(rest))
        .or_else(|| parse_numeric_year_last(rest))
}

/// The warning for a stated date that is not read (a `Date:` line, a date field or meta tag):
/// why, when the words are two numbers that could each be the day ("01/02/2024").
pub fn not_understood_message(text: &str) -> String {
    match ambiguous_day_month(text) {
        Some((day_first, month_first)) => format!(
            "date \"{text}\" not read: its day and month could be either way round ({} or {}); the article has no date (the words are kept)",
            spelled(day_first),
            spelled(month_first)
        ),
        None => format!(
            "date \"{text}\" not understood; the article has no date (the words are kept)"
        ),
    }
}

/// "1 February 2024".
fn spelled(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// The two dates `01/02/2024` could be (day first, then month first), when the whole text is
/// such a pair of numbers and both readings are dates.
fn ambiguous_day_month(text: &str) -> Option<(Date, Date)> {
    let text = text.trim();
    let tokens = tokenize_first(text, 8);
    let (first, second, year_token) = numbers_then_year(&tokens)?;
    if !is_time_tail(text.get(year_token.end..)?) || first == second {
        return None;
    }
    let day_first = calendar_date(year_token, second, first)?;
    let month_first = calendar_date(year_token, first, second)?;
    Some((day_first, month_first))
}

/// True for a relative date that needs an anchor the text does not give ("13 sec ago",
/// "2 hours ago", "yesterday", "just now").
pub fn is_relative(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["yesterday"] | ["today"] | ["just", "now"] => true,
        [count, unit, "ago"] => count.parse::<u32>().is_ok() && time_unit(unit),
        [count, unit, "ago", ..] if words.len() <= 4 => {
            count.parse::<u32>().is_ok() && time_unit(unit)
        }
        _ => false,
    }
}

fn time_unit(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    [
        "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr",
        "hrs", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]
    .contains(&word)
}

/// A weekday together with a month and day but no year: "This past Monday(November 12)",
/// "on Monday, November 12".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekdayMonthDay {
    pub weekday: Weekday,
    pub month: Month,
    pub day: u8,
    /// The words as they stand in the text (including "This past" / "last" when present).
    pub text: String,
}

/// Finds the first weekday + month/day reference in `text`.
pub fn find_weekday_month_day(text: &str) -> Option<WeekdayMonthDay> {
    let tokens = tokenize(text);
    for (index, token) in tokens.iter().enumerate() {
        let Some(weekday) = weekday_named(token.text) else {
            continue;
        };
        let after = tokens.get(index + 1..).unwrap_or_default();
        let after = skip_punct(skip_punct(after, ","), "(");
        let (Some(month_token), Some(day_token)) = (after.first(), after.get(1)) else {
            continue;
        };
        let (Some(month), Some(day)) = (month_named(month_token.text), day_number(day_token.text))
        else {
            continue;
        };
        // A year straight after makes it an absolute date, which is not this function's job.
        if after.get(2).is_some_and(|t| year_number(t.text).is_some())
            || after.get(3).is_some_and(|t| {
                after.get(2).is_some_and(|c| c.text == ",") && year_number(t.text).is_some()
            })
        {
            continue;
        }
        let mut start = token.start;
        // Keep the words that make it relative: "this past", "last", "this".
        let before: Vec<&Token<'_>> = tokens
            .get(..index)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(2)
            .collect();
        match before.as_slice() {
            [past, this, ..]
                if past.text.eq_ignore_ascii_case("past")
                    && this.text.eq_ignore_ascii_case("this") =>
            {
                start = this.start;
            }
            [last, ..]
                if last.text.eq_ignore_ascii_case("last")
                    || last.text.eq_ignore_ascii_case("this") =>
            {
                start = last.start;
            }
            _ => {}
        }
        let mut end = day_token.end;
        if after.get(2).is_some_and(|t| t.text == ")") {
            end = after.get(2).map_or(end, |t| t.end);
        }
        let words = text.get(start..end)?.to_string();
        return Some(WeekdayMonthDay {
            weekday,
            month,
            day,
            text: words,
        });
    }
    None
}

/// Well-known events whose anniversaries news text counts from, with the years an anniversary
/// may be counted from (start and end: the weekday check picks the right one). Data, not code:
/// one entry per event.
const HISTORIC_EVENTS: &[(&str, &[i32])] = &[
    ("world war one", &[1914, 1918]),
    ("world war i", &[1914, 1918]),
    ("the first world war", &[1914, 1918]),
    ("first world war", &[1914, 1918]),
    ("the great war", &[1914, 1918]),
    ("world war two", &[1939, 1945]),
    ("world war ii", &[1939, 1945]),
    ("the second world war", &[1939, 1945]),
    ("second world war", &[1939, 1945]),
    ("the united nations", &[1945]),
    ("the fall of the berlin wall", &[1989]),
];

/// Resolves a weekday + month/day reference to a full date, using only years the text states.
///
/// Candidate years are (a) every four-digit year written in `context` and (b) the year an
/// `Nth anniversary of <event>` phrase points to (event year from the same phrase, else from
/// `HISTORIC_EVENTS`). A candidate survives only if the month/day falls on the stated weekday
/// in that year (which rejects six wrong years in seven); the date is returned only when exactly
/// one year survives. No anchor, or an ambiguous one, gives `None`.
pub fn resolve_weekday_month_day(reference: &WeekdayMonthDay, context: &str) -> Option<Date> {
    let mut candidates = years_in(context);
    candidates.extend(anniversary_years(context));
    let mut matching = candidates.into_iter().filter_map(|year| {
        let date = Date::from_calendar_date(year, reference.month, reference.day).ok()?;
        (date.weekday() == reference.weekday).then_some(date)
    });
    let first = matching.next()?;
    matching.next().is_none().then_some(first)
}

/// Four-digit years (1900-2100) written as standalone numbers.
fn years_in(text: &str) -> std::collections::BTreeSet<i32> {
    tokenize(text)
        .iter()
        .filter_map(|t| year_number(t.text))
        .collect()
}

/// Years pointed to by "Nth anniversary of <event>".
fn anniversary_years(text: &str) -> std::collections::BTreeSet<i32> {
    let lower = text.to_lowercase();
    let mut years = std::collections::BTreeSet::new();
    for (position, _) in lower.match_indices(" anniversary of ") {
        let before = lower.get(..position).unwrap_or_default();
        let Some(ordinal) = before.split_whitespace().last() else {
            continue;
        };
        let digits: String = ordinal.chars().take_while(char::is_ascii_digit).collect();
        let suffix = ordinal.get(digits.len()..).unwrap_or_default();
        let Ok(count) = digits.parse::<i32>() else {
            continue;
        };
        if !["st", "nd", "rd", "th"].contains(&suffix) {
            continue;
        }
        let after = lower
            .get(position + " anniversary of ".len()..)
            .unwrap_or_default();
        // The phrase runs to the end of its clause.
        let phrase_end = after
            .find(['.', ',', ';', '—', '–', '(', ')'])
            .unwrap_or(after.len());
        let phrase = after.get(..phrase_end).unwrap_or_default().trim();
        let stated = years_in(phrase);
        let event_years: Vec<i32> = if stated.is_empty() {
            HISTORIC_EVENTS
                .iter()
                .filter(|(name, _)| {
                    phrase
                        .strip_prefix(name)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                })
                .flat_map(|(_, years)| years.iter().copied())
                .collect()
        } else {
            stated.into_iter().collect()
        };
        years.extend(event_years.into_iter().map(|y| y.saturating_add(count)));
    }
    years
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Splits into runs of letters, runs of digits (with an attached ordinal suffix) and single
/// punctuation characters; whitespace separates.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    tokenize_first(text, usize::MAX)
}

/// The first `limit` tokens of `text`.
fn tokenize_first(text: &str, limit: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if tokens.len() >= limit {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, next)) = chars.peek() {
                if !next.is_alphanumeric() {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
        }
        if let Some(token) = text.get(start..end) {
            tokens.push(Token {
                text: token,
                start,
                end,
            });
        }
    }
    tokens
}

fn skip_punct<'t, 'a>(tokens: &'t [Token<'a>], punct: &str) -> &'t [Token<'a>] {
    match tokens.split_first() {
        Some((first, rest)) if first.text == punct => rest,
        _ => tokens,
    }
}

/// `17 December 2024`, `17th Dec. 2024`, `17 December, 2024`, `3rd of March 2024`.
fn parse_day_month_year(tokens: &[Token<'_>]) -> Option<DatePrefix> {
    let day = day_number(tokens.first()?.text)?;
    let rest = tokens.get(1..)?;
    let rest = match rest.split_first() {
        Some((of, after)) if of.text.eq_ignore_ascii_case("of") => after,
        _ => rest,
    };
    let month = month_named(rest.first()?.text)?;
    let rest = skip_punct(skip_punct(rest.get(1..)?, "."), ",");
    let year_token = rest.first()?;
    let year = year_number(year_token.text)?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    Some(DatePrefix {
        date,
        len: year_token.end,
    })
}

/// `June 20, 2024`, `Dec. 17th, 2024`, `June 20 2024`.
fn parse_month_day_year(tokens: &[Token<'_>]) -> Option<DatePrefix> {
    let month = month_named(tokens.first()?.text)?;
    let rest = skip_punct(tokens.get(1..)?, ".");
    let day = day_number(rest.first()?.text)?;
    let rest = skip_punct(rest.get(1..)?, ",");
    let year_token = rest.first()?;
    let year = year_number(year_token.text)?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    Some(DatePrefix {
        date,
        len: year_token.end,
    })
}

/// `2024-06-20`, `2024/06/20` and `2024.06.20` (year first; a year last is
/// [`parse_numeric_year_last`]).
fn parse_numeric(tokens: &[Token<'_>]) -> Option<DatePrefix> {
    let [year, sep1, month, sep2, day, ..] = tokens else {
        return None;
    };
    if sep1.text != sep2.text || !matches!(sep1.text, "-" | "/" | ".") {
        return None;
    }
    if year.text.len() != 4 || month.text.len() > 2 {
        return None;
    }
    let year = year_number(year.text)?;
    let month = Month::try_from(month.text.parse::<u8>().ok()?).ok()?;
    // The tokenizer keeps "20T10" (ISO date + time) together: the day is the leading digits.
    let day_digits: &str = day
        .text
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or_default();
    let after_day = day.text.get(day_digits.len()..).unwrap_or_default();
    if !(after_day.is_empty() || after_day.starts_with(['T', 't'])) {
        return None;
    }
    let day_value = day_digits.parse::<u8>().ok()?;
    let date = Date::from_calendar_date(year, month, day_value).ok()?;
    Some(DatePrefix {
        date,
        len: day.start.saturating_add(day_digits.len()),
    })
}

/// `14/08/2024`, `14.08.2024`, `14-08-2024` (day first) and `08/14/2024` (month first): read only
/// when the numbers tell which is the day (one is over 12, or both are the same). `01/02/2024`
/// is 1 February in most of the world and January 2 in the United States: it is never guessed.
fn parse_numeric_year_last(tokens: &[Token<'_>]) -> Option<DatePrefix> {
    let (first, second, year_token) = numbers_then_year(tokens)?;
    let (day, month) = if first > 12 || first == second {
        (first, second)
    } else if second > 12 {
        (second, first)
    } else {
        return None;
    };
    let date = calendar_date(year_token, month, day)?;
    Some(DatePrefix {
        date,
        len: year_token.end,
    })
}

/// `N/N/YYYY`, `N.N.YYYY` or `N-N-YYYY` (one or two digits each, the same separator twice): the
/// two numbers and the year's token.
fn numbers_then_year<'t, 'a>(tokens: &'t [Token<'a>]) -> Option<(u8, u8, &'t Token<'a>)> {
    let [first, sep1, second, sep2, year, ..] = tokens else {
        return None;
    };
    if sep1.text != sep2.text || !matches!(sep1.text, "/" | "." | "-") {
        return None;
    }
    let number = |token: &Token<'_>| {
        let digits = token.text;
        let short = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        short.then(|| digits.parse::<u8>().ok()).flatten()
    };
    year_number(year.text)?;
    Some((number(first)?, number(second)?, year))
}

/// The date of a year token, a month number and a day number, if it is one.
fn calendar_date(year: &Token<'_>, month: u8, day: u8) -> Option<Date> {
    let month = Month::try_from(month).ok()?;
    Date::from_calendar_date(year_number(year.text)?, month, day).ok()
}

/// What may follow a date on a date-only line: nothing, a clock time, an ISO time, a zone.
fn is_time_tail(rest: &str) -> bool {
    let rest = rest
        .trim_start_matches([',', ' ', '|', '-', '–', '—'])
        .trim();
    if rest.is_empty() {
        return true;
    }
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest);
    let starts_with_clock = rest
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .is_some_and(|h| (1..=2).contains(&h.len()))
        && rest.contains(':');
    if !starts_with_clock {
        return false;
    }
    rest.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '+' | '-' | ' ' | '(' | ')'))
        && rest.len() <= 40
}

fn day_number(text: &str) -> Option<u8> {
    let digits: &str = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text.get(digits.len()..)?.to_ascii_lowercase();
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix.as_str())) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day = digits.parse::<u8>().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year_number(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = text.parse::<i32>().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

fn month_named(word: &str) -> Option<Month> {
    let lower = word.to_ascii_lowercase();
    let month = match lower.as_str() {
        "january" | "jan" => Month::January,
        "february" | "feb" => Month::February,
        "march" | "mar" => Month::March,
        "april" | "apr" => Month::April,
        "may" => Month::May,
        "june" | "jun" => Month::June,
        "july" | "jul" => Month::July,
        "august" | "aug" => Month::August,
        "september" | "sep" | "sept" => Month::September,
        "october" | "oct" => Month::October,
        "november" | "nov" => Month::November,
        "december" | "dec" => Month::December,
        _ => return None,
    };
    Some(month)
}

/// The months' names, January first: dates are written with them, and entity extraction knows
/// them for words that are never part of a name.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days' names, Monday first.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A month or a day, written out and capitalised ("May", "Sunday"; not "may" or "Sun").
pub(crate) fn is_calendar_name(word: &str) -> bool {
    MONTH_NAMES.contains(&word) || WEEKDAY_NAMES.contains(&word)
}

fn month_name(month: Month) -> &'static str {
    MONTH_NAMES
        .get(usize::from(u8::from(month)) - 1)
        .copied()
        .unwrap_or_default()
}

fn weekday_named(word: &str) -> Option<Weekday> {
    let lower = word.to_ascii_lowercase();
    let weekday = match lower.as_str() {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    };
    Some(weekday)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str) -> Option<String> {
        parse_date(text).map(iso)
    }

    #[test]
    fn day_month_year() {
        assert_eq!(ymd("17 December 2024").as_deref(), Some("2024-12-17"));
        assert_eq!(ymd("17th Dec. 2024").as_deref(), Some("2024-12-17"));
        assert_eq!(ymd("24 April, 2025").as_deref(), Some("2025-04-24"));
    }

    #[test]
    fn month_day_year() {
        assert_eq!(ymd("June 20, 2024").as_deref(), Some("2024-06-20"));
        assert_eq!(ymd("Dec. 17th, 2024").as_deref(), Some("2024-12-17"));
        assert_eq!(ymd("Sept 3 2021").as_deref(), Some("2021-09-03"));
    }

    #[test]
    fn leading_weekday() {
        assert_eq!(ymd("Monday, June 20, 2022").as_deref(), Some("2022-06-20"));
    }

    #[test]
    fn iso_forms() {
        assert_eq!(ymd("2024-06-20").as_deref(), Some("2024-06-20"));
        assert_eq!(ymd("2024/06/20").as_deref(), Some("2024-06-20"));
        assert_eq!(ymd("2024-06-20T10:00:00Z").as_deref(), Some("2024-06-20"));
    }

    #[test]
    fn numbers_that_tell_the_day_from_the_month() {
        // "date not understood" though 14 can only be the day.
        assert_eq!(ymd("14/08/2024").as_deref(), Some("2024-08-14"));
        assert_eq!(ymd("14.08.2024").as_deref(), Some("2024-08-14"));
        assert_eq!(ymd("14-8-2024").as_deref(), Some("2024-08-14"));
        assert_eq!(ymd("14/08/2024 10:30").as_deref(), Some("2024-08-14"));
        // Month first, as in the United States, when the day is over 12.
        assert_eq!(ymd("08/14/2024").as_deref(), Some("2024-08-14"));
        // The same number twice reads the same either way.
        assert_eq!(ymd("05/05/2024").as_deref(), Some("2024-05-05"));
        assert_eq!(ymd("2024.08.14").as_deref(), Some("2024-08-14"));
        assert_eq!(parse_stated("14.08.2024").as_deref(), Some("2024-08-14"));
    }

    #[test]
    fn a_date_not_read_says_why() {
        assert_eq!(
            not_understood_message("01/02/2024"),
            "date \"01/02/2024\" not read: its day and month could be either way round (1 February 2024 or 2 January 2024); the article has no date (the words are kept)"
        );
        assert_eq!(
            not_understood_message("soon"),
            "date \"soon\" not understood; the article has no date (the words are kept)"
        );
        // Only one reading is a date: not the ambiguity, just not a date.
        assert_eq!(
            not_understood_message("31/02/2024"),
            "date \"31/02/2024\" not understood; the article has no date (the words are kept)"
        );
    }

    #[test]
    fn date_with_clock_time() {
        assert_eq!(ymd("23 January 2023 19:05").as_deref(), Some("2023-01-23"));
        assert_eq!(
            ymd("June 20, 2024 10:30 PKT").as_deref(),
            Some("2024-06-20")
        );
    }

    #[test]
    fn not_dates() {
        for text in [
            "86-23-01-2023",
            "01/02/2024",
            "12.11.2024",
            "13/13/2024",
            "31/02/2024",
            "14/08/24",
            "14/08-2024",
            "31 February 2024",
            "June 2024",
            "13 sec ago",
            "June 20, 2024 was a good day",
            "",
            "2024",
        ] {
            assert_eq!(ymd(text), None, "{text:?}");
        }
    }

    #[test]
    fn prefix_reports_its_length() {
        let text = "June 20, 2024 – New York";
        let found = date_prefix(text);
        assert_eq!(found.map(|f| f.len), Some("June 20, 2024".len()));
    }

    #[test]
    fn relative_forms() {
        for text in [
            "13 sec ago",
            "2 hours ago",
            "yesterday",
            "5 mins ago",
            "Just now",
        ] {
            assert!(is_relative(text), "{text:?}");
        }
        for text in ["17 December 2024", "ago", "many days ago"] {
            assert!(!is_relative(text), "{text:?}");
        }
    }

    #[test]
    fn weekday_month_day_is_found_with_its_words() {
        let found = find_weekday_month_day("This past Monday(November 12), French President");
        let found = found.map(|f| (f.weekday, f.month, f.day, f.text));
        assert_eq!(
            found,
            Some((
                Weekday::Monday,
                Month::November,
                12,
                "This past Monday(November 12)".to_string()
            ))
        );
        assert_eq!(find_weekday_month_day("on Monday, June 20, 2022"), None);
        assert_eq!(find_weekday_month_day("Monday was busy"), None);
    }

    #[test]
    fn weekday_resolves_against_stated_year_only() {
        let reference = find_weekday_month_day("last Monday, November 12");
        let reference = reference.as_ref();
        let resolve = |context: &str| {
            reference
                .and_then(|r| resolve_weekday_month_day(r, context))
                .map(iso)
        };
        assert_eq!(
            resolve("back in 2018 it rained").as_deref(),
            Some("2018-11-12")
        );
        // 12 November 2017 was a Sunday: the stated year contradicts the weekday.
        assert_eq!(resolve("in 2017"), None);
        // No anchor at all: never a made-up year.
        assert_eq!(resolve("no year here"), None);
        // Two consistent anchors (2012 and 2018): ambiguous, so nothing.
        assert_eq!(resolve("2012 and 2018"), None);
    }

    #[test]
    fn anniversary_anchor_with_weekday_check() {
        let reference = find_weekday_month_day("This past Monday(November 12)");
        let context =
            "a weekend of commemorations marking the 100th anniversary of World War One — is";
        // World War One: 1914 + 100 = 2014 (a Wednesday) or 1918 + 100 = 2018 (a Monday).
        let date = reference.and_then(|r| resolve_weekday_month_day(&r, context));
        assert_eq!(date.map(iso).as_deref(), Some("2018-11-12"));
        let stated = "the 50th anniversary of the 1969 moon landing";
        let reference = find_weekday_month_day("on Saturday, July 20");
        let date = reference.and_then(|r| resolve_weekday_month_day(&r, stated));
        assert_eq!(date.map(iso).as_deref(), Some("2019-07-20"));
    }

    #[test]
    fn the_forms_people_write_by_hand() {
        assert_eq!(ymd("March 3, 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(ymd("3 March 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(ymd("Mar. 3, 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(ymd("3rd of March, 2024").as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn a_stated_month_keeps_month_precision() {
        for (text, expected) in [
            ("January 2024", Some("2024-01")),
            ("Jan. 2024", Some("2024-01")),
            ("September, 2021", Some("2021-09")),
            ("2024-01", Some("2024-01")),
            ("March 3, 2024", Some("2024-03-03")),
            ("January 2024 and more", None),
            ("2024-13", None),
            ("May", None),
            // The compact form of `<meta name="DC.date.issued">` was not understood.
            ("20240522", Some("2024-05-22")),
            ("20241322", None),
            ("2024052", None),
        ] {
            assert_eq!(parse_stated(text).as_deref(), expected, "{text:?}");
        }
        // Running text is not a stated date: a bare month stays no date there.
        assert_eq!(ymd("January 2024"), None);
    }
}
