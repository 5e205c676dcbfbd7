use super::*;
use crate::index::facets::DocFacets;
use crate::query::ParseOptions;
use proptest::prelude::*;

fn article(id: &str, title: &str, body: &[&str], date: Option<&str>, kind: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        date: date.map(str::to_string),
        kind: kind.into(),
        file: "fixture.txt".into(),
        body: body.iter().map(|s| crate::Text::from(*s)).collect(),
        ..Article::default()
    }
}

fn fixture() -> (Vec<Article>, SearchIndex) {
    let articles = vec![
        article(
            "indus-treaty",
            "India suspends the Indus Waters Treaty",
            &[
                "The Indus Waters Treaty, mediated by the World Bank, split the Indus river system.",
                "Pakistan said any diversion of water would be an act of war.",
            ],
            Some("2025-04-24"),
            "news",
        ),
        article(
            "cyber",
            "Pakistan proposes a cybersecurity centre",
            &["Delegates from OIC nations discussed digital security and water infrastructure."],
            Some("2024-11-02"),
            "news",
        ),
        article(
            "floods",
            "Floods in Sindh",
            &["Heavy monsoon rains flooded the Indus delta; farmers lost crops."],
            Some("2022-08-30"),
            "press-release",
        ),
        article(
            "undated",
            "Essay on rivers",
            &["Rivers and treaties shape nations."],
            None,
            "opinion",
        ),
    ];
    let mut places = vec![DocFacets::new(); articles.len()];
    places[0].insert(
        FacetKey::Place,
        vec!["Islamabad".into(), "New Delhi".into()],
    );
    places[1].insert(FacetKey::Place, vec!["Islamabad".into()]);
    places[2].insert(FacetKey::Place, vec!["Karachi".into()]);
    let index = SearchIndex::build(&articles, &places);
    (articles, index)
}

fn ids(response: &SearchResponse) -> Vec<&str> {
    response.hits.iter().map(|h| h.id.as_str()).collect()
}

fn search(query: &str) -> SearchResponse {
    let (articles, index) = fixture();
    index.search(&articles, &SearchRequest::new(query))
}

#[test]
fn indus_waters_treaty_ranks_the_treaty_article_first() {
    let response = search("indus waters treaty");
    assert_eq!(ids(&response).first(), Some(&"indus-treaty"));
    let hit = &response.hits[0];
    assert_eq!(hit.matched_fields, vec![Field::Title, Field::Body]);
    assert!(!hit.title_highlights.is_empty());
    let snippet = hit.snippet.as_ref().unwrap();
    for span in &snippet.highlights {
        assert!(snippet.text.get(span.start..span.end).is_some());
    }
    let highlighted: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|s| &snippet.text[s.start..s.end])
        .collect();
    assert!(highlighted.contains(&"Indus"), "{highlighted:?}");
}

#[test]
fn a_hit_matched_in_the_fields_where_its_words_are_marked() {
    // A quoted phrase's words count where they stand together: the title's "Treaty" alone is
    // no match of "waters treaty", and the hit said it matched in the title.
    let articles = vec![article(
        "apart",
        "Treaty talks",
        &["The Indus waters treaty stands."],
        None,
        "news",
    )];
    let index = SearchIndex::build(&articles, &[DocFacets::default()]);
    let response = index.search(&articles, &SearchRequest::new("\"waters treaty\""));
    let hit = response.hits.first().expect("the body has the phrase");
    assert_eq!(hit.matched_fields, vec![Field::Body]);
    assert!(hit.title_highlights.is_empty());
}

#[test]
fn prefix_of_the_last_word_matches_while_typing() {
    assert_eq!(ids(&search("cybersec")), vec!["cyber"]);
    // Once a space is typed the word is complete: no prefix matching.
    let done = search("cybersec ");
    assert!(done.hits.is_empty());
    assert_eq!(done.notices.last().unwrap().kind, NoticeKind::NoMatches);
}

#[test]
fn exact_beats_prefix_beats_typo() {
    // "flood" typed: exact "flood", prefix "floodwaters"; "floody" is one letter longer, so
    // one typo away once the word is finished. The prefix and typo articles
    // mention their word more often and in shorter texts, so on BM25 alone they would win: the
    // tiers must still hold.
    let articles2 = vec![
        article("typo", "floody floody floody", &[], None, "news"),
        article("prefix", "floodwaters floodwaters", &[], None, "news"),
        article(
            "exact",
            "flood",
            &["A long body about many other things entirely, to lower the score."],
            None,
            "news",
        ),
        article("other", "floor floor floor", &[], None, "news"),
    ];
    let index2 = SearchIndex::build(&articles2, &[]);
    // Still being typed, "floody" and "floodwaters" both start with it: the prefix tier.
    let response = index2.search(&articles2, &SearchRequest::new("flood"));
    assert_eq!(ids(&response), vec!["exact", "typo", "prefix"]);
    // Finished word (no prefix): exact, then its longer form ("floody" stems apart).
    let response = index2.search(&articles2, &SearchRequest::new("flood "));
    assert_eq!(ids(&response), vec!["exact", "typo"]);
    // "floor" is one edit from "flood", but both are words of the corpus: no typo of the other.
    let response = index2.search(&articles2, &SearchRequest::new("floor "));
    assert_eq!(ids(&response), vec!["other"]);
    // An unknown word matches its one-edit neighbours ("flood", "floor").
    let response = index2.search(&articles2, &SearchRequest::new("flooq "));
    let mut found = ids(&response);
    found.sort();
    assert_eq!(found, vec!["exact", "other"]);
}

#[test]
fn a_finished_word_finds_its_longer_forms_but_not_longer_words() {
    let articles2 = vec![
        article("crime", "Crime rose", &[], None, "news"),
        article("crimea", "Crimea is far", &[], None, "news"),
        article("india", "India votes", &[], None, "news"),
        article("indian", "Indian voters", &[], None, "news"),
    ];
    let index2 = SearchIndex::build(&articles2, &[]);
    let found = |query: &str| {
        let response = index2.search(&articles2, &SearchRequest::new(query));
        let mut found: Vec<String> = ids(&response).iter().map(|id| id.to_string()).collect();
        found.sort();
        found
    };
    assert_eq!(found("crime "), ["crime"]);
    assert_eq!(found("india "), ["india", "indian"]);
    // Still being typed, every word it starts comes.
    assert_eq!(found("crime"), ["crime", "crimea"]);
}

#[test]
fn words_typed_together_rank_articles_that_have_them_together_first() {
    // On BM25 alone the article with both words apart, more often and in a shorter text, wins.
    let articles2 = vec![
        article(
            "apart",
            "National roads",
            &["The United States funds national highways."],
            None,
            "news",
        ),
        article(
            "together",
            "Multilateralism under strain",
            &[
                "Speaking at the United Nations, the envoy defended the system of rules that \
               held for decades, and asked members to keep funding its agencies.",
            ],
            None,
            "news",
        ),
        article(
            "bank",
            "Loans",
            &["The People's Bank of China and the national bank of Pakistan; China's bank."],
            None,
            "news",
        ),
        article(
            "bank-apart",
            "Loans rise",
            &["A bank in China and a bank in Beijing."],
            None,
            "news",
        ),
        // Each word without the other: the bonus is looked for among the matches only, not
        // among all the articles of the rarer word.
        article(
            "united",
            "A front",
            &["The members kept a united front through the long talks of the winter."],
            None,
            "news",
        ),
        article(
            "nations",
            "Talks",
            &["Many nations met through the long talks of the winter in the old hall."],
            None,
            "news",
        ),
    ];
    let index2 = SearchIndex::build(&articles2, &[]);
    let ranked = |query: &str| -> Vec<String> {
        let response = index2.search(&articles2, &SearchRequest::new(query));
        ids(&response).iter().map(|id| id.to_string()).collect()
    };
    assert_eq!(ranked("united nations "), ["together", "apart"]);
    // A stop-word between them keeps its place.
    assert_eq!(
        ranked("bank of china ").first().map(String::as_str),
        Some("bank")
    );
    // Typed apart, nothing is added: the plain BM25 order.
    let plain = ranked("nations united ");
    assert_eq!(plain, ["apart", "together"]);
}

