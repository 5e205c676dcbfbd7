//! What the page shows, derived from the URL state with memos: the engine does the work, each
//! memo recomputes only when its inputs change, and every view reads the same results.

use dossier_engine::analysis::Analyzer;
use dossier_engine::view_model::{self, Exploration, Hit, QueryTerms, Selection, SortOrder, TimeBucket};
use dossier_engine::{Article, Bundle};
use leptos::prelude::*;

use crate::browser;
use crate::nav::Nav;

/// Results per page.
pub const PER_PAGE: usize = 10;

/// Timeline bars are months up to this span, years beyond it.
const TIMELINE_MAX_MONTHS: usize = 36;

/// The embedded corpus, provided as context.
#[derive(Clone, Copy)]
pub struct Corpus(pub &'static Bundle);

impl Corpus {
    /// Every article.
    pub fn articles(self) -> &'static [Article] {
        &self.0.articles
    }

    /// The article at `index`.
    pub fn article(self, index: usize) -> Option<&'static Article> {
        self.0.articles.get(index)
    }

    /// The article with `id` and its index.
    pub fn find(self, id: &str) -> Option<(usize, &'static Article)> {
        self.0.articles.iter().enumerate().find(|(_, a)| a.id == id)
    }
}

/// The inputs of a search: only these re-run it (not the page, view or open article).
#[derive(Debug, Clone, PartialEq)]
struct SearchInputs {
    query: String,
    selection: Selection,
    sort: SortOrder,
}

/// An exploration and how long the engine took for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Timed {
    pub exploration: Exploration,
    pub millis: f64,
}

/// The derived state every view reads. Cheap to copy; provided as context.
#[derive(Clone, Copy)]
pub struct Results {
    /// Hits (all pages) and facet counts for the URL's query, filters and sort.
    pub timed: Memo<Timed>,
    /// The analysed query, for highlighting.
    pub terms: Memo<QueryTerms>,
    /// The hits of the current page.
    pub page_hits: Memo<Vec<Hit>>,
    /// Number of result pages (at least 1).
    pub pages: Memo<usize>,
    /// Timeline bars for the query and every filter but the date range.
    pub timeline: Memo<Vec<TimeBucket>>,
}

impl Results {
    /// Builds the memos over the corpus and the URL state.
    pub fn new(corpus: Corpus, nav: Nav) -> Self {
        let inputs = Memo::new(move |_| {
            nav.with(|s| SearchInputs {
                query: s.query.clone(),
                selection: s.selection(None),
                sort: s.sort,
            })
        });
        let timed = Memo::new(move |_| {
            inputs.with(|i| {
                let started = browser::now_ms();
                let exploration =
                    view_model::explore(&Analyzer::default(), corpus.articles(), &i.query, &i.selection, i.sort);
                Timed {
                    exploration,
                    millis: browser::now_ms() - started,
                }
            })
        });
        let terms = Memo::new(move |_| nav.with(|s| QueryTerms::parse(&Analyzer::default(), &s.query)));
        let page = Memo::new(move |_| nav.with(|s| s.page));
        let paged = Memo::new(move |_| {
            timed.with(|t| {
                let (hits, pages) = view_model::page_of(&t.exploration.hits, page.get(), PER_PAGE);
                (hits.to_vec(), pages)
            })
        });
        let page_hits = Memo::new(move |_| paged.with(|p| p.0.clone()));
        let pages = Memo::new(move |_| paged.with(|p| p.1));
        let timeline = Memo::new(move |_| {
            inputs.with(|i| {
                let undated = Selection {
                    from: None,
                    to: None,
                    ..i.selection.clone()
                };
                let all = view_model::explore(&Analyzer::default(), corpus.articles(), &i.query, &undated, i.sort);
                let dates = all
                    .hits
                    .iter()
                    .filter_map(|h| corpus.article(h.article).and_then(|a| a.date.as_deref()));
                view_model::timeline(dates, TIMELINE_MAX_MONTHS)
            })
        });
        Results {
            timed,
            terms,
            page_hits,
            pages,
            timeline,
        }
    }
}

/// The [`Corpus`] provided by the app.
pub fn use_corpus() -> Corpus {
    expect_context::<Corpus>()
}

/// The [`Results`] provided by the app.
pub fn use_results() -> Results {
    expect_context::<Results>()
}
