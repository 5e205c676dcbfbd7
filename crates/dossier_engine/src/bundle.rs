//! The bundle: everything precomputed at build time and embedded in the page as JSON.

use serde::{Deserialize, Serialize};

use crate::analytics::{analyse_reporting, AnalysisProgress, Analytics, AnalyticsConfig};
use crate::article::Article;
use crate::entities::{EntityExtractor, EntityReport};
use crate::index::facets::FacetKey;
use crate::index::{FinishingIndex, SearchIndex, SearchIndexBuilder};
use crate::ingest::Warning;
#[cfg(test)]
use crate::quotes::Quote;
use crate::text::parse_embedded;
use crate::topics::{Layout, TopicModel};
use crate::view_model::{quotations, Quotation};

/// What build.rs writes and the app parses once at start-up.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Bundle {
    pub articles: Vec<Article>,
    /// Ingest warnings, so the page can say what was skipped and why.
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// Topics, map, related articles, entities, quotations and timeline.
    #[serde(default)]
    pub analytics: Analytics,
}

impl Bundle {
    /// Builds the bundle for a set of ingested articles.
    pub fn build(articles: Vec<Article>, warnings: Vec<Warning>) -> Self {
        Self::build_reporting(articles, warnings, &mut |_| ())
    }

    /// [`Bundle::build`], telling `progress` how far the analytics have got.
    pub fn build_reporting(
        articles: Vec<Article>,
        warnings: Vec<Warning>,
        progress: &mut dyn FnMut(AnalysisProgress),
    ) -> Self {
        let analytics = analyse_reporting(&articles, &AnalyticsConfig::default(), progress);
        Bundle {
            articles,
            warnings,
            analytics,
        }
    }
}

impl Bundle {
    /// Parses a bundle whose JSON lives as long as the page (the embedded one): the articles'
    /// text borrows from it ([`parse_embedded`]). The page's one way in to the
    /// bundle's deserialisers, so they are compiled once. `#[inline]` here and on
    /// [`BundleFromParts::add`] has them compiled in the calling crate, with the page's size
    /// settings, as the embedded bundle's are: compiled in this crate too, they were a second
    /// copy of every deserialiser (+34 kB gzip).
    #[inline]
    pub fn parse_embedded(json: &'static str) -> serde_json::Result<Bundle> {
        parse_embedded(json)
    }

    /// The bundle as JSON texts of about `part_bytes` each, for handing it from the loader
    /// worker to the page in pieces the page parses one per task (a single 100 MB JSON text
    /// would hold the page for a second). Each part is itself a bundle: the first holds what
    /// the whole corpus has once (warnings, topics, entities, quotations, timeline); each other
    /// holds some of the articles, in order, and the same share of each per-article list of the
    /// analytics (topic assignments, map points, related articles, entities by article: at
    /// 50,000 articles, most of the analytics' 24 MB). [`BundleFromParts`] reads them back; a
    /// part being a bundle, the page parses it with the code that parses the embedded one.
    pub fn to_json_parts(&self, part_bytes: usize) -> serde_json::Result<Vec<String>> {
        // Consecutive articles, about `part_bytes` of JSON per part.
        let mut articles: Vec<String> = Vec::with_capacity(self.articles.len());
        for article in &self.articles {
            articles.push(serde_json::to_string(article)?);
        }
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        let (mut start, mut bytes) = (0, 0);
        for (i, json) in articles.iter().enumerate() {
            if i > start && bytes + json.len() > part_bytes {
                ranges.push(start..i);
                (start, bytes) = (i, 0);
            }
            bytes += json.len();
        }
        if start < articles.len() {
            ranges.push(start..articles.len());
        }

        let whole = &self.analytics;
        let mut head = Bundle {
            articles: Vec::new(),
            warnings: self.warnings.clone(),
            analytics: whole.clone(),
        };
        let count = ranges.len();
        if count > 0 {
            let lists = &mut head.analytics;
            lists.topics.assignments.clear();
            lists.layout.articles.clear();
            lists.related.clear();
            lists.entities.articles.clear();
        }
        let mut parts = vec![serde_json::to_string(&head)?];
        for (k, range) in ranges.into_iter().enumerate() {
            // The k-th of `count` equal shares of a list: concatenated in order, the whole list.
            fn share<T: Clone>(list: &[T], k: usize, count: usize) -> Vec<T> {
                let (from, to) = (list.len() * k / count, list.len() * (k + 1) / count);
                list.get(from..to).unwrap_or_default().to_vec()
            }
            let analytics = Analytics {
                topics: TopicModel {
                    assignments: share(&whole.topics.assignments, k, count),
                    ..TopicModel::default()
                },
                layout: Layout {
                    articles: share(&whole.layout.articles, k, count),
                    ..Layout::default()
                },
                related: share(&whole.related, k, count),
                entities: EntityReport {
                    articles: share(&whole.entities.articles, k, count),
                    ..EntityReport::default()
                },
                ..Analytics::default()
            };
            let mut part = serde_json::to_string(&Bundle {
                articles: Vec::new(),
                warnings: Vec::new(),
                analytics,
            })?;
            // The articles' JSON, already written, goes in where the empty list was.
            let articles_json = format!("[{}]", articles.get(range).unwrap_or_default().join(","));
            part = part.replacen(
                "\"articles\":[]",
                &format!("\"articles\":{articles_json}"),
                1,
            );
            parts.push(part);
        }
        Ok(parts)
    }
}

