//! The application shell.

use leptos::prelude::*;

use crate::components::article_list::ArticleList;
use crate::components::search_box::SearchBox;
use crate::corpus;

/// The whole page: header with the search box, then the matching articles.
#[component]
pub fn App() -> impl IntoView {
    let bundle = match corpus::embedded() {
        Ok(bundle) => bundle,
        Err(message) => {
            return view! { <p class="error" role="alert" data-testid="load-error">{message}</p> }
                .into_any();
        }
    };
    let (query, set_query) = signal(String::new());
    let matches = Memo::new(move |_| {
        dossier_engine::search::filter_substring(&bundle.articles, &query.read())
    });

    view! {
        <header class="header">
            <h1 class="brand">"Dossier"</h1>
            <SearchBox query=query on_input=move |q| set_query.set(q) />
        </header>
        <main class="main">
            <ArticleList articles=&bundle.articles matches=matches />
        </main>
    }
    .into_any()
}
