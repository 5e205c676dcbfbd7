//! What the page shows, derived from the URL state with memos: the engine does the work, each
//! memo recomputes only when its inputs change, and every view reads the same results.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use dossier_engine::analytics::Analytics;
use dossier_engine::bundle::IndexedBundle;
use dossier_engine::index::facets::{FacetCount, FacetKey};
use dossier_engine::search::{HitMarks, MatchedTerms, SearchRequest, SearchResponse};
use dossier_engine::view_model::{self, QueryTerms, TimeBucket};
use dossier_engine::{Article, Bundle};
use leptos::prelude::*;

use crate::browser;
use crate::nav::Nav;
use crate::url_state::UrlState;

/// Results per page.
pub const PER_PAGE: usize = 10;

/// The pause before each warm-up query (see [`warm_up`]): the first waits for start-up to
/// settle, and each runs alone, so a keystroke waits for at most one of them.
const WARM_UP_PAUSE: Duration = Duration::from_millis(50);

/// The performance mark after a corpus is indexed (at start-up, after "Load files").
pub const INDEXED_MARK: &str = "dossier corpus indexed";

/// The performance mark after each warm-up query.
pub const WARM_UP_MARK: &str = "dossier warm-up query";

/// The performance mark once the warm-up is over (at once when a corpus has no titles to make
/// warm-up queries of): the page is then as quick to answer as it will be.
pub const WARM_UP_DONE_MARK: &str = "dossier warm-up done";

/// Timeline bars are months up to this span, years beyond it.
const TIMELINE_MAX_MONTHS: usize = 36;

/// The embedded (or loaded) corpus with its index and analytics, provided as context. A clone
/// shares it: a loaded corpus is freed (tens of MB at thousands of articles) once the page no
/// longer shows it, while the embedded one is kept for the way back.
#[derive(Clone)]
pub struct Corpus(pub Arc<IndexedBundle>);

impl Corpus {
    /// The corpus of `bundle`, indexed at once: at start-up there is nothing to show before.
    pub fn index(bundle: Bundle) -> Self {
        Self::indexed(IndexedBundle::build(bundle, |_| ()))
    }

    /// The corpus of an indexed bundle (indexed at start-up, or in slices after "Load files"),
    /// warmed up ([`warm_up`]). The analytics come precomputed in the bundle and are read in
    /// place, never copied.
    pub fn indexed(data: IndexedBundle) -> Self {
        let corpus = Corpus(Arc::new(data));
        browser::mark(INDEXED_MARK);
        warm_up(corpus.clone());
        corpus
    }

    /// Whether `self` and `other` are the same corpus.
    pub fn is(&self, other: &Corpus) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The build-time analytics: topics, map, related articles, entities, quotations.
    pub fn analytics(&self) -> &Analytics {
        &self.0.bundle.analytics
    }

    /// Every article.
    pub fn articles(&self) -> &[Article] {
        &self.0.bundle.articles
    }

    /// Whether any article has a date (see `SearchIndex::has_dates`).
    pub fn has_dates(&self) -> bool {
        self.0.index.has_dates()
    }

    /// The article at `index`.
    pub fn article(&self, index: usize) -> Option<&Article> {
        self.0.bundle.articles.get(index)
    }

    /// The article with `id` and its index.
    pub fn find(&self, id: &str) -> Option<(usize, &Article)> {
        let index = self.0.position(id)?;
        self.article(index).map(|article| (index, article))
    }

    /// The topic label of the article at `index`, when it has one. Assignments are in corpus
    /// order; the id check guards against a bundle where they are not.
    pub fn topic_of(&self, index: usize) -> Option<(usize, &str)> {
        let article = self.article(index)?;
        self.analytics()
            .topics
            .assignments
            .get(index)
            .filter(|a| a.article == article.id)
            .and_then(|a| a.topic.map(|t| (t, a.label.as_str())))
    }

    /// Runs a search over the corpus.
    pub fn search(&self, request: &SearchRequest) -> SearchResponse {
        self.0.index.search(self.articles(), request)
    }