/// Reads a bundle back from [`Bundle::to_json_parts`], a part at a time. The articles' text is
/// copied out of each part, which can be dropped once read: kept for the text to borrow from,
/// the parts' JSON outlived the corpus (11 MB per 5,000 loaded articles, never freed).
#[derive(Debug, Default)]
pub struct BundleFromParts {
    /// The first part: everything but the articles, which the other parts add.
    head: Option<Bundle>,
}

impl BundleFromParts {
    /// Reads the next part, in the order [`Bundle::to_json_parts`] gave them. (`#[inline]`: see
    /// [`Bundle::parse_embedded`].)
    #[inline]
    pub fn add(&mut self, part: &str) -> serde_json::Result<()> {
        // The same deserialiser as `parse_embedded`'s; with no embedded source set, every text
        // is copied.
        let part: Bundle = serde_json::from_str(part)?;
        match &mut self.head {
            None => self.head = Some(part),
            // The lists `to_json_parts` shares out, in the same order.
            Some(head) => {
                let Bundle {
                    articles,
                    analytics,
                    ..
                } = part;
                head.articles.extend(articles);
                let lists = &mut head.analytics;
                lists
                    .topics
                    .assignments
                    .extend(analytics.topics.assignments);
                lists.layout.articles.extend(analytics.layout.articles);
                lists.related.extend(analytics.related);
                lists.entities.articles.extend(analytics.entities.articles);
            }
        }
        Ok(())
    }

    /// The bundle of the parts read; none if not even the first part was.
    pub fn finish(self) -> Option<Bundle> {
        self.head
    }
}

/// A bundle with what the page derives from it at start-up: the search index, the quotations
/// by article, the entity highlighter and the article lookup. Built once per bundle, and owns
/// it, so that a corpus the page no longer shows can be freed whole; the analytics are read in
/// place, never copied.
pub struct IndexedBundle {
    pub bundle: Bundle,
    pub index: SearchIndex,
    /// Every quotation of the corpus, in article order.
    pub quotes: Vec<Quotation>,
    /// Finds entity mentions in an article (for the reader's highlights).
    pub extractor: EntityExtractor,
    /// Article indexes in the order of their ids: finds an article by id without a second copy
    /// of every id.
    by_id: Vec<u32>,
}

impl IndexedBundle {
    /// Builds everything, calling `after_step` with the name of each step as it completes (for
    /// performance marks and memory measurements).
    pub fn build(bundle: Bundle, after_step: impl FnMut(&'static str)) -> Self {
        let mut building = IndexedBundleBuilder::new(bundle);
        building.index_more(usize::MAX);
        building.finish(after_step)
    }

    /// The index of the article with `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        position_by_id(&self.by_id, &self.bundle.articles, id)
    }
}

/// The article indexes of `articles` in the order of their ids.
fn order_by_id(articles: &[Article]) -> Vec<u32> {
    // The shared sort: a sort of its own cost the page 13 kB of wasm, for one sort at start-up
    // whose time is in comparing the ids, not in the indirect call.
    crate::sorted_positions(articles.len(), &|a, b| {
        id_at(articles, a).cmp(id_at(articles, b))
    })
    .into_iter()
    .filter_map(|i| u32::try_from(i).ok())
    .collect()
}

