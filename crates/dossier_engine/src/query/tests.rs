use super::*;
use proptest::prelude::*;

fn parse_full(text: &str) -> ParsedQuery {
    parse(text, &ParseOptions::default())
}

fn parse_complete(text: &str) -> ParsedQuery {
    parse(
        text,
        &ParseOptions {
            prefix_last_word: false,
        },
    )
}

fn term_stems(query: &Query) -> Vec<String> {
    match query {
        Query::Term(t) => vec![t.stem.clone()],
        Query::And(parts) | Query::Or(parts) => parts.iter().flat_map(term_stems).collect(),
        Query::Not(inner) => term_stems(inner),
        _ => Vec::new(),
    }
}

#[test]
fn bare_terms_are_all_required_and_stemmed() {
    let parsed = parse_complete("Indus waters treaty");
    assert!(parsed.errors.is_empty());
    assert!(matches!(&parsed.query, Query::And(parts) if parts.len() == 3));
    assert_eq!(term_stems(&parsed.query), vec!["indus", "water", "treati"]);
    assert_eq!(parsed.query.describe(), "indus waters treaty");
}

#[test]
fn last_word_is_a_prefix_only_while_typing() {
    let typing = parse_full("indus wat");
    let Query::And(parts) = &typing.query else {
        panic!("expected And, got {:?}", typing.query)
    };
    assert!(matches!(&parts[1], Query::Term(t) if t.prefix));
    assert!(matches!(&parts[0], Query::Term(t) if !t.prefix));
    let done = parse_full("indus wat ");
    assert_eq!(done.query.describe(), "indus wat");
    // Two letters are a word ("UN", "EU"), not yet a prefix; three may be.
    assert_eq!(parse_full("cyber UN").query.describe(), "cyber un");
    assert_eq!(parse_full("uni").query.describe(), "uni*");
    // A filter or exclusion typed after the word narrows what the word found: "cyber" still
    // finds "cybercrime" (a word before more words does not).
    assert_eq!(
        parse_full("cyber year:2023").query.describe(),
        "cyber* year:2023"
    );
    assert_eq!(
        parse_full("cyber -pakistan").query.describe(),
        "cyber* -pakistan"
    );
    assert_eq!(
        parse_full("cyber kind:press-release date:2023..2024")
            .query
            .describe(),
        "cyber* kind:press-release date:2023..2024"
    );
    assert_eq!(
        parse_full("cyber law -pakistan").query.describe(),
        "cyber law* -pakistan"
    );
    assert_eq!(parse_full("un -pakistan").query.describe(), "un -pakistan");
}

#[test]
fn phrases_keep_stop_word_gaps() {
    let parsed = parse_complete("\"waters of the Indus\"");
    let Query::Phrase(phrase) = &parsed.query else {
        panic!("expected a phrase, got {:?}", parsed.query)
    };
    assert_eq!(
        phrase.terms,
        vec![(0, "water".to_string()), (3, "indus".to_string())]
    );
}

#[test]
fn curly_quotes_make_phrases_too() {
    let parsed = parse_complete("\u{201C}Indus waters\u{201D}");
    assert!(parsed.errors.is_empty());
    assert!(matches!(&parsed.query, Query::Phrase(p) if p.text == "Indus waters"));
}

#[test]
fn negations_of_terms_and_phrases() {
    let parsed = parse_complete("treaty -india -\"world bank\"");
    assert_eq!(parsed.query.describe(), "treaty -india -\"world bank\"");
}

#[test]
fn not_in_capitals_negates_like_a_minus() {
    let parsed = parse_complete("cyber NOT crime NOT \"world bank\"");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.query.describe(), "cyber -crime -\"world bank\"");
    let alone = parse_complete("NOT cyber");
    assert_eq!(alone.query.describe(), "-cyber");
    // With nothing after it, it says so in its own words.
    let dangling = parse_complete("cyber NOT");
    assert_eq!(dangling.query.describe(), "cyber");
    assert!(dangling.errors[0]
        .message
        .starts_with("'NOT' must be followed"));
    // Only in capitals: lower-case "not" stays a word.
    assert_eq!(parse_complete("not cyber").query.describe(), "not cyber");
}

#[test]
fn a_lower_case_or_between_words_says_how_to_write_either() {
    let parsed = parse_complete("india or china");
    assert_eq!(parsed.errors.len(), 1);
    assert!(
        parsed.errors[0].message.contains("Write OR"),
        "{:?}",
        parsed.errors
    );
    assert_eq!(parsed.errors[0].span, Span { start: 6, end: 8 });
    // Not at either end (a word being typed, or a lone word), nor in capitals.
    assert!(parse_complete("india or").errors.is_empty());
    assert!(parse_complete("or china").errors.is_empty());
    assert!(parse_complete("india OR china").errors.is_empty());
}