#[test]
fn the_values_a_typed_filter_names_are_listed() {
    let mut facets = DocFacets::new();
    facets.insert(
        FacetKey::Person,
        vec!["Ishaq Dar".to_string(), "Shehbaz Sharif".to_string()],
    );
    let articles2 = vec![article("a", "Talks", &[], None, "news")];
    let index2 = SearchIndex::build(&articles2, &[facets]);
    let named = |query: &str| {
        index2
            .search(&articles2, &SearchRequest::new(query))
            .people_named
    };
    assert_eq!(named("talks person:dar"), ["Ishaq Dar"]);
    assert_eq!(
        named("person:dar OR person:sharif"),
        ["Ishaq Dar", "Shehbaz Sharif"]
    );
    assert!(named("-person:dar talks").is_empty());
    assert!(named("dar").is_empty());
}

#[test]
fn a_year_no_article_has_is_not_mended_to_a_near_one() {
    let articles2 = vec![
        article("a", "Budget passed", &[], Some("2018-03-01"), "news"),
        article("b", "Budget cut", &[], Some("2024-03-01"), "news"),
    ];
    let index2 = SearchIndex::build(&articles2, &[]);
    let response = index2.search(&articles2, &SearchRequest::new("year:2016"));
    assert!(response.hits.is_empty());
    assert_eq!(response.did_you_mean, None);
    let response = index2.search(&articles2, &SearchRequest::new("year:2018"));
    assert_eq!(ids(&response), ["a"]);
}

/// True when `word` is `typed` with one of the [`LONGER_FORM_ENDINGS`].
fn is_longer_form(word: &str, typed: &str) -> bool {
    word.strip_prefix(typed)
        .is_some_and(|ending| LONGER_FORM_ENDINGS.contains(&ending))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// A common word's longer forms, looked up at once, are what the typo lookup keeps of it.
    #[test]
    fn longer_forms_are_what_the_typo_lookup_keeps(
        words in proptest::collection::vec("[adeilnrsy]{1,8}", 1..20),
        typed in "[adeilnrsy]{1,6}",
        // Some endings are longer forms, some are not.
        endings in proptest::collection::vec(
            proptest::sample::select(&["n", "an", "es", "ly", "ed", "ic", "e", "ing", "ness", "x"][..]),
            0..6,
        ),
        max_distance in 1u32..=2,
    ) {
        let formed = endings.iter().map(|ending| format!("{typed}{ending}"));
        let articles2: Vec<Article> = words
            .iter()
            .cloned()
            .chain(formed)
            .enumerate()
            .map(|(i, w)| article(&format!("d{i}"), &format!("{w} {typed}"), &[], None, "news"))
            .collect();
        let index2 = SearchIndex::build(&articles2, &[]);
        let kept: Vec<(usize, u32)> = index2
            .fuzzy_words(&typed, max_distance, 0)
            .iter()
            .copied()
            .filter(|(word, _)| index2.word(*word).is_some_and(|w| is_longer_form(w, &typed)))
            .collect();
        let mut found = longer_forms(&index2, &typed, max_distance);
        found.sort_unstable();
        prop_assert_eq!(found, kept);
    }
}

#[test]
fn a_word_the_corpus_misspells_rarely_still_finds_the_common_spelling() {
    // "pakistn" is in the corpus once, "pakistan" ten times as often: the typed "pakistn" is
    // most likely the typo it is there too.
    let mut articles2 = vec![article("typo", "pakistn", &[], None, "news")];
    for i in 0..10 {
        articles2.push(article(&format!("p{i}"), "pakistan", &[], None, "news"));
    }
    articles2.push(article("rare", "wafer", &[], None, "news"));
    articles2.push(article("common", "water", &[], None, "news"));
    let index2 = SearchIndex::build(&articles2, &[]);
    let response = index2.search(&articles2, &SearchRequest::new("pakistn "));
    assert_eq!(response.total, 11);
    assert_eq!(ids(&response).first(), Some(&"typo"));
    // Two words as common as each other are two words.
    assert_eq!(
        ids(&index2.search(&articles2, &SearchRequest::new("wafer "))),
        vec!["rare"]
    );
}

#[test]
fn typos_of_the_first_letter_are_found() {
    let articles2 = vec![
        article("p", "pakistan", &[], None, "news"),
        article("t", "treaty", &[], None, "news"),
    ];
    let index2 = SearchIndex::build(&articles2, &[]);
    let search2 = |q: &str| index2.search(&articles2, &SearchRequest::new(q));
    // One edit anywhere, the first letter included: replaced, deleted, or one put before it.
    assert_eq!(ids(&search2("dreaty ")), vec!["t"]);
    assert_eq!(ids(&search2("treaby ")), vec!["t"]);
    assert_eq!(ids(&search2("vakistan ")), vec!["p"]);
    assert_eq!(ids(&search2("akistan ")), vec!["p"]);
    assert_eq!(ids(&search2("bpakistan ")), vec!["p"]);
    // Two edits (9+ chars) away from the first letter...
    assert_eq!(ids(&search2("pakixtanx ")), vec!["p"]);
    // ...but not a first-letter edit plus another (the documented limit of the lookup).
    assert!(search2("vakistanx ").hits.is_empty());
    // 4 chars: no typo tolerance at all.
    assert!(search2("treb ").hits.is_empty());
}

#[test]
fn typos_are_tolerated_by_length() {
    // 7 chars: one edit.
    assert_eq!(
        ids(&search("pakistn treaty ")).first(),
        Some(&"indus-treaty")
    );
    // 4 chars: no typo tolerance; 5 chars: one edit.
    assert!(search("inds ").hits.is_empty());
    assert!(!search("indas ").hits.is_empty());
    // 10 chars: two edits.
    assert_eq!(ids(&search("cybersecurty ")), vec!["cyber"]);
}

#[test]
fn did_you_mean_suggests_corpus_words() {
    let response = search("pakistn waters ");
    assert_eq!(response.did_you_mean.as_deref(), Some("pakistan waters "));
    assert_eq!(search("pakistan ").did_you_mean, None);
    // The mended word is written as the typed one was.
    assert_eq!(
        search("Pakistn Waters ").did_you_mean.as_deref(),
        Some("Pakistan Waters ")
    );
    assert_eq!(
        search("PAKISTN waters ").did_you_mean.as_deref(),
        Some("PAKISTAN waters ")
    );
}

