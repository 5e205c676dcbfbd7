//! The list of matching articles.

use dossier_engine::Article;
use leptos::prelude::*;

/// The articles at `matches` (indices into `articles`), with title, date and source file.
#[component]
pub fn ArticleList(
    /// Every article of the corpus.
    articles: &'static [Article],
    /// Indices of the articles to show, in order.
    #[prop(into)]
    matches: Signal<Vec<usize>>,
) -> impl IntoView {
    let count = move || {
        let n = matches.read().len();
        if n == 1 {
            "1 article".to_string()
        } else {
            format!("{n} articles")
        }
    };
    view! {
        <p class="count" data-testid="result-count" aria-live="polite">{count}</p>
        <ol class="articles" data-testid="results">
            <For
                each=move || matches.get().into_iter().filter_map(|i| articles.get(i))
                key=|article| article.id.clone()
                children=move |article| {
                    view! {
                        <li class="article" data-testid="result">
                            <h2 class="article-title">{article.title.clone()}</h2>
                            <p class="article-meta">
                                {article.date.clone().map(|d| view! { <time datetime=d.clone()>{d.clone()}</time> " · " })}
                                <span class="article-file">{article.file.clone()}</span>
                            </p>
                        </li>
                    }
                }
            />
        </ol>
    }
}