/// The id of the article at `index` ("" past the end, which no lookup asks for).
fn id_at(articles: &[Article], index: usize) -> &str {
    articles.get(index).map_or("", |a| a.id.as_str())
}

/// The index of the article with `id`, looked up in `by_id` (from [`order_by_id`]).
fn position_by_id(by_id: &[u32], articles: &[Article], id: &str) -> Option<usize> {
    let found = by_id
        .binary_search_by(|i| id_at(articles, *i as usize).cmp(id))
        .ok()?;
    by_id.get(found).map(|i| *i as usize)
}

/// [`IndexedBundle::build`] in steps: the articles are indexed a few at a time, then the
/// index's terms are finished a few at a time, as the caller asks
/// ([`IndexedBundleBuilder::index_more`], [`IndexedBundleBuilder::finish_terms`]), so a page can
/// index a large loaded corpus in slices and keep answering in between.
pub struct IndexedBundleBuilder {
    bundle: Bundle,
    index: IndexStage,
}

enum IndexStage {
    Adding(SearchIndexBuilder),
    Finishing(FinishingIndex),
}

impl IndexedBundleBuilder {
    pub fn new(bundle: Bundle) -> Self {
        IndexedBundleBuilder {
            index: IndexStage::Adding(SearchIndexBuilder::with_capacity(bundle.articles.len())),
            bundle,
        }
    }

    /// Indexes up to `count` more articles; returns how many are indexed so far.
    pub fn index_more(&mut self, count: usize) -> usize {
        let IndexStage::Adding(index) = &mut self.index else {
            return self.bundle.articles.len();
        };
        let done = index.len();
        let analytics = &self.bundle.analytics;
        for (position, article) in self
            .bundle
            .articles
            .iter()
            .enumerate()
            .skip(done)
            .take(count)
        {
            index.add(article, Some(&analytics.doc_facets_of(position)));
        }
        index.len()
    }

    /// The number of articles indexed so far.
    pub fn indexed(&self) -> usize {
        match &self.index {
            IndexStage::Adding(index) => index.len(),
            IndexStage::Finishing(_) => self.bundle.articles.len(),
        }
    }

    /// The number of articles to index in all.
    pub fn total(&self) -> usize {
        self.bundle.articles.len()
    }

    /// Indexes the articles left, then finishes up to `count` of the index's terms: (terms
    /// finished, terms in all). The first call orders the whole vocabulary in one go.
    pub fn finish_terms(&mut self, count: usize) -> (usize, usize) {
        self.index_more(usize::MAX);
        if let IndexStage::Adding(adding) = &mut self.index {
            let added = std::mem::replace(adding, SearchIndexBuilder::with_capacity(0));
            self.index = IndexStage::Finishing(added.into_finishing());
        }
        match &mut self.index {
            IndexStage::Finishing(index) => (index.finish_terms(count), index.term_count()),
            IndexStage::Adding(_) => (0, 0),
        }
    }