#[test]
fn words_in_no_article_found_by_their_near_spellings_are_named() {
    // "1 article for imran" listed an article about Iran, and said nothing else.
    let near = |query: &str| -> Vec<String> {
        let response = search(query);
        let notices = response.notices.iter();
        let near = notices.filter(|n| n.kind == NoticeKind::NearSpellings);
        near.map(|n| n.message.clone()).collect()
    };
    assert_eq!(
        near("Pakistn waters "),
        ["No article has “Pakistn”: showing articles with a word spelt like it."]
    );
    assert_eq!(
        near("pakistn watrs "),
        ["No article has “pakistn” or “watrs”: showing articles with words spelt like them."]
    );
    // Words the corpus has, a word still being typed, and nothing found: nothing to say.
    assert!(near("pakistan waters ").is_empty());
    assert!(near("pakis").is_empty());
    assert!(near("qzxvbn ").is_empty());
    // Too short for typo tolerance: "inds" found nothing (the any-word fallback says so).
    assert!(near("inds waters ").is_empty());
}

#[test]
fn did_you_mean_is_offered_only_when_it_finds_something() {
    // "sindx" mends to "sindh" (the floods article), but no article has both "sindh" and
    // "cybersecurity": the suggestion would come up as empty as the query.
    assert_eq!(
        search("sindx floods ").did_you_mean.as_deref(),
        Some("sindh floods ")
    );
    assert_eq!(search("sindx cybersecurity ").did_you_mean, None);
    // Nor with a filter that rules its one match out.
    let mut request = SearchRequest::new("sindx ");
    let (articles, index) = fixture();
    assert_eq!(
        index.search(&articles, &request).did_you_mean.as_deref(),
        Some("sindh ")
    );
    request.filters.insert(FacetKey::Kind, vec!["news".into()]);
    assert_eq!(index.search(&articles, &request).did_you_mean, None);
}

#[test]
fn a_typed_facet_value_that_names_nothing_is_said_and_mended() {
    let response = search("place:Karachy ");
    assert_eq!(response.total, 0);
    let messages: Vec<&str> = response
        .notices
        .iter()
        .map(|n| n.message.as_str())
        .collect();
    assert!(
        messages.contains(&"No place is named “Karachy”."),
        "{messages:?}"
    );
    assert_eq!(response.did_you_mean.as_deref(), Some("place:Karachi "));
    // Said as the key's values are spoken of: a year is no name, "org" no word.
    for (query, said) in [
        ("year:2019 ", "No article is from 2019."),
        ("org:BJP ", "No organisation is named “BJP”."),
        ("kind:memo ", "No article is of the kind “memo”."),
    ] {
        let response = search(query);
        let messages: Vec<&str> = response
            .notices
            .iter()
            .map(|n| n.message.as_str())
            .collect();
        assert!(messages.contains(&said), "{query}: {messages:?}");
    }
    // Several words are mended one by one and quoted; known words stay.
    assert_eq!(
        search("place:\"new delhy\" ").did_you_mean.as_deref(),
        Some("place:\"new delhi\" ")
    );
    assert_eq!(
        search("india place:nev-delhi ").did_you_mean.as_deref(),
        Some("india place:\"new delhi\" ")
    );
    // A value that exists is not mended, and one with no near value gets no suggestion.
    assert_eq!(search("place:delhi ").did_you_mean, None);
    assert_eq!(search("place:lahore ").did_you_mean, None);
    // A negated value that names nothing excludes nothing and needs no word.
    let response = search("indus -place:karachy ");
    assert!(response.total > 0);
    assert_eq!(response.did_you_mean, None);
}

#[test]
fn any_term_fallback_says_why() {
    let response = search("monsoon cybersecurity ");
    assert_eq!(response.total, 2);
    let notice = &response.notices[0];
    assert_eq!(notice.kind, NoticeKind::AnyTermFallback);
    assert!(
        notice.message.contains("monsoon, cybersecurity"),
        "{}",
        notice.message
    );
    assert_eq!(response.interpretation, "monsoon OR cybersecurity");
}

#[test]
fn phrases_negations_and_or() {
    assert_eq!(
        ids(&search("\"indus waters treaty\"")),
        vec!["indus-treaty"]
    );
    assert!(search("\"treaty waters\"").hits.is_empty());
    assert_eq!(ids(&search("indus -treaty ")), vec!["floods"]);
    assert_eq!(ids(&search("indus -\"world bank\" ")), vec!["floods"]);
    let either_response = search("monsoon OR cybersecurity ");
    let mut either = ids(&either_response);
    either.sort();
    assert_eq!(either, vec!["cyber", "floods"]);
    assert_eq!(ids(&search("title:treaty ")), vec!["indus-treaty"]);
}