#[test]
fn or_and_parentheses() {
    let parsed = parse_complete("(indus OR ganges) treaty");
    assert!(parsed.errors.is_empty());
    assert_eq!(parsed.query.describe(), "(indus OR ganges) treaty");
    let parsed = parse_complete("a1 b1 OR c1");
    assert_eq!(parsed.query.describe(), "(a1 b1) OR c1");
}

#[test]
fn field_filters() {
    let parsed = parse_complete(
        "title:indus place:\"New Delhi\" person:Modi org:WHO topic:water-security kind:news \
         source:Dawn year:2024 country:pakistan",
    );
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(
        parsed.query.describe(),
        "title:indus place:New Delhi person:Modi org:WHO topic:water-security kind:news \
         source:Dawn year:2024 country:pakistan"
    );
}

#[test]
fn date_ranges() {
    let parsed = parse_complete("date:2024-01..2025-06");
    assert_eq!(
        parsed.query,
        Query::Date(DateRange {
            from: Some("2024-01".into()),
            to: Some("2025-06".into())
        })
    );
    let range = DateRange::parse("2024-01..2025-06").unwrap();
    assert!(range.contains("2024-01-01"));
    assert!(range.contains("2025-06-30"));
    assert!(!range.contains("2023-12-31"));
    assert!(!range.contains("2025-07-01"));
    let open = DateRange::parse("..2020").unwrap();
    assert!(open.contains("1999-05-05") && !open.contains("2021-01-01"));
    let single = DateRange::parse("2024-03").unwrap();
    assert!(single.contains("2024-03-15") && !single.contains("2024-04-01"));
    // A range of years was "Year filter ignored", and every article was listed.
    for (years, dates) in [
        ("year:2024..2025", "date:2024..2025"),
        ("year:2025..2024", "date:2025..2024"),
        ("year:..2019", "date:..2019"),
    ] {
        let (years, dates) = (parse_complete(years), parse_complete(dates));
        assert_eq!(years.query, dates.query);
        let messages = |p: &ParsedQuery| {
            p.errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(messages(&years), messages(&dates));
    }
    assert!(matches!(
        parse_complete("year:2024..2025").query,
        Query::Date(DateRange {
            from: Some(_),
            to: Some(_)
        })
    ));
}

#[test]
fn a_date_range_typed_backwards_is_read_forwards_and_said() {
    // It matched nothing, and the page gave generic advice; the sidebar's dates already said
    // "ends before it starts".
    let parsed = parse_complete("date:2025-06..2024-01");
    assert_eq!(
        parsed.query,
        Query::Date(DateRange {
            from: Some("2024-01".into()),
            to: Some("2025-06".into())
        })
    );
    let messages: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        ["The date range ends before it starts: read as 2024-01..2025-06."]
    );
    // A range within one period at two precisions is not backwards.
    for forwards in [
        "date:2024..2024-03",
        "date:2024-03..2024",
        "date:2024-03-05..2024-03",
    ] {
        assert!(parse_complete(forwards).errors.is_empty(), "{forwards}");
    }
}

#[test]
fn bad_filters_explain_themselves_and_are_dropped() {
    let parsed = parse_complete("treaty year:twenty date:2024-13 foo:bar place:");
    let messages: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(messages[0].contains("Unknown field 'foo:'"));
    assert!(messages[1].contains("not a year"));
    assert!(messages[2].contains("not a date"));
    assert!(messages[3].contains("needs a value"));
    // The unknown field is searched as words, the rest still runs.
    assert_eq!(parsed.query.describe(), "treaty foo bar");
}

#[test]
fn unbalanced_quotes_and_parentheses_recover() {
    let parsed = parse_complete("\"indus waters");
    assert_eq!(parsed.errors.len(), 1);
    assert!(parsed.errors[0].message.contains("Missing closing quote"));
    assert!(matches!(parsed.query, Query::Phrase(_)));

    let parsed = parse_complete("(indus OR ganges");
    assert!(parsed.errors[0].message.contains("Missing ')'"));
    assert_eq!(parsed.query.describe(), "indus OR ganges");

    let parsed = parse_complete("indus) treaty");
    assert!(parsed.errors[0].message.contains("Unmatched ')'"));
    assert_eq!(parsed.query.describe(), "indus treaty");

    let parsed = parse_complete("OR indus OR");
    assert_eq!(parsed.errors.len(), 2);
}

#[test]
fn long_queries_are_capped() {
    let long = "water ".repeat(20_000);
    let parsed = parse_full(&long);
    assert!(parsed
        .errors
        .iter()
        .any(|e| e.message.contains("bytes long")));
    assert!(parsed
        .errors
        .iter()
        .any(|e| e.message.contains("More than 32 terms")));
    assert_eq!(term_stems(&parsed.query).len(), MAX_CLAUSES);

    let deep = "(".repeat(100) + "x" + &")".repeat(100);
    let parsed = parse_full(&deep);
    assert!(parsed
        .errors
        .iter()
        .any(|e| e.message.contains("nest deeper")));
}