    /// Indexes and finishes what is left, then derives the rest, calling `after_step` with
    /// the name of each step as it completes.
    pub fn finish(mut self, mut after_step: impl FnMut(&'static str)) -> IndexedBundle {
        self.finish_terms(usize::MAX);
        let bundle = self.bundle;
        let mut index = match self.index {
            IndexStage::Finishing(finishing) => finishing.finish(),
            IndexStage::Adding(adding) => adding.finish(),
        };
        // A typed `org:FIA` finds what the articles call the Federal Investigation Agency.
        index.facets.add_aliases(
            bundle
                .analytics
                .entities
                .entities
                .iter()
                .flat_map(|entity| {
                    let key = FacetKey::of_entities(entity.kind);
                    entity
                        .aliases
                        .iter()
                        .map(move |alias| (key, alias.as_str(), entity.name.as_str()))
                }),
        );
        after_step("search index");
        let by_id = order_by_id(&bundle.articles);
        after_step("article lookup");
        let quotes = quotations(&bundle.analytics.quotes, |id| {
            position_by_id(&by_id, &bundle.articles, id)
        });
        after_step("quotations");
        let extractor = EntityExtractor::from_report(&bundle.analytics.entities);
        after_step("entity extractor");
        IndexedBundle {
            bundle,
            index,
            quotes,
            extractor,
            by_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            body: vec![body.into()],
            ..Article::default()
        }
    }

    #[test]
    fn an_indexed_bundle_finds_articles_and_lists_quotations_by_article() {
        let mut bundle = Bundle::build(
            vec![
                article("first", "Water talks", "The commission met in Lahore."),
                article(
                    "second",
                    "Cyber law",
                    "\u{201c}We will defend our water with full force,\u{201d} Foreign Minister Ishaq Dar said.",
                ),
            ],
            Vec::new(),
        );
        let quote = bundle.analytics.quotes.first().cloned();
        let Some(quote) = quote else {
            panic!("no quotation found in {:?}", bundle.articles[1].body);
        };
        // A quotation of an article the bundle does not have cannot be opened: left out.
        bundle.analytics.quotes.push(Quote {
            article: "missing".into(),
            ..quote.clone()
        });
        let mut steps = Vec::new();
        let indexed = IndexedBundle::build(bundle, |step| steps.push(step));
        assert_eq!(
            steps,
            [
                "search index",
                "article lookup",
                "quotations",
                "entity extractor"
            ]
        );
        assert_eq!(indexed.position("second"), Some(1));
        assert_eq!(indexed.position("missing"), None);
        assert_eq!(
            indexed.quotes,
            [Quotation {
                article: 1,
                text: quote.text.clone(),
                speaker: quote.speaker.clone(),
            }]
        );
        assert_eq!(quote.speaker.as_deref(), Some("Ishaq Dar"));
        assert_eq!(indexed.index.doc_count(), 2);
    }

    fn search_in(indexed: &IndexedBundle, query: &str) -> crate::search::SearchResponse {
        indexed.index.search(
            &indexed.bundle.articles,
            &crate::search::SearchRequest::new(query),
        )
    }

    /// The marked words of the title and the passage a search's hit shows for article `id`.
    fn marked_in_hit(
        indexed: &IndexedBundle,
        response: &crate::search::SearchResponse,
        id: &str,
    ) -> Vec<String> {
        let Some((doc, article)) = indexed
            .position(id)
            .and_then(|doc| Some((doc, indexed.bundle.articles.get(doc)?)))
        else {
            return Vec::new();
        };
        let marks = indexed
            .index
            .hit_marks(article, doc, &response.matched_terms);
        let title = marks
            .title
            .iter()
            .filter_map(|span| article.title.get(span.start..span.end));
        let shown = marks.snippet.map(|s| s.shown());
        let runs = shown.iter().flat_map(|shown| shown.runs());
        let passage = runs.filter(|(_, marked)| *marked).map(|(text, _)| text);
        title.chain(passage).map(str::to_string).collect()
    }

    #[test]
    fn a_typed_filter_finds_a_name_by_its_acronym_and_a_name_of_another_kind_is_offered() {
        // `org:FIA` found nothing though the article says "the Federal Investigation Agency
        // (FIA)"; `place:india` said no place is named india and offered nothing.
        let bundle = Bundle::build(
            vec![
                article(
                    "fia",
                    "Cyber crime cases double",
                    "The Federal Investigation Agency (FIA) said complaints doubled. The FIA will hire more staff. India and Pakistan signed nothing.",
                ),
                article("other", "Water talks", "The commission met in Lahore."),
                Article {
                    byline: Some("Javed Mahmood".into()),
                    ..article(
                        "pta",
                        "Apps blocked",
                        "The Pakistan Telecommunication Authority blocked the apps.",
                    )
                },
            ],
            Vec::new(),
        );
        let indexed = IndexedBundle::build(bundle, |_| ());
        let search = |query: &str| search_in(&indexed, query);
        let ids = |query: &str| -> Vec<String> {
            search(query)
                .hits
                .iter()
                .map(|hit| hit.id.clone())
                .collect()
        };
        assert_eq!(ids("org:FIA"), ["fia"]);
        assert_eq!(ids("org:fia"), ids("org:\"Federal Investigation Agency\""));
        let wrong_kind = search("Place:India");
        assert!(wrong_kind.hits.is_empty());
        assert_eq!(wrong_kind.did_you_mean.as_deref(), Some("country:India"));
        assert_eq!(ids("country:India"), ["fia"]);
        // The kind with a whole value of that name, not one whose names contain it: Pakistan
        // is a country, and the Pakistan Telecommunication Authority only one of its
        // organisations (`org:pakistan` lost every article naming the country alone).
        assert_eq!(
            search("place:pakistan").did_you_mean.as_deref(),
            Some("country:pakistan")
        );
        // A name no kind has is mended or left alone, never sent to another key.
        assert_eq!(search("place:atlantis").did_you_mean, None);
        // A person no article names but one wrote: the byline.
        assert_eq!(
            search("person:Mahmood").did_you_mean.as_deref(),
            Some("byline:Mahmood")
        );
        assert_eq!(
            search("person:\"javed mahmood\"").did_you_mean.as_deref(),
            Some("byline:\"javed mahmood\"")
        );
        assert_eq!(ids("byline:Mahmood"), ["pta"]);
        assert_eq!(search("person:nobody").did_you_mean, None);
    }

    #[test]
    fn a_name_searched_finds_its_other_names_and_back() {
        // "united nations" missed the article that writes "UN" and ranked one with "United
        // Arab Emirates" and "National Highway" instead.
        let bundle = Bundle::build(
            vec![
                article(
                    "full",
                    "Talks in Geneva",
                    "The United Nations met in Geneva.",
                ),
                article(
                    "short",
                    "Talks resume",
                    "The UN said the talks would resume.",
                ),
                article(
                    "apart",
                    "Roads",
                    "United Arab Emirates money built the National Highway.",
                ),
                article("pronoun", "Money", "Give us the money."),
                article(
                    "states",
                    "Sanctions",
                    "The United States imposed sanctions.",
                ),
            ],
            Vec::new(),
        );
        let indexed = IndexedBundle::build(bundle, |_| ());
        let ids = |query: &str| -> Vec<String> {
            search_in(&indexed, query)
                .hits
                .iter()
                .map(|hit| hit.id.clone())
                .collect()
        };
        let found = ids("united nations");
        assert_eq!(found.get(..2).map(|f| f.len()), Some(2), "{found:?}");
        assert!(found.contains(&"full".to_string()) && found.contains(&"short".to_string()));
        assert_eq!(
            found.last().map(String::as_str),
            Some("apart"),
            "the words apart last"
        );
        // Back: the short form typed in capitals finds the whole name written out.
        let mut short = ids("UN");
        short.sort();
        assert_eq!(short, ["full", "short"]);
        // Its words are marked where they stand together (in the reader, the quotations and
        // the hits), not apart.
        let response = search_in(&indexed, "UN");
        let marked = indexed.index.matched_words(&response.matched_terms);
        let analyzer = crate::analysis::Analyzer::default();
        assert_eq!(
            marked.marks(&analyzer, "The United Nations met"),
            vec![4..10, 11..18]
        );
        let apart = "United Arab Emirates money built the National Highway.";
        assert!(marked.marks(&analyzer, apart).is_empty(), "{marked:?}");
        let marked_in = |id: &str| marked_in_hit(&indexed, &response, id);
        assert_eq!(marked_in("full"), ["United", "Nations"]);
        assert!(marked_in("apart").is_empty(), "{:?}", marked_in("apart"));
        // In lower case it is a word like any other.
        assert_eq!(ids("un"), ["short"]);
        // Quoted, a name is the words as written.
        assert_eq!(ids("\"united nations\""), ["full"]);
    }

    #[test]
    fn a_short_name_that_is_an_everyday_word_counts_only_where_written_for_the_name() {
        // "united states" missed the article writing "the US"; but "us" is also the pronoun,
        // and the index keeps no case. So "US" counts only in the articles where the entity
        // report found the United States, and is marked only where written in capitals.
        let bundle = Bundle::build(
            vec![
                article(
                    "states",
                    "Sanctions",
                    "The United States imposed sanctions on all of us.",
                ),
                article(
                    "short",
                    "Tariffs",
                    "The US imposed tariffs, and its envoy told us why.",
                ),
                article("pronoun", "Money", "Give us the money."),
            ],
            Vec::new(),
        );
        let indexed = IndexedBundle::build(bundle, |_| ());
        let response = search_in(&indexed, "united states");
        let mut found: Vec<&str> = response.hits.iter().map(|hit| hit.id.as_str()).collect();
        found.sort_unstable();
        assert_eq!(found, ["short", "states"]);
        let marked_in = |id: &str| marked_in_hit(&indexed, &response, id);
        assert_eq!(marked_in("short"), ["US"]);
        assert_eq!(marked_in("states"), ["United", "States"]);
        // The reader, the quotations and keyword-in-context mark as the hits do.
        let marked = indexed.index.matched_words(&response.matched_terms);
        let analyzer = crate::analysis::Analyzer::default();
        assert_eq!(marked.marks(&analyzer, "The US told us."), vec![4..6]);
        // Typed in capitals, the short form too counts only where written for the name: "US"
        // ranked "give us the money" among the articles on the United States.
        let typed = search_in(&indexed, "US ");
        let mut found: Vec<&str> = typed.hits.iter().map(|hit| hit.id.as_str()).collect();
        found.sort_unstable();
        assert_eq!(found, ["short", "states"]);
        assert_eq!(marked_in_hit(&indexed, &typed, "short"), ["US"]);
        // Typed in lower case, it is the word: every article has it.
        assert_eq!(search_in(&indexed, "us").total, 3);
    }

    #[test]
    fn a_search_by_names_alone_shows_and_marks_where_they_stand() {
        // `person:"munir akram"`, a person ticked or `org:FIA` showed each article's opening
        // with nothing marked, however far down the name stood.
        let opening = "The council met on Monday to hear the members on the year's agenda. ";
        let bundle = Bundle::build(
            vec![Article {
                id: "un".into(),
                title: "Council hears appeal".into(),
                body: vec![
                    opening.repeat(4).into(),
                    "Trade came next, and the members spoke at length of tariffs. "
                        .repeat(3)
                        .into(),
                    "Ambassador Munir Akram told the council that the Federal Investigation \
                     Agency (FIA) had arrested nobody."
                        .into(),
                    "The US asked us to wait.".into(),
                ],
                ..Article::default()
            }],
            Vec::new(),
        );
        let indexed = IndexedBundle::build(bundle, |_| ());
        let marked = |response: &crate::search::SearchResponse| {
            marked_in_hit(&indexed, response, "un").join(" ")
        };
        let typed = search_in(&indexed, "person:\"munir akram\"");
        assert_eq!(typed.total, 1);
        assert_eq!(marked(&typed), "Munir Akram");
        let mut ticked = crate::search::SearchRequest::new("");
        ticked
            .filters
            .insert(FacetKey::Person, vec!["Munir Akram".into()]);
        let ticked = indexed.index.search(&indexed.bundle.articles, &ticked);
        assert_eq!(marked(&ticked), "Munir Akram");
        // Every form of the name the corpus writes; and the words searched as well, in the
        // passage holding both.
        assert_eq!(
            marked(&search_in(&indexed, "org:fia")),
            "Federal Investigation Agency FIA"
        );
        assert_eq!(
            marked(&search_in(&indexed, "council person:akram")),
            "Council Munir Akram council"
        );
        // A name filtered by is not a word searched: the quotations saying the search's words
        // read only what was typed. The reader marks it, as the hit does (it marked nothing).
        let words = indexed.index.matched_words(&typed.matched_terms);
        assert_eq!(words, crate::view_model::QueryTerms::default());
        let reader = indexed
            .index
            .matched_words(&typed.matched_terms.with_names());
        let analyzer = crate::analysis::Analyzer::default();
        let text = "Ambassador Munir Akram told Akram's staff.";
        let marked_by_reader: Vec<&str> = reader
            .marks(&analyzer, text)
            .into_iter()
            .filter_map(|range| text.get(range))
            .collect();
        assert_eq!(marked_by_reader, ["Munir", "Akram"]);
        // A name that is an everyday word is marked where written in capitals: "US", not "us".
        let mut united_states = crate::search::SearchRequest::new("");
        united_states
            .filters
            .insert(FacetKey::Country, vec!["United States".into()]);
        let united_states = indexed
            .index
            .search(&indexed.bundle.articles, &united_states);
        assert_eq!(united_states.total, 1);
        assert_eq!(marked(&united_states), "US");
    }

    #[test]
    fn a_typed_filter_finds_a_name_by_the_short_form_everyone_uses() {
        // `org:EU` found nothing, though the reader linked "EU" to the European Union, and
        // offered `org:E`: the "e" of "Tehreek-e-Taliban".
        let bundle = Bundle::build(
            vec![
                article(
                    "eu",
                    "Trade talks resume",
                    "The European Union and Pakistan met. The EU wants more.",
                ),
                article(
                    "ttp",
                    "Attack claimed",
                    "The Tehreek-e-Taliban Pakistan claimed the attack.",
                ),
            ],
            Vec::new(),
        );
        let indexed = IndexedBundle::build(bundle, |_| ());
        let search = |query: &str| search_in(&indexed, query);
        let found = search("org:EU");
        let ids: Vec<&str> = found.hits.iter().map(|hit| hit.id.as_str()).collect();
        assert_eq!(ids, ["eu"]);
        let unknown = search("org:ET");
        assert!(unknown.hits.is_empty());
        assert_eq!(unknown.did_you_mean, None);
    }

    #[test]
    fn a_loaded_page_s_dateline_is_a_place_named_and_found() {
        // The stories of a saved page opened "PESHAWAR: …": no dateline, so `place:peshawar`
        // missed the article and the place was not counted as named.
        let story = |place: &str, title: &str| {
            format!(
                "<article><h2>{title}</h2><p>{place}: Officials met on Wednesday to agree on the terms of the deal.</p><p>{}</p></article>",
                "The talks went on for a week and ended with an agreement on trade. ".repeat(5)
            )
        };
        let html = format!(
            "<html><body><main>{}{}</main></body></html>",
            story("PESHAWAR", "Crossing to reopen"),
            story("KARACHI", "Rate held")
        );
        let report = crate::ingest::ingest_bytes("saved-page.html", html.as_bytes(), None);
        let indexed = IndexedBundle::build(Bundle::build(report.articles, Vec::new()), |_| ());
        let ids = |query: &str| -> Vec<String> {
            let request = crate::search::SearchRequest::new(query);
            let response = indexed.index.search(&indexed.bundle.articles, &request);
            response.hits.iter().map(|hit| hit.id.clone()).collect()
        };
        assert_eq!(ids("place:peshawar"), ["crossing-to-reopen"]);
        assert_eq!(ids("place:karachi"), ["rate-held"]);
        assert!(indexed
            .bundle
            .articles
            .iter()
            .all(|a| a.body.first().is_some_and(|p| p.starts_with("Officials"))));
    }

    #[test]
    fn articles_are_found_by_id_in_any_order() {
        let ids = ["m", "b", "z", "a", "q"];
        let articles = ids.iter().map(|id| article(id, id, "Text.")).collect();
        let indexed = IndexedBundle::build(Bundle::build(articles, Vec::new()), |_| ());
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(indexed.position(id), Some(i), "{id}");
        }
        assert_eq!(indexed.position("c"), None);
        assert_eq!(indexed.position(""), None);
    }