#[test]
fn a_quoted_phrase_is_its_words_as_written_short_ones_too() {
    // The index leaves out stop-words, so "it will become" found "expected to become",
    // "Minister of Power" "Minister for Power", and "IT giants" "tech giants": a journalist
    // checking that a phrase was written got a false yes.
    let articles = vec![
        article(
            "signatory",
            "Talks",
            &["Whether it will become a signatory is open."],
            Some("2018-11-12"),
            "news",
        ),
        article(
            "convention",
            "Convention",
            &["It is expected to become an instrument; its scope grows."],
            Some("2024-02-09"),
            "news",
        ),
        article(
            "power",
            "Water",
            &["The Minister for Power said so. Tech giants signed."],
            Some("2025-04-24"),
            "news",
        ),
        article(
            "giants",
            "Giants object",
            &["Intelligence services and IT giants object."],
            Some("2024-02-10"),
            "news",
        ),
    ];
    let index = SearchIndex::build(&articles, &vec![DocFacets::new(); articles.len()]);
    let found = |query: &str| -> Vec<String> {
        let mut ids: Vec<String> = index
            .search(&articles, &SearchRequest::new(query))
            .hits
            .iter()
            .map(|hit| hit.id.clone())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(found("\"it will become\""), ["signatory"]);
    assert_eq!(found("\"expected to become\" "), ["convention"]);
    assert!(found("\"Minister of Power\"").is_empty());
    assert_eq!(found("\"minister for power\""), ["power"]);
    assert_eq!(found("\"IT giants\""), ["giants"]);
    // A stop-word before the phrase's words counts as well as one after them.
    assert_eq!(found("\"giants object\""), ["giants"]);
    assert!(found("\"giants signed the\"").is_empty());
    // A stop-word alone matches nothing: "it" is the stem of "its" in the index, so "IT"
    // found every "its".
    let alone = index.search(&articles, &SearchRequest::new("IT "));
    assert!(alone
        .notices
        .iter()
        .any(|notice| notice.kind == NoticeKind::OnlyCommonWords));
    assert_eq!(found("IT scope "), ["convention"]);
    assert_eq!(found("its scope "), ["convention"]);
    // A phrase alone ranks by how well it matches (it fell back to the newest first, as
    // with no words at all): the title naming it first.
    let giants = index.search(&articles, &SearchRequest::new("\"giants\""));
    let ranked: Vec<&str> = giants.hits.iter().map(|hit| hit.id.as_str()).collect();
    assert_eq!(ranked, ["giants", "power"]);
}

#[test]
fn a_quoted_phrase_is_marked_whole_and_only_where_written_as_typed() {
    // Its stop-words went unmarked ("IT [giants]"), and its indexed words were marked wherever
    // they stood together, whatever stood between them ("minister of power" for "minister
    // for power").
    let body =
        "The Minister for Power spoke first; a minister of power in the province spoke later.";
    let articles = vec![article(
        "power",
        "Minister for Power resigns",
        &[body],
        Some("2025-04-24"),
        "news",
    )];
    let index = SearchIndex::build(&articles, &vec![DocFacets::new(); articles.len()]);
    let marked = |text: &str, spans: Vec<std::ops::Range<usize>>| -> Vec<String> {
        spans
            .into_iter()
            .filter_map(|span| text.get(span).map(str::to_string))
            .collect()
    };
    let ranges = |spans: &[Span]| spans.iter().map(|s| s.start..s.end).collect::<Vec<_>>();
    let whole = ["Minister", "for", "Power"];
    let response = index.search(&articles, &SearchRequest::new("\"minister for power\""));
    let hit = &response.hits[0];
    assert_eq!(
        marked(&articles[0].title, ranges(&hit.title_highlights)),
        whole
    );
    let snippet = hit.snippet.as_ref().expect("a passage");
    assert_eq!(marked(&snippet.text, ranges(&snippet.highlights)), whole);
    // The reader marks it the same way.
    let words = index.matched_words(&response.matched_terms);
    assert_eq!(marked(body, words.marks(&Analyzer::default(), body)), whole);
    // A stop-word before the phrase's words is marked too.
    let response = index.search(&articles, &SearchRequest::new("\"the minister\""));
    let words = index.matched_words(&response.matched_terms);
    assert_eq!(
        marked(body, words.marks(&Analyzer::default(), body)),
        ["The", "Minister"]
    );
}

#[test]
fn query_filters_and_request_filters() {
    assert_eq!(ids(&search("place:karachi")), vec!["floods"]);
    assert_eq!(ids(&search("place:\"new delhi\"")), vec!["indus-treaty"]);
    // A typed value names whole words of a value: its surname, one word of a place.
    assert_eq!(ids(&search("place:delhi")), vec!["indus-treaty"]);
    assert!(search("place:delh").hits.is_empty(), "words, not prefixes");
    assert_eq!(ids(&search("kind:PRESS-RELEASE")), vec!["floods"]);
    assert_eq!(ids(&search("year:2024")), vec!["cyber"]);
    let in_range_response = search("date:2024..2025-06");
    let mut in_range = ids(&in_range_response);
    in_range.sort();
    assert_eq!(in_range, vec!["cyber", "indus-treaty"]);

    let (articles, index) = fixture();
    let mut request = SearchRequest::new("");
    request
        .filters
        .insert(FacetKey::Place, vec!["islamabad".into(), "Karachi".into()]);
    request.filters.insert(FacetKey::Kind, vec!["news".into()]);
    let response = index.search(&articles, &request);
    let mut found = ids(&response);
    found.sort();
    assert_eq!(found, vec!["cyber", "indus-treaty"]);
    // Kind counts ignore the kind filter (so "press-release" shows what it would add)...
    let kinds = &response.facets[&FacetKey::Kind];
    assert!(kinds.contains(&FacetCount {
        value: "press-release".into(),
        count: 1
    }));
    // ...while place counts respect it.
    let places = &response.facets[&FacetKey::Place];
    assert_eq!(
        places[0],
        FacetCount {
            value: "Islamabad".into(),
            count: 2
        }
    );
    assert!(places.contains(&FacetCount {
        value: "Karachi".into(),
        count: 0
    }));
    assert_eq!(response.facets.len(), FacetKey::ALL.len());
}

#[test]
fn counts_within_the_matches_ignore_no_filter() {
    let (articles, index) = fixture();
    let mut request = SearchRequest::new("");
    request
        .filters
        .insert(FacetKey::Place, vec!["New Delhi".into()]);
    let response = index.search(&articles, &request);
    assert_eq!(ids(&response), vec!["indus-treaty"]);
    // The response's place counts ignore the place filter: Karachi would add one...
    let karachi = FacetCount {
        value: "Karachi".into(),
        count: 1,
    };
    assert!(response.facets[&FacetKey::Place].contains(&karachi));
    // ...but within the one match only its own places are named, most first then by name.
    let within = index.counts_within(&response.matched, FacetKey::Place);
    let named: Vec<(&str, usize)> = within.iter().map(|c| (c.value.as_str(), c.count)).collect();
    assert_eq!(named, vec![("Islamabad", 1), ("New Delhi", 1)]);
    assert!(index.counts_within(&[], FacetKey::Place).is_empty());
}

#[test]
fn the_matched_words_include_the_prefix_and_typo_variants_taken() {
    let (articles, index) = fixture();
    let analyzer = Analyzer::default();
    let typing = index.search(&articles, &SearchRequest::new("delega"));
    let words = index.matched_words(&typing.matched_terms);
    let text = "Delegates from OIC nations";
    assert_eq!(words.marks(&analyzer, text), vec![0..9], "{words:?}");
    let typo = index.search(&articles, &SearchRequest::new("Pakistn "));
    let words = index.matched_words(&typo.matched_terms);
    assert_eq!(
        words.marks(&analyzer, "Pakistan said so"),
        vec![0..8],
        "{words:?}"
    );
    // What was not searched for is not marked.
    assert!(words.marks(&analyzer, "India said so").is_empty());
}

#[test]
fn years_are_listed_newest_first_and_others_by_count() {
    let response = search("");
    let years: Vec<&str> = response.facets[&FacetKey::Year]
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    // The undated articles are listed too, after every year.
    assert_eq!(
        years.last(),
        Some(&crate::index::facets::UNDATED),
        "{years:?}"
    );
    let dated = &years[..years.len() - 1];
    let mut newest_first = dated.to_vec();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert!(dated.len() > 1, "the sample spans several years: {years:?}");
    assert_eq!(dated, newest_first);
    // Listed on their own, by the facet or typed.
    let undated = response.facets[&FacetKey::Year]
        .last()
        .map_or(0, |c| c.count);
    let (articles, index) = fixture();
    let typed = index.search(&articles, &SearchRequest::new("year:undated"));
    assert_eq!(typed.total, undated);
    assert!(typed
        .hits
        .iter()
        .all(|hit| articles[hit.article].date.is_none()));
    let places = &response.facets[&FacetKey::Place];
    assert!(places.windows(2).all(|w| w[0].count >= w[1].count));
}

#[test]
fn every_match_is_listed_beyond_the_page() {
    let (articles, index) = fixture();
    let mut request = SearchRequest::new("");
    request.page_size = 1;
    let response = index.search(&articles, &request);
    assert_eq!(response.hits.len(), 1);
    assert_eq!(response.matched.len(), articles.len());
    assert!(response.matched.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn sort_orders_and_pagination() {
    let (articles, index) = fixture();
    let mut request = SearchRequest::new("");
    request.sort = SortOrder::Newest;
    let response = index.search(&articles, &request);
    assert_eq!(
        ids(&response),
        vec!["indus-treaty", "cyber", "floods", "undated"]
    );
    // With no words to rank by, the best match is the newest: every match scores the same,
    // and the order of the files meant nothing to a reader.
    request.sort = SortOrder::Relevance;
    let response = index.search(&articles, &request);
    assert_eq!(
        ids(&response),
        vec!["indus-treaty", "cyber", "floods", "undated"]
    );
    request.sort = SortOrder::Oldest;
    request.page_size = 2;
    request.page = 1;
    let response = index.search(&articles, &request);
    assert_eq!(response.total, 4);
    assert_eq!(ids(&response), vec!["indus-treaty", "undated"]);
    request.page = 9;
    assert!(index.search(&articles, &request).hits.is_empty());

    request.page = 0;
    request.page_size = 10;
    request.date_range = Some(DateRange {
        from: Some("2023".into()),
        to: None,
    });
    let response = index.search(&articles, &request);
    assert_eq!(ids(&response), vec!["cyber", "indus-treaty"]);
}

#[test]
fn hostile_queries_return_results_or_a_reason() {
    let long = "indus ".repeat(20_000);
    let garbage: String = (0u32..3000).filter_map(char::from_u32).collect();
    let queries = [
        "\"indus",
        "((indus",
        "indus))",
        long.as_str(),
        "\u{0}\u{1b}[31m indus",
        "the of and",
        "🙂🙂🙂",
        "مياه السند",
        garbage.as_str(),
        "-",
        "OR OR OR",
        "-indus -treaty -water",
        "date:..",
        "title:",
    ];
    for query in queries {
        let response = search(query);
        assert!(
            !response.hits.is_empty() || !response.notices.is_empty(),
            "{query:?} gave neither hits nor a reason"
        );
    }
    let common = search("the of and");
    assert_eq!(common.notices[0].kind, NoticeKind::OnlyCommonWords);
    assert_eq!(common.total, 4);
}

#[test]
fn snippet_spans_are_char_boundary_safe_with_multibyte_text() {
    let articles = vec![article(
        "a",
        "Café naïve",
        &["Ünïcödé — “quoted” café and CAFÉ 🙂 again café"],
        None,
        "news",
    )];
    let index = SearchIndex::build(&articles, &[]);
    let response = index.search(&articles, &SearchRequest::new("cafe "));
    let hit = &response.hits[0];
    let snippet = hit.snippet.as_ref().unwrap();
    let words: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|s| snippet.text.get(s.start..s.end).unwrap())
        .collect();
    assert_eq!(words, vec!["café", "CAFÉ", "café"]);
    assert_eq!(
        &articles[0].title[hit.title_highlights[0].start..hit.title_highlights[0].end],
        "Café"
    );
}

/// The snippet of `query` in a one-paragraph article.
fn snippet_of(body: &str, query: &str) -> Snippet {
    let articles = vec![article("a", "Title", &[body], None, "news")];
    let index = SearchIndex::build(&articles, &[]);
    let response = index.search(&articles, &SearchRequest::new(query));
    response.hits[0].snippet.clone().unwrap()
}

fn numbered_words(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("w{i}")).collect()
}

#[test]
fn a_snippet_shows_what_leads_to_its_match() {
    // A match deep in a long paragraph: eight words of lead-in, then the rest of the window.
    let mut words = numbered_words(60);
    words[30] = "zebra".into();
    let snippet = snippet_of(&words.join(" "), "zebra ");
    assert!(snippet.text.starts_with("w22 w23 "), "{}", snippet.text);
    assert_eq!(snippet.text.split(' ').count(), 28);
    assert!(snippet.cut_start && snippet.cut_end);

    // A match at the paragraph's end: the window fills backwards instead of showing one word.
    let mut words = numbered_words(40);
    words.push("Khan.".into());
    let snippet = snippet_of(&words.join(" "), "khan ");
    assert!(snippet.text.ends_with("w39 Khan."), "{}", snippet.text);
    assert_eq!(snippet.text.split(' ').count(), 28);
    assert!(snippet.cut_start && !snippet.cut_end);

    // A match near the start: no lead-in to invent, the passage starts with the paragraph.
    let mut words = numbered_words(60);
    words[3] = "zebra".into();
    let snippet = snippet_of(&words.join(" "), "zebra ");
    assert!(
        snippet.text.starts_with("w0 w1 w2 zebra"),
        "{}",
        snippet.text
    );
    assert!(!snippet.cut_start);
}

#[test]
fn moving_a_snippet_back_keeps_every_match_of_its_window() {
    // Matches at 20 and 45: the best window starts at 20 and reaches 47; a lead-in of eight
    // words would push 45 out, so the passage moves back only as far as keeps it.
    let mut words = numbered_words(80);
    words[20] = "zebra".into();
    words[45] = "yak".into();
    let snippet = snippet_of(&words.join(" "), "zebra yak ");
    let marked: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|s| &snippet.text[s.start..s.end])
        .collect();
    assert_eq!(marked, vec!["zebra", "yak"], "{}", snippet.text);
    assert!(snippet.text.starts_with("w18 "), "{}", snippet.text);
}