#[test]
fn noise_parses_to_nothing_without_errors() {
    for text in ["", "   ", "\u{0}\u{7}\t", "🙂🙂", "-", "()", "\"\""] {
        let parsed = parse_full(text);
        assert_eq!(parsed.query, Query::All, "{text:?}");
    }
}

#[test]
fn right_to_left_text_is_searched_as_words() {
    let parsed = parse_complete("مياه السند");
    assert_eq!(term_stems(&parsed.query).len(), 2);
}

#[test]
fn spans_point_at_the_words() {
    let text = "  Indus  -waters";
    let parsed = parse_complete(text);
    let Query::And(parts) = &parsed.query else {
        panic!()
    };
    let Query::Term(first) = &parts[0] else {
        panic!()
    };
    assert_eq!(&text[first.span.start..first.span.end], "Indus");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text parses, error spans are valid slices, and the result is bounded.
    #[test]
    fn parser_never_panics(text in "\\PC{0,80}|[-\"():a-z OR|]{0,60}") {
        let parsed = parse_full(&text);
        let bounded: &str = text.get(..MAX_QUERY_BYTES.min(text.len())).unwrap_or(&text);
        for error in &parsed.errors {
            prop_assert!(error.span.start <= error.span.end);
            prop_assert!(text.get(error.span.start..error.span.end).is_some() || bounded.len() < text.len());
        }
        prop_assert!(term_stems(&parsed.query).len() <= MAX_CLAUSES);
        let _ = parsed.query.describe();
    }

    /// Describing a query and parsing the description again gives the same query shape.
    #[test]
    fn describe_round_trips_term_stems(words in proptest::collection::vec("[a-z]{3,8}", 1..6)) {
        let text = words.join(" ");
        let first = parse_complete(&text);
        let second = parse_complete(&first.query.describe());
        prop_assert_eq!(term_stems(&first.query), term_stems(&second.query));
    }
}

#[test]
fn the_syntax_examples_parse_into_what_they_describe() {
    let shapes = [
        "And([Term",
        "Phrase(",
        "Or([Term",
        "Not(Term",
        "field: Some(Title)",
        "Facet { key: Person, value: \"akram\"",
        "Date(DateRange { from: Some(\"2024-01\"), to: Some(\"2024-06\")",
        "And([Or([",
    ];
    for ((example, _), shape) in SYNTAX_EXAMPLES.iter().zip(shapes) {
        let parsed = parse_complete(example);
        assert!(parsed.errors.is_empty(), "{example}: {:?}", parsed.errors);
        let query = format!("{:?}", parsed.query);
        assert!(query.contains(shape), "{example} parsed as {query}");
    }
}

#[test]
fn a_query_says_whether_it_filters_or_excludes() {
    let narrows = |text: &str| {
        parse(text, &ParseOptions::default())
            .query
            .filters_or_excludes()
    };
    assert!(!narrows("kashmir treaty"));
    assert!(!narrows("\"indus waters\" OR kashmir"));
    assert!(narrows("kashmir year:2024"));
    assert!(narrows("kashmir -treaty"));
    assert!(narrows("kashmir date:2024-01..2024-12"));
    assert!(narrows("(a OR person:dar)"));
}

#[test]
fn a_problem_repeated_is_said_once() {
    // `((( "unclosed OR` said "Missing ')'" three times.
    let parsed = parse_complete("((( \"unclosed OR");
    let messages: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Missing closing quote: searched \"unclosed OR\" as a phrase.",
            "Missing 3 ')': the groups run to the end.",
        ]
    );
    // Where: from the first '(' to the last.
    assert_eq!(parsed.errors[1].span, Span { start: 0, end: 3 });
    let one = parse_complete("(indus OR ganges");
    assert_eq!(one.errors.len(), 1);
    assert_eq!(
        one.errors[0].message,
        "Missing ')': the group runs to the end."
    );
    // Other repeated problems are said once too, distinct ones each.
    let parsed = parse_complete("((()))) indus ))");
    let messages: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        ["Empty parentheses: ignored.", "Unmatched ')': ignored."]
    );
    let deep = parse_full(&("(".repeat(20) + "x"));
    let deeper: Vec<&QueryError> = deep
        .errors
        .iter()
        .filter(|e| e.message.contains("nest deeper"))
        .collect();
    assert_eq!(deeper.len(), 1);
    assert!(deep
        .errors
        .iter()
        .any(|e| e.message.starts_with("Missing 8 ')'")));
}