    /// Short articles that share places, for the slicing and parts tests (one with quote marks,
    /// which JSON escapes).
    fn five_articles() -> Vec<Article> {
        [
            (
                "a",
                "Water talks in Lahore",
                "The commission met in Lahore on water.",
            ),
            (
                "b",
                "Cyber law",
                "Pakistan passed a cybercrime law in Islamabad.",
            ),
            (
                "c",
                "Paris Call",
                "Emmanuel Macron launched the \"Paris Call\" in Paris.",
            ),
            (
                "d",
                "Water again",
                "Lahore and Delhi met on the Indus waters.",
            ),
            ("e", "Trade", "A trade agreement was signed in Beijing."),
        ]
        .into_iter()
        .map(|(id, title, body)| article(id, title, body))
        .collect()
    }

    #[test]
    fn indexing_in_slices_builds_the_same_index_as_in_one_go() {
        let bundle = Bundle::build(five_articles(), Vec::new());
        let whole = IndexedBundle::build(bundle.clone(), |_| ());
        for slice in [1, 2, 3, 5, 8] {
            let mut building = IndexedBundleBuilder::new(bundle.clone());
            assert_eq!(building.total(), 5);
            let mut progress = Vec::new();
            loop {
                let done = building.index_more(slice);
                progress.push(done);
                if done == building.total() {
                    break;
                }
            }
            let expected: Vec<usize> = (1..)
                .map(|k| (k * slice).min(5))
                .take(5_usize.div_ceil(slice))
                .collect();
            assert_eq!(progress, expected, "slices of {slice}");
            // Nothing is indexed twice once every article is.
            assert_eq!(building.index_more(slice), 5);
            // Then the terms, `slice` at a time.
            let (mut done, terms) = building.finish_terms(0);
            assert_eq!(done, 0);
            assert_eq!(terms, whole.index.term_count());
            while done < terms {
                let (now, total) = building.finish_terms(slice);
                assert_eq!(
                    (now, total),
                    ((done + slice).min(terms), terms),
                    "slices of {slice}"
                );
                done = now;
            }
            assert_eq!(building.finish_terms(slice), (terms, terms));
            assert_eq!(building.index_more(slice), 5);
            assert_eq!(building.indexed(), 5);
            let sliced = building.finish(|_| ());
            assert!(sliced.index == whole.index, "slices of {slice}");
            assert_eq!(sliced.quotes, whole.quotes);
            assert_eq!(sliced.position("d"), Some(3));
        }
        // Every article is in it.
        assert!(whole.index.doc_count() == 5);
    }