// ---- property test: index vs naive linear scan ----

const WORDS: &[&str] = &[
    "river", "water", "treaty", "dam", "flood", "india", "talks", "the", "of",
];
const PLACES: &[&str] = &["Karachi", "Delhi", "New Delhi", "Lahore"];
const DATES: &[&str] = &["2023-05-01", "2024-01-15", "2024-12-31", "2025-06-30"];

fn words_strategy(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..max).prop_map(|w| w.join(" "))
}

fn corpus_strategy() -> impl Strategy<Value = (Vec<Article>, Vec<DocFacets>)> {
    let doc = (
        words_strategy(4),
        proptest::collection::vec(words_strategy(8), 0..3),
        proptest::option::of(proptest::sample::select(DATES)),
        proptest::sample::select(&["news", "opinion"][..]),
        proptest::collection::vec(proptest::sample::select(PLACES), 0..3),
    );
    proptest::collection::vec(doc, 0..12).prop_map(|docs| {
        let mut articles = Vec::new();
        let mut facets = Vec::new();
        for (i, (title, body, date, kind, places)) in docs.into_iter().enumerate() {
            let body: Vec<&str> = body.iter().map(String::as_str).collect();
            articles.push(article(&format!("d{i}"), &title, &body, date, kind));
            let mut extra = DocFacets::new();
            extra.insert(
                FacetKey::Place,
                places.iter().map(|p| p.to_string()).collect(),
            );
            facets.push(extra);
        }
        (articles, facets)
    })
}

fn query_strategy() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => (proptest::sample::select(WORDS), proptest::sample::select(WORDS))
            .prop_map(|(a, b)| format!("\"{a} {b}\"")),
        1 => proptest::sample::select(WORDS).prop_map(|w| format!("title:{w}")),
        1 => proptest::sample::select(PLACES).prop_map(|p| format!("place:{}", p.to_lowercase())),
        1 => Just("kind:news".to_string()),
        1 => Just("year:2024".to_string()),
        1 => Just("date:2024-01..2025".to_string()),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 1..4).prop_map(|v| v.join(" ")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} OR {b})")),
            inner.prop_map(|q| format!("-({q})")),
        ]
    })
}