    /// The counts of `key`'s values among a response's matches: its facet counts, unless `key`
    /// is filtered, when those ignore the filter and the matches are counted instead.
    pub fn counts_within<'a>(
        &self,
        response: &'a SearchResponse,
        key: FacetKey,
        filtered: bool,
    ) -> Cow<'a, [FacetCount]> {
        if filtered {
            Cow::Owned(self.0.index.counts_within(&response.matched, key))
        } else {
            Cow::Borrowed(response.facets.get(&key).map_or(&[], Vec::as_slice))
        }
    }

    /// Title highlights and snippet of the article at `index` for a response's matched terms.
    pub fn marks(&self, index: usize, matched_terms: &MatchedTerms) -> HitMarks {
        self.article(index)
            .map(|article| self.0.index.hit_marks(article, index, matched_terms))
            .unwrap_or_default()
    }
}

/// A search response and how long the engine took for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Timed {
    pub response: SearchResponse,
    pub millis: f64,
}

/// The derived state every view reads. Cheap to copy; provided as context.
#[derive(Clone, Copy)]
pub struct Results {
    /// All hits and the facet counts for the URL's query, filters and sort.
    pub timed: Memo<Timed>,
    /// The words the search matched (with the prefix and typo variants it took), for marking
    /// the reader and the quotations as the results were found.
    pub terms: Memo<QueryTerms>,
    /// [`terms`](Self::terms) and the names the search filters by (ticked or typed): what the
    /// reader marks and lists where they appear.
    pub reader_terms: Memo<QueryTerms>,
    /// The current page (clamped) and the number of pages.
    pub paging: Memo<(usize, usize)>,
    /// Timeline bars for the query and every filter but the date range.
    pub timeline: Memo<Vec<TimeBucket>>,
}

impl Results {
    /// Builds the memos over the corpus and the URL state.
    pub fn new(corpus: Corpus, nav: Nav) -> Self {
        // Only what the search depends on: the page, view and open article do not re-run it.
        let request = Memo::new(move |_| nav.with(|s| s.search_request()));
        let timed = Memo::new({
            let corpus = corpus.clone();
            move |_| {
                request.with(|r| {
                    let started = browser::now_ms();
                    let response = corpus.search(r);
                    Timed {
                        response,
                        millis: browser::now_ms() - started,
                    }
                })
            }
        });
        let terms = Memo::new({
            let corpus = corpus.clone();
            move |_| timed.with(|t| corpus.0.index.matched_words(&t.response.matched_terms))
        });
        let reader_terms = Memo::new(move |_| {
            timed.with(|t| {
                let with_names = t.response.matched_terms.with_names();
                corpus.0.index.matched_words(&with_names)
            })
        });
        let paging = Memo::new(move |_| {
            let total = timed.with(|t| t.response.hits.len());
            let pages = total.div_ceil(PER_PAGE).max(1);
            (nav.with(|s| s.page).clamp(1, pages), pages)
        });
        // Every match, not only the hits the page holds (at most MAX_PAGE_SIZE), with the months
        // outside the date range too (the engine counts them as it counts facets).
        let timeline = Memo::new(move |_| {
            timed.with(|t| view_model::timeline(&t.response.months, TIMELINE_MAX_MONTHS))
        });
        Results {
            timed,
            terms,
            reader_terms,
            paging,
            timeline,
        }
    }
}

/// Runs the engine's warm-up queries (`dossier_engine::search::warm_up`) after a build, one per
/// timer tick, as a keystroke would: the request the URL state makes, then the marks of the
/// first page. The answers are dropped; what stays is the browser's optimised code for them, so
/// the first keystrokes are as quick as the later ones.
fn warm_up(corpus: Corpus) {
    let mut queries = dossier_engine::search::warm_up::warm_up_queries(corpus.articles());
    queries.reverse();
    warm_up_next(corpus, queries);
}

fn warm_up_next(corpus: Corpus, mut queries: Vec<String>) {
    let Some(query) = queries.pop() else {
        browser::mark(WARM_UP_DONE_MARK);
        return;
    };
    set_timeout(
        move || {
            let mut state = UrlState::default();
            state.set_query(&query);
            let response = corpus.search(&state.search_request());
            for hit in response.hits.iter().take(PER_PAGE) {
                std::hint::black_box(corpus.marks(hit.article, &response.matched_terms));
            }
            browser::mark(WARM_UP_MARK);
            warm_up_next(corpus, queries);
        },
        WARM_UP_PAUSE,
    );
}

/// The [`Corpus`] provided by the app.
pub fn use_corpus() -> Corpus {
    expect_context::<Corpus>()
}

/// The [`Results`] provided by the app.
pub fn use_results() -> Results {
    expect_context::<Results>()
}