    #[test]
    fn a_bundle_in_json_parts_reads_back_the_same() {
        let bundle = Bundle::build(
            five_articles().into_iter().take(3).collect(),
            vec![
                Warning {
                    file: "notes.md".into(),
                    line: Some(3),
                    message: "no title".into(),
                    also: Vec::new(),
                },
                Warning {
                    file: "a.md".into(),
                    line: Some(2),
                    message: "1 front-matter key not read".into(),
                    also: vec![crate::ingest::Place {
                        file: "b.md".into(),
                        line: None,
                    }],
                },
            ],
        );
        let whole = serde_json::to_string(&bundle).unwrap_or_default();
        // From one article per part to all in one.
        for part_bytes in [1, 200, 1_000_000] {
            let parts = bundle.to_json_parts(part_bytes).unwrap_or_default();
            // A part holds at least one article, and more only while they fit in `part_bytes`.
            match part_bytes {
                1 => assert_eq!(parts.len(), 1 + 3),
                1_000_000 => assert_eq!(parts.len(), 1 + 1),
                _ => assert!(parts
                    .iter()
                    .skip(1)
                    .all(|p| p.len() <= part_bytes || !p.contains("},{\"id\""))),
            }
            let mut read = BundleFromParts::default();
            for part in parts {
                assert!(read.add(&part).is_ok(), "{part}");
                // The part is dropped here: nothing read from it may borrow it.
            }
            let read = read.finish();
            let texts = read.iter().flat_map(|b| &b.articles).flat_map(|a| &a.body);
            assert!(texts.clone().count() > 0);
            assert!(texts.clone().all(|t| !t.is_borrowed()), "{part_bytes}");
            let back = read.map(|b| serde_json::to_string(&b).unwrap_or_default());
            assert_eq!(back.as_deref(), Some(whole.as_str()), "{part_bytes}");
        }
        // The per-article lists of the analytics travel with their articles, not in the head.
        let parts = bundle.to_json_parts(1).unwrap_or_default();
        let assignments = |json: &str| {
            let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
            value["analytics"]["topics"]["assignments"]
                .as_array()
                .map_or(0, Vec::len)
        };
        assert_eq!(bundle.analytics.topics.assignments.len(), 3);
        assert_eq!(assignments(&parts[0]), 0);
        assert_eq!(
            parts[1..]
                .iter()
                .map(|p| assignments(p))
                .collect::<Vec<_>>(),
            [1, 1, 1]
        );
        // An empty bundle is its head alone; no part at all is no bundle.
        let empty = Bundle::default().to_json_parts(100).unwrap_or_default();
        assert_eq!(empty.len(), 1);
        assert!(BundleFromParts::default().finish().is_none());
        // A broken part is an error, not a panic.
        let mut read = BundleFromParts::default();
        assert!(read.add("{\"warnings\": [").is_err());
    }
}