/// The naive oracle: evaluates the parsed query by scanning every article's tokens.
fn naive_eval(
    query: &Query,
    articles: &[Article],
    facets: &[DocFacets],
) -> Option<BTreeSet<usize>> {
    let analyzer = Analyzer::default();
    let all: BTreeSet<usize> = (0..articles.len()).collect();
    let paragraphs = |a: &Article, field: Option<Field>| -> Vec<Vec<crate::analysis::Token>> {
        Field::ALL
            .iter()
            .filter(|f| field.is_none_or(|only| only == **f))
            .flat_map(|f| f.texts(a))
            .map(|t| analyzer.tokens(t))
            .collect()
    };
    match query {
        Query::All => Some(all),
        Query::Term(t) => {
            if t.is_stop_word {
                return None;
            }
            Some(
                all.into_iter()
                    .filter(|i| {
                        paragraphs(&articles[*i], t.field)
                            .iter()
                            .flatten()
                            .any(|tok| !tok.is_stop_word && tok.term == t.stem)
                    })
                    .collect(),
            )
        }
        Query::Phrase(p) => Some(
            all.into_iter()
                .filter(|i| {
                    paragraphs(&articles[*i], p.field).iter().any(|para| {
                        para.iter().any(|anchor| {
                            p.terms.iter().all(|(offset, stem)| {
                                para.iter().any(|tok| {
                                    !tok.is_stop_word
                                        && tok.position == anchor.position + offset
                                        && &tok.term == stem
                                })
                            }) && p.stop_words(&analyzer).iter().all(|(offset, word)| {
                                // Written there, as the text has it: the index leaves them out.
                                para.iter().any(|tok| {
                                    anchor.position.checked_add_signed(*offset)
                                        == Some(tok.position)
                                        && tok.folded == *word
                                })
                            })
                        })
                    })
                })
                .collect(),
        ),
        Query::Facet { key, value, .. } => Some(
            all.into_iter()
                .filter(|i| {
                    // A typed value is a row of whole words of a value ("delhi" in "New Delhi").
                    let spaced = |text: &str| {
                        let words: Vec<&str> = text
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .collect();
                        format!(" {} ", words.join(" "))
                    };
                    let typed = spaced(&value.to_lowercase());
                    typed.trim() != ""
                        && naive_values(&articles[*i], &facets[*i], *key)
                            .iter()
                            .any(|v| spaced(v).contains(&typed))
                })
                .collect(),
        ),
        Query::Date(range) => Some(
            all.into_iter()
                .filter(|i| {
                    articles[*i]
                        .date
                        .as_deref()
                        .is_some_and(|d| range.contains(d))
                })
                .collect(),
        ),
        Query::And(parts) => {
            let mut acc: Option<BTreeSet<usize>> = None;
            for part in parts {
                let set = match part {
                    Query::Not(inner) => naive_eval(inner, articles, facets)
                        .map(|s| all.difference(&s).copied().collect()),
                    other => naive_eval(other, articles, facets),
                };
                if let Some(set) = set {
                    acc = Some(match acc {
                        None => set,
                        Some(a) => a.intersection(&set).copied().collect(),
                    });
                }
            }
            acc
        }
        Query::Or(parts) => {
            let sets: Vec<BTreeSet<usize>> = parts
                .iter()
                .filter_map(|p| naive_eval(p, articles, facets))
                .collect();
            if sets.is_empty() {
                None
            } else {
                Some(sets.into_iter().flatten().collect())
            }
        }
        Query::Not(inner) => {
            naive_eval(inner, articles, facets).map(|s| all.difference(&s).copied().collect())
        }
    }
}

fn naive_values(article: &Article, extra: &DocFacets, key: FacetKey) -> BTreeSet<String> {
    let mut values: BTreeSet<String> = crate::index::facets::article_facets(article)
        .get(&key)
        .into_iter()
        .flatten()
        .map(|v| v.to_lowercase())
        .collect();
    values.extend(
        extra
            .get(&key)
            .into_iter()
            .flatten()
            .map(|v| v.to_lowercase()),
    );
    values
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn index_agrees_with_a_linear_scan(
        (articles, facets) in corpus_strategy(),
        query in query_strategy(),
        place_filter in proptest::collection::vec(proptest::sample::select(PLACES), 0..2),
        kind_filter in proptest::option::of(proptest::sample::select(&["news", "opinion"][..])),
        from in proptest::option::of(proptest::sample::select(&["2024", "2024-06"][..])),
    ) {
        let index = SearchIndex::build(&articles, &facets);
        let mut request = SearchRequest::new(query.clone());
        request.page_size = MAX_PAGE_SIZE;
        request.options = MatchOptions {
            prefix_last_word: false,
            typo_tolerance: false,
            any_term_fallback: false,
            snippets: true,
        };
        if !place_filter.is_empty() {
            request.filters.insert(FacetKey::Place, place_filter.iter().map(|p| p.to_string()).collect());
        }
        if let Some(kind) = kind_filter {
            request.filters.insert(FacetKey::Kind, vec![kind.to_string()]);
        }
        request.date_range = from.map(|f| DateRange { from: Some(f.to_string()), to: None });
        let response = index.search(&articles, &request);

        let parsed = parse(&query, &ParseOptions { prefix_last_word: false });
        let query_set = naive_eval(&parsed.query, &articles, &facets)
            .unwrap_or_else(|| (0..articles.len()).collect());
        let passes = |i: usize, key: FacetKey| -> bool {
            match request.filters.get(&key) {
                None => true,
                Some(wanted) => {
                    let have = naive_values(&articles[i], &facets[i], key);
                    wanted.iter().any(|w| have.contains(&w.to_lowercase()))
                }
            }
        };
        let in_date = |i: usize| request.date_range.as_ref().is_none_or(|r| {
            articles[i].date.as_deref().is_some_and(|d| r.contains(d))
        });
        let expected: BTreeSet<usize> = query_set
            .iter()
            .copied()
            .filter(|i| in_date(*i) && FacetKey::ALL.iter().all(|k| passes(*i, *k)))
            .collect();
        let got: BTreeSet<usize> = response.hits.iter().map(|h| h.article).collect();
        prop_assert_eq!(&got, &expected, "query {:?} -> {}", query, response.interpretation);
        prop_assert_eq!(response.total, expected.len());
        // The whole match set, in corpus order, whatever the page holds.
        let all: Vec<usize> = response.matched.iter().map(|&doc| doc as usize).collect();
        prop_assert_eq!(all, expected.iter().copied().collect::<Vec<_>>());

        // The timeline's months: the query and the facet filters, the date range ignored.
        let mut months: BTreeMap<(u32, u32), usize> = BTreeMap::new();
        let mut undated = 0;
        for i in query_set.iter().copied().filter(|i| FacetKey::ALL.iter().all(|k| passes(*i, *k))) {
            let month = articles[i].date.as_deref().and_then(crate::timeline::year_month);
            match month {
                Some((year, month)) => {
                    let key = (year.parse().unwrap_or(0), month.parse().unwrap_or(0));
                    *months.entry(key).or_default() += 1;
                }
                None => undated += 1,
            }
        }
        prop_assert_eq!(response.undated, undated, "undated for {:?}", query);
        let got_months: BTreeMap<(u32, u32), usize> =
            response.months.iter().map(|m| ((m.year, m.month), m.count)).collect();
        prop_assert_eq!(got_months, months, "months for {:?}", query);
        prop_assert!(response.months.windows(2).all(|w| (w[0].year, w[0].month) < (w[1].year, w[1].month)));

        for key in FacetKey::ALL {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for i in query_set.iter().copied().filter(|i| in_date(*i)) {
                let others_pass = FacetKey::ALL.iter().filter(|k| **k != key).all(|k| passes(i, *k));
                if others_pass {
                    for value in naive_values(&articles[i], &facets[i], key) {
                        *counts.entry(value).or_default() += 1;
                    }
                }
            }
            let got: BTreeMap<String, usize> = response.facets[&key]
                .iter()
                .filter(|c| c.count > 0)
                .map(|c| (c.value.to_lowercase(), c.count))
                .collect();
            prop_assert_eq!(got, counts, "facet {:?} for {:?}", key, query);
        }
    }
}

// ---- property test: for one typed word, exact > prefix > typo ----

/// Words close to each other: exact, prefix and one-edit variants of "flood" and "river".
const NEAR_WORDS: &[&str] = &[
    "flood",
    "floods",
    "floodwater",
    "floor",
    "blood",
    "flod",
    "river",
    "rivers",
    "riverbank",
    "rover",
    "liver",
    "the",
    "dam",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn exact_outranks_prefix_outranks_typo(
        docs in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(NEAR_WORDS), 1..12),
            1..10,
        ),
        typed in proptest::sample::select(&["flood", "flood ", "river", "river "][..]),
    ) {
        let articles: Vec<Article> = docs
            .iter()
            .enumerate()
            .map(|(i, words)| article(&format!("d{i}"), "", &[&words.join(" ")], None, "news"))
            .collect();
        let index = SearchIndex::build(&articles, &[]);
        let response = index.search(
            &articles,
            &SearchRequest { page_size: MAX_PAGE_SIZE, ..SearchRequest::new(typed) },
        );
        let analyzer = Analyzer::default();
        let word = typed.trim();
        let stem = analyzer.stem(word);
        let prefix = !typed.ends_with(' ');
        // 0 = has the word (or a form with its stem), 1 = only a longer word starting with
        // it (when typing), 2 = only a typo variant.
        let tier = |article: &Article| {
            let tokens = analyzer.tokens(&article.body.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(" "));
            if tokens.iter().any(|t| t.term == stem) {
                0
            } else if prefix && tokens.iter().any(|t| t.folded.starts_with(word)) {
                1
            } else {
                2
            }
        };
        let tiers: Vec<u8> = response.hits.iter().map(|h| tier(&articles[h.article])).collect();
        prop_assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "tiers out of order: {:?}", tiers);
    }
}

#[test]
fn hit_marks_equal_the_snippets_of_a_snippet_request() {
    let (articles, index) = fixture();
    for query in [
        "indus waters",
        "pakistn water",
        "\"indus waters\" -floods",
        "riv",
    ] {
        let with = index.search(&articles, &SearchRequest::new(query));
        let without = index.search(
            &articles,
            &SearchRequest {
                options: MatchOptions {
                    snippets: false,
                    ..MatchOptions::default()
                },
                ..SearchRequest::new(query)
            },
        );
        assert_eq!(with.matched_terms, without.matched_terms);
        assert_eq!(with.hits.len(), without.hits.len());
        for (hit, bare) in with.hits.iter().zip(&without.hits) {
            assert!(bare.snippet.is_none() && bare.title_highlights.is_empty());
            assert!(bare.matched_fields.is_empty() && !hit.matched_fields.is_empty());
            let marks =
                index.hit_marks(&articles[hit.article], hit.article, &without.matched_terms);
            assert_eq!(marks.title, hit.title_highlights, "{query}");
            assert_eq!(marks.snippet, hit.snippet, "{query}");
        }
    }
}

#[test]
fn a_compound_finds_both_spellings_and_says_nothing_of_a_form_no_article_has() {
    let articles = vec![
        article(
            "joined",
            "Cybercrime rises",
            &["Police report more cybercrime."],
            None,
            "news",
        ),
        article(
            "split",
            "New cyber crime law",
            &["A cyber crime unit opens."],
            None,
            "news",
        ),
        article(
            "apart",
            "Cyber attacks and organised crime",
            &[],
            None,
            "news",
        ),
        article(
            "other",
            "Meaning of life",
            &["Crimea is far away."],
            None,
            "news",
        ),
    ];
    let index = SearchIndex::build(&articles, &[]);
    let analyzer = Analyzer::default();
    let found = |query: &str| {
        let response = index.search(&articles, &SearchRequest::new(query));
        let mut found: Vec<String> = ids(&response).iter().map(|id| id.to_string()).collect();
        found.sort();
        (found, response)
    };
    // Two words: both words anywhere, as before, and the one word.
    assert_eq!(found("cyber crime ").0, ["apart", "joined", "split"]);
    // While the second word is being typed (a prefix), joined it is taken as complete.
    assert_eq!(found("cyber crime").0, ["apart", "joined", "split"]);
    // One word: it, and its two words in a row (not apart).
    let (one_word, response) = found("cybercrime ");
    assert_eq!(one_word, ["joined", "split"]);
    let marked = index.matched_words(&response.matched_terms);
    assert_eq!(marked.marks(&analyzer, "cyber crime, cybercrime").len(), 3);
    // The two words are marked in a row only: "cyber attacks" is not "cybercrime".
    assert!(
        marked
            .marks(&analyzer, "cyber attacks, crime rates")
            .is_empty(),
        "{marked:?}"
    );
    // "cyberattack": no article has it, "cyber attacks" is never in a row: no alternative,
    // and nothing of "cyber" or "attack" is marked.
    let (none, response) = found("cyberattack ");
    assert!(none.is_empty());
    assert!(index
        .matched_words(&response.matched_terms)
        .marks(&analyzer, "cyber attacks")
        .is_empty());
    // Split pieces are words of three letters or more: "meaning" is not "mean ing".
    assert_eq!(found("meaning ").0, ["other"]);
    // Quoted, a compound is still either spelling; a longer phrase keeps its words in a row.
    assert_eq!(found("\"cybercrime\"").0, ["joined", "split"]);
    assert_eq!(found("\"cyber crime\"").0, ["joined", "split"]);
    assert_eq!(found("\"cyber crime unit\"").0, ["split"]);
    // A negation excludes what the word would find, both spellings: "cyber crime law" is an
    // article about cybercrime. A part of a compound is not the compound: `-crime` keeps the
    // article that only has "cybercrime", as `crime` does not find it.
    assert_eq!(found("law -cybercrime").0, Vec::<String>::new());
    assert_eq!(found("cyber -\"cybercrime\"").0, ["apart"]);
    assert_eq!(found("rises -\"cyber crime\"").0, Vec::<String>::new());
    assert_eq!(found("police -crime").0, ["joined"]);
}

#[test]
fn the_dateline_and_the_byline_are_searched_and_the_passage_comes_from_the_text() {
    // "new york" found the New Delhi articles and offered "new work": "York" was only in the
    // dateline, which was not indexed; nor was a reporter's name.
    let mut filed = article(
        "filed",
        "Pakistan advocates a cyber framework",
        &["In a debate on threats in cyberspace, Pakistan urged rules."],
        Some("2024-06-20"),
        "news",
    );
    filed.dateline = Some("New York".into());
    filed.byline = Some("Javed Mahmood".into());
    let other = article(
        "other",
        "New rules in New Delhi",
        &["A new policy for York Road."],
        None,
        "news",
    );
    let articles = vec![filed, other];
    let index = SearchIndex::build(&articles, &[DocFacets::new(), DocFacets::new()]);
    let found = |query: &str| index.search(&articles, &SearchRequest::new(query));
    let response = found("\"new york\"");
    assert_eq!(ids(&response), ["filed"]);
    let hit = &response.hits[0];
    assert_eq!(hit.matched_fields, vec![Field::Dateline]);
    // The card shows the dateline; the passage is the article's opening, not "New York".
    assert!(hit
        .snippet
        .as_ref()
        .is_some_and(|s| s.text.starts_with("In a debate")));
    assert_eq!(ids(&found("mahmood")), ["filed"]);
    assert!(found("new york").did_you_mean.is_none());
}

#[test]
fn the_source_is_searched_and_the_passage_comes_from_the_text() {
    // The card shows "Reuters", yet a search for it found only articles whose text says it.
    let mut wired = article(
        "wired",
        "Talks resume",
        &["Negotiators met again on Monday."],
        None,
        "news",
    );
    wired.source = Some("Reuters".into());
    let other = article("other", "Markets calm", &["Shares held."], None, "news");
    let articles = vec![wired, other];
    let index = SearchIndex::build(&articles, &[DocFacets::new(), DocFacets::new()]);
    let response = index.search(&articles, &SearchRequest::new("reuters"));
    assert_eq!(ids(&response), ["wired"]);
    let hit = &response.hits[0];
    assert_eq!(hit.matched_fields, vec![Field::Source]);
    assert!(hit
        .snippet
        .as_ref()
        .is_some_and(|s| s.text.starts_with("Negotiators")));
}

#[test]
fn byline_or_author_searches_the_byline_alone() {
    // `author:staff` was an unknown field, searched as the words "author" and "staff": the
    // prefix "author" found "authority".
    let mut by_staff = article(
        "by-staff",
        "Port strike ends",
        &["Dock workers return."],
        None,
        "news",
    );
    by_staff.byline = Some("Staff Reporter".into());
    let about_staff = article(
        "about-staff",
        "Staff of the port authority strike",
        &["The authority's staff walked out."],
        None,
        "news",
    );
    let articles = vec![by_staff, about_staff];
    let index = SearchIndex::build(&articles, &[DocFacets::new(), DocFacets::new()]);
    let found = |query: &str| index.search(&articles, &SearchRequest::new(query));
    for query in [
        "byline:staff",
        "author:staff",
        "AUTHOR:Staff",
        "byline:\"staff reporter\"",
    ] {
        let response = found(query);
        assert_eq!(ids(&response), ["by-staff"], "{query}");
        assert!(response.errors.is_empty(), "{query}: {:?}", response.errors);
    }
    let staff = found("staff");
    let mut both = ids(&staff);
    both.sort();
    assert_eq!(both, ["about-staff", "by-staff"]);
    assert!(ids(&found("title:reporter")).is_empty());
}

#[test]
fn a_dotted_acronym_is_offered_without_its_full_stop() {
    // "U.N." offered "UN." (the word "U.N" mended, its full stop left behind).
    let articles = vec![article(
        "un",
        "The UN meets",
        &["Delegates of the UN met in New York."],
        None,
        "news",
    )];
    let index = SearchIndex::build(&articles, &[DocFacets::new()]);
    let suggestion = |query: &str| {
        index
            .search(&articles, &SearchRequest::new(query))
            .did_you_mean
    };
    assert_eq!(suggestion("U.N.").as_deref(), Some("UN"));
    assert_eq!(
        suggestion("U.N. delegates").as_deref(),
        Some("UN delegates")
    );
}

#[test]
fn a_word_searched_in_one_field_is_marked_only_there() {
    // `title:cyber` found the article by its title, but its passage and the reader marked
    // every "cyber" of the body.
    let mut filed = article(
        "cyber",
        "Cyber security framework",
        &[
            "The talks covered cyber warfare and cyber attacks.",
            "Staff of the ministry met in Islamabad.",
        ],
        None,
        "news",
    );
    filed.byline = Some("Staff Reporter".into());
    let articles = vec![filed];
    let index = SearchIndex::build(&articles, &[DocFacets::new()]);
    let analyzer = Analyzer::default();
    let body = articles[0].body[0].as_str();
    for (query, field, marked_word) in [
        ("title:cyber", Field::Title, "Cyber"),
        ("title:\"cyber security\"", Field::Title, "Cyber"),
        ("byline:staff", Field::Byline, "Staff"),
        ("author:\"staff reporter\"", Field::Byline, "Staff"),
    ] {
        let response = index.search(&articles, &SearchRequest::new(query));
        let hit = response.hits.first().expect(query);
        assert_eq!(hit.matched_fields, vec![field], "{query}");
        let in_title = !hit.title_highlights.is_empty();
        assert_eq!(in_title, field == Field::Title, "{query}");
        // The passage is the opening, nothing marked: the word matched outside the text.
        let snippet = hit.snippet.as_ref().expect("a passage");
        assert!(snippet.highlights.is_empty(), "{query}: {snippet:?}");
        // The reader's keyword-in-context and the quotations mark nothing of the body either.
        let words = index.matched_words(&response.matched_terms);
        assert!(
            crate::view_model::keyword_in_context(&analyzer, &words, &articles[0], 40).is_empty(),
            "{query}"
        );
        assert!(words.marks(&analyzer, body).is_empty(), "{query}");
        let staff = articles[0].body[1].as_str();
        assert!(words.marks(&analyzer, staff).is_empty(), "{query}");
        // The field it was searched in is marked.
        let text = match field {
            Field::Title => articles[0].title.as_str(),
            _ => articles[0].byline.as_deref().unwrap_or_default(),
        };
        let marks = words.marks_in(&analyzer, field, text);
        assert_eq!(text.get(marks[0].clone()), Some(marked_word), "{query}");
    }
    // Searched in every field, the word is marked everywhere, as before.
    let response = index.search(&articles, &SearchRequest::new("cyber"));
    let hit = &response.hits[0];
    assert_eq!(hit.matched_fields, vec![Field::Title, Field::Body]);
    assert_eq!(hit.snippet.as_ref().expect("a passage").highlights.len(), 2);
    let words = index.matched_words(&response.matched_terms);
    assert_eq!(words.marks(&analyzer, body).len(), 2);
    assert_eq!(words.marks_in(&analyzer, Field::Body, body).len(), 2);
}

#[test]
fn a_query_of_punctuation_is_said_to_have_no_words() {
    // A link's broken "%E0%A4%A" reaches the search as "\u{FFFD}%A": its one word is the
    // stop-word "a", and the query was said to have "only very common words".
    let common = "The query has only very common words, which are not indexed: showing every \
                  article.";
    let none = "The query has no words to search for: showing every article.";
    for (query, said) in [
        ("\u{FFFD}%A", none),
        ("%%a ", none),
        // Punctuation alone reads as no query at all, which lists every article unasked.
        ("!!!", none),
        ("??? ...", none),
        ("the of and", common),
        ("a.", common),
        ("it's ", common),
    ] {
        let response = search(query);
        let notice = response
            .notices
            .iter()
            .find(|n| n.kind == NoticeKind::OnlyCommonWords)
            .unwrap_or_else(|| panic!("{query:?}: {:?}", response.notices));
        assert_eq!(notice.message, said, "{query:?}");
    }
    // An empty box is no query typed: every article, and nothing to say.
    assert!(search("  ").notices.is_empty());
    // A quoted phrase of punctuation has no words either.
    let phrase = |query: &str| search(query).errors[0].message.clone();
    assert_eq!(phrase("\"%\""), "The phrase \"%\" has no words: ignored.");
    assert_eq!(
        phrase("\"the of\""),
        "The phrase \"the of\" has only common words: ignored."
    );
}

#[test]
fn a_word_found_by_its_stem_is_no_typo() {
    // The articles write "farmers" and "Delegates": "farmer" and "delegate" find them, with
    // no "Did you mean" and no "No article has" notice (both told the analyst the corpus
    // lacked a word it holds in another form).
    for query in ["farmer", "delegate", "farmer delegate"] {
        let response = search(query);
        assert!(response.total > 0, "{query}");
        assert_eq!(response.did_you_mean, None, "{query}");
        assert!(
            !response
                .notices
                .iter()
                .any(|n| n.kind == NoticeKind::NearSpellings),
            "{query}: {:?}",
            response.notices
        );
    }
    // A true typo still gets both.
    let typo = search("farmrs");
    assert_eq!(typo.did_you_mean.as_deref(), Some("farmers"));
}
