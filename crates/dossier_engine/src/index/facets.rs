//! The facet model: named dimensions with string values per document.
//!
//! The index does not know where values come from. Kind, source and year are derived from the
//! [`Article`] by [`DocFacets::from_article`]; topic, place, person, org and country are supplied
//! by analytics at index build time. Values are matched case-insensitively as whole strings.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entities::EntityKind;
use crate::index::fuzzy::levenshtein;

/// One facet dimension. Serialised in lower case (`"topic"`, `"year"`, ...), which is also the
/// query-language field name (`topic:`, `year:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKey {
    Topic,
    Kind,
    Source,
    Year,
    Place,
    Person,
    Org,
    Country,
}

impl FacetKey {
    /// Every key, in display order.
    pub const ALL: [FacetKey; 8] = [
        FacetKey::Topic,
        FacetKey::Kind,
        FacetKey::Source,
        FacetKey::Year,
        FacetKey::Place,
        FacetKey::Person,
        FacetKey::Org,
        FacetKey::Country,
    ];

    /// The keys whose values are entities, in [`EntityKind::ALL`]'s order.
    pub const ENTITIES: [FacetKey; 4] = [
        FacetKey::Person,
        FacetKey::Org,
        FacetKey::Place,
        FacetKey::Country,
    ];

    /// The lower-case name used in queries and JSON.
    pub fn name(self) -> &'static str {
        match self {
            FacetKey::Topic => "topic",
            FacetKey::Kind => "kind",
            FacetKey::Source => "source",
            FacetKey::Year => "year",
            FacetKey::Place => "place",
            FacetKey::Person => "person",
            FacetKey::Org => "org",
            FacetKey::Country => "country",
        }
    }

    /// The key whose values are entities of `kind`.
    pub fn of_entities(kind: EntityKind) -> FacetKey {
        match kind {
            EntityKind::Person => FacetKey::Person,
            EntityKind::Organisation => FacetKey::Org,
            EntityKind::Place => FacetKey::Place,
            EntityKind::Country => FacetKey::Country,
        }
    }

    /// The key named `name` (case-insensitive), if any.
    pub fn from_name(name: &str) -> Option<FacetKey> {
        FacetKey::ALL
            .into_iter()
            .find(|key| key.name().eq_ignore_ascii_case(name))
    }

    /// Dense index of the key, `0..ALL.len()`.
    pub(crate) fn slot(self) -> usize {
        self as usize
    }
}

/// Facet values of one document: for each key, its values (a document may have several places).
pub type DocFacets = BTreeMap<FacetKey, Vec<String>>;

/// The facets that can be read off an article itself: kind, source (when stated) and year (when
/// the date is known).
pub fn article_facets(article: &Article) -> DocFacets {
    let mut facets = DocFacets::new();
    if !article.kind.trim().is_empty() {
        facets.insert(FacetKey::Kind, vec![article.kind.trim().to_string()]);
    }
    if let Some(source) = article.source.as_deref().map(str::trim) {
        if !source.is_empty() {
            facets.insert(FacetKey::Source, vec![source.to_string()]);
        }
    }
    // An article without a year is in the Year facet too: undated articles can be listed on
    // their own (the timeline counts them, and cannot show them).
    let year = article.date.as_deref().and_then(year_of).unwrap_or(UNDATED);
    facets.insert(FacetKey::Year, vec![year.to_string()]);
    facets
}

/// The Year facet's value for articles without a date.
pub const UNDATED: &str = "Undated";

/// A Year facet value as written (`2024`, or `undated` in any case) in the facet's own form;
/// `None` for anything else, which could match nothing, ever.
pub fn year_value(written: &str) -> Option<&str> {
    if written.eq_ignore_ascii_case(UNDATED) {
        return Some(UNDATED);
    }
    (written.len() == 4 && written.bytes().all(|b| b.is_ascii_digit())).then_some(written)
}

/// The four-digit year at the start of a `YYYY-MM-DD` date.
fn year_of(date: &str) -> Option<&str> {
    let year = date.get(..4)?;
    year.bytes().all(|b| b.is_ascii_digit()).then_some(year)
}

/// How many documents of the match set carry one facet value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value as first seen in the corpus (original case).
    pub value: String,
    pub count: usize,
}

/// Per-key value dictionaries and per-document value ids, built once with the index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct FacetTable {
    /// For each key slot: the distinct values (original case of first occurrence).
    pub values: Vec<Vec<String>>,
    /// For each key slot: the value as compared ([`comparable`]: lower case, one spelling), for
    /// lookups that ignore case (same order).
    pub lowered: Vec<Vec<String>>,
    /// For each key slot, the documents' value ids one after another: document `d`'s are
    /// `doc_ids[slot][doc_starts[slot][d]..doc_starts[slot][d + 1]]`. Two flat lists per key
    /// rather than a list per document and key: 13 MB less at 50,000 articles.
    doc_starts: Vec<Vec<u32>>,
    doc_ids: Vec<Vec<u32>>,
    /// For each key slot: other names of its values (lower case) with the value's id: a typed
    /// `org:FIA` is the Federal Investigation Agency. Set after building
    /// ([`FacetTable::add_aliases`]).
    #[serde(default)]
    aliases: Vec<Vec<(String, u32)>>,
    /// Every whole name given another name, with that other name (both as compared), sorted by
    /// the name: a search for "united nations" also finds "UN" ([`FacetTable::other_names_of`]).
    #[serde(default)]
    other_names: Vec<(String, String)>,
}

/// Builds a [`FacetTable`] one document at a time, so no caller holds every document's facets.
#[derive(Debug)]
pub(crate) struct FacetTableBuilder {
    table: FacetTable,
    /// Lower-cased value -> id for each key slot, so building is not quadratic in values.
    ids_by_value: Vec<BTreeMap<String, u32>>,
}

impl FacetTableBuilder {
    pub fn new() -> Self {
        let slots = FacetKey::ALL.len();
        FacetTableBuilder {
            table: FacetTable {
                values: vec![Vec::new(); slots],
                lowered: vec![Vec::new(); slots],
                doc_starts: vec![vec![0]; slots],
                doc_ids: vec![Vec::new(); slots],
                aliases: vec![Vec::new(); slots],
                other_names: Vec::new(),
            },
            ids_by_value: vec![BTreeMap::new(); slots],
        }
    }

    /// Adds the next document's values. Duplicates within the document (ignoring case) count
    /// once; blank values are ignored.
    pub fn add_doc<'a>(&mut self, facets: impl IntoIterator<Item = (FacetKey, &'a str)>) {
        let table = &mut self.table;
        for (key, value) in facets {
            let slot = key.slot();
            let (Some(dict), Some(lowered), Some(known), Some(ids), Some(starts)) = (
                table.values.get_mut(slot),
                table.lowered.get_mut(slot),
                self.ids_by_value.get_mut(slot),
                table.doc_ids.get_mut(slot),
                table.doc_starts.get(slot),
            ) else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let low = comparable(value);
            let next_id = u32::try_from(dict.len()).unwrap_or(u32::MAX);
            let id = *known.entry(low.clone()).or_insert_with(|| {
                dict.push(value.to_string());
                lowered.push(low);
                next_id
            });
            let row_start = starts.last().map_or(0, |&start| start as usize);
            if !ids.get(row_start..).unwrap_or(&[]).contains(&id) {
                ids.push(id);
            }
        }
        for (starts, ids) in table.doc_starts.iter_mut().zip(&table.doc_ids) {
            starts.push(u32::try_from(ids.len()).unwrap_or(u32::MAX));
        }
    }

    pub fn finish(mut self) -> FacetTable {
        for ids in &mut self.table.doc_ids {
            ids.shrink_to_fit();
        }
        self.table
    }
}

impl FacetTable {
    /// Value ids of one document under one key.
    pub fn doc_values(&self, doc: u32, key: FacetKey) -> &[u32] {
        let (Some(starts), Some(ids)) = (
            self.doc_starts.get(key.slot()),
            self.doc_ids.get(key.slot()),
        ) else {
            return &[];
        };
        let doc = doc as usize;
        match (starts.get(doc), starts.get(doc + 1)) {
            (Some(&start), Some(&end)) => ids.get(start as usize..end as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Ids of the values of `key` equal (ignoring case) to any of `wanted`.
    pub fn lookup(&self, key: FacetKey, wanted: &[String]) -> Vec<u32> {
        let Some(lowered) = self.lowered.get(key.slot()) else {
            return Vec::new();
        };
        let wanted: Vec<String> = wanted.iter().map(|w| comparable(w.trim())).collect();
        lowered
            .iter()
            .enumerate()
            .filter(|(_, v)| wanted.contains(v))
            .filter_map(|(id, _)| u32::try_from(id).ok())
            .collect()
    }

    /// Gives values other names: each `(key, alias, name)` makes `alias` (an acronym the corpus
    /// uses) another name of the value `name` of `key`; nothing when `name` is no value of `key`.
    /// One pass over each key's values, however many aliases (a large corpus has thousands).
    pub fn add_aliases<'a>(
        &mut self,
        aliases: impl IntoIterator<Item = (FacetKey, &'a str, &'a str)>,
    ) {
        // Each key's values in text order, so an alias finds its value by a binary search (the
        // shared sort, not a map: every map type costs the page kilobytes of wasm).
        let sorted: Vec<Vec<usize>> = self
            .lowered
            .iter()
            .map(|values| {
                crate::sorted_positions(values.len(), &|a, b| values.get(a).cmp(&values.get(b)))
            })
            .collect();
        for (key, alias, name) in aliases {
            let slot = key.slot();
            let (Some(values), Some(order), Some(aliases)) = (
                self.lowered.get(slot),
                sorted.get(slot),
                self.aliases.get_mut(slot),
            ) else {
                continue;
            };
            let name = comparable(name.trim());
            let at = order.partition_point(|&i| values.get(i).is_some_and(|v| *v < name));
            let found = order.get(at).filter(|&&i| values.get(i) == Some(&name));
            if let Some(Ok(id)) = found.map(|&i| u32::try_from(i)) {
                aliases.push((comparable(alias.trim()), id));
            }
        }
        self.other_names = self
            .aliases
            .iter()
            .zip(&self.lowered)
            .flat_map(|(aliases, values)| {
                aliases.iter().filter_map(|(alias, id)| {
                    let name = values.get(*id as usize)?;
                    Some((name.clone(), alias.clone()))
                })
            })
            .collect();
        crate::sort_shared(&mut self.other_names, &|a, b| a.cmp(b));
        self.other_names.dedup();
    }

    /// Whether any name has another (none without the entity report: the BEIR evaluation).
    pub fn has_other_names(&self) -> bool {
        !self.other_names.is_empty()
    }

    /// The other names of the entity named `name` ("un" for "United Nations"; any case).
    pub fn other_names_of(&self, name: &str) -> impl Iterator<Item = &str> {
        let name = comparable(name);
        let start = self.other_names.partition_point(|(n, _)| *n < name);
        self.other_names
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(n, _)| *n == name)
            .map(|(_, alias)| alias.as_str())
    }

    /// The whole name (as compared) of the entity `alias` is another name of ("united nations"
    /// for "UN"; any case).
    pub fn name_of_other(&self, alias: &str) -> Option<&str> {
        let alias = comparable(alias);
        self.other_names
            .iter()
            .find(|(_, other)| *other == alias)
            .map(|(name, _)| name.as_str())
    }

    /// Ids of the values of `key` holding `typed`'s words in a row, ignoring case: a typed
    /// `person:modi` means "Narendra Modi", and `topic:kashmir` the topic "India, treaty,
    /// Kashmir". A whole value is one such row, so a full name still finds just its value; so
    /// does a whole other name of it (`org:fia`). (The sidebar's filters name whole values:
    /// `lookup`.)
    pub fn lookup_words(&self, key: FacetKey, typed: &str) -> Vec<u32> {
        let Some(lowered) = self.lowered.get(key.slot()) else {
            return Vec::new();
        };
        let typed = comparable(typed);
        let wanted = words(&typed);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut ids: Vec<u32> = lowered
            .iter()
            .enumerate()
            .filter(|(_, value)| {
                words(value)
                    .windows(wanted.len())
                    .any(|row| row == wanted.as_slice())
            })
            .filter_map(|(id, _)| u32::try_from(id).ok())
            .collect();
        let typed = typed.trim();
        for (alias, id) in self.aliases.get(key.slot()).into_iter().flatten() {
            if alias == typed && !ids.contains(id) {
                ids.push(*id);
            }
        }
        ids
    }

    /// Whether `typed` is the whole name of a value of `key`, or another name of one (ignoring
    /// case).
    pub fn names_whole(&self, key: FacetKey, typed: &str) -> bool {
        let typed = comparable(typed.trim());
        let named = |values: Option<&Vec<String>>| values.is_some_and(|v| v.contains(&typed));
        named(self.lowered.get(key.slot()))
            || self
                .aliases
                .get(key.slot())
                .is_some_and(|aliases| aliases.iter().any(|(alias, _)| *alias == typed))
    }

    /// `typed`'s words (lower case) with each word no value of `key` has replaced by the
    /// nearest word one has, within `allowed(word length)` edits (the fewest edits, then the
    /// word the values use most, then the first alphabetically): `place:kashmr` -> "kashmir". None
    /// when a word has no such neighbour, nothing needed mending, or the mended words still
    /// name no value.
    pub fn mend_words(
        &self,
        key: FacetKey,
        typed: &str,
        allowed: impl Fn(usize) -> u32,
    ) -> Option<Vec<String>> {
        let lowered = self.lowered.get(key.slot())?;
        // Each word of the key's values, with how often the values use it.
        let mut known: BTreeMap<&str, usize> = BTreeMap::new();
        for word in lowered.iter().flat_map(|value| words(value)) {
            *known.entry(word).or_default() += 1;
        }
        let typed = comparable(typed);
        let mut mended = false;
        let mut out = Vec::new();
        for word in words(&typed) {
            if known.contains_key(word) {
                out.push(word.to_string());
                continue;
            }
            let limit = allowed(word.chars().count());
            let (_, _, nearest) = known
                .iter()
                // A letter alone ("e" of "Tehreek-e-Taliban", "s" of "People's") names nothing
                // one would look for: `org:EU` is not `org:E`.
                .filter(|(candidate, _)| candidate.chars().nth(1).is_some())
                .filter_map(|(candidate, values)| {
                    let distance = levenshtein(word, candidate);
                    (distance <= limit).then_some((distance, Reverse(*values), *candidate))
                })
                .min()?;
            out.push(nearest.to_string());
            mended = true;
        }
        let found = !self.lookup_words(key, &out.join(" ")).is_empty();
        (mended && found).then_some(out)
    }

    /// Display value of an id.
    pub fn value(&self, key: FacetKey, id: u32) -> Option<&str> {
        self.values
            .get(key.slot())
            .and_then(|values| values.get(id as usize))
            .map(String::as_str)
    }

    /// Number of distinct values under a key.
    pub fn value_count(&self, key: FacetKey) -> usize {
        self.values.get(key.slot()).map_or(0, Vec::len)
    }
}

/// The words of a facet value: its runs of letters and digits ("Noor-ul-Amin" is three).
pub(crate) fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// `text` as facet values are compared: in lower case, and spelt the British way where names
/// are spelt both ways, so `org:"organization of islamic cooperation"` finds the Organisation
/// of Islamic Cooperation and one value holds both spellings.
pub(crate) fn comparable(text: &str) -> String {
    let mut lowered = lowercase(text);
    for (american, british) in [
        ("ization", "isation"),
        ("center", "centre"),
        ("defense", "defence"),
    ] {
        if lowered.contains(american) {
            lowered = lowered.replace(american, british);
        }
    }
    lowered
}

/// `text` in lower case, character by character: `str::to_lowercase` (its final-sigma rule
/// aside, the same for facet values) is 4 kB of the page's wasm that nothing else needs.
fn lowercase(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entity_keys_are_the_keys_of_every_entity_kind() {
        assert_eq!(
            FacetKey::ENTITIES,
            EntityKind::ALL.map(FacetKey::of_entities)
        );
    }

    #[test]
    fn each_document_keeps_its_own_values_once_ignoring_case_and_blanks() {
        let mut builder = FacetTableBuilder::new();
        builder.add_doc([
            (FacetKey::Place, "Paris"),
            (FacetKey::Place, "paris "),
            (FacetKey::Person, "Macron"),
            (FacetKey::Place, "  "),
        ]);
        builder.add_doc([]);
        builder.add_doc([(FacetKey::Place, "PARIS"), (FacetKey::Place, "Lyon")]);
        let table = builder.finish();

        let paris = table.lookup(FacetKey::Place, &["paris".into()]);
        let lyon = table.lookup(FacetKey::Place, &["Lyon".into()]);
        assert_eq!((paris.len(), lyon.len()), (1, 1));
        assert_eq!(
            table.value(FacetKey::Place, paris[0]),
            Some("Paris"),
            "first spelling"
        );
        assert_eq!(table.doc_values(0, FacetKey::Place), paris.as_slice());
        assert_eq!(table.doc_values(0, FacetKey::Person).len(), 1);
        assert!(table.doc_values(1, FacetKey::Place).is_empty());
        assert_eq!(table.doc_values(2, FacetKey::Place), &[paris[0], lyon[0]]);
        assert!(table.doc_values(2, FacetKey::Person).is_empty());
        assert!(
            table.doc_values(3, FacetKey::Place).is_empty(),
            "past the last document"
        );
    }

    #[test]
    fn a_name_spelt_the_american_way_is_the_same_value() {
        let mut builder = FacetTableBuilder::new();
        builder.add_doc([(FacetKey::Org, "Organisation of Islamic Cooperation")]);
        builder.add_doc([(FacetKey::Org, "Organization of Islamic Cooperation")]);
        let table = builder.finish();
        let oic = table.lookup(
            FacetKey::Org,
            &["organisation of islamic cooperation".into()],
        );
        assert_eq!(oic.len(), 1, "one value for both spellings");
        assert_eq!(table.doc_values(1, FacetKey::Org), oic.as_slice());
        assert_eq!(
            table.lookup_words(FacetKey::Org, "Organization of Islamic"),
            oic
        );
        assert!(table.names_whole(FacetKey::Org, "ORGANIZATION OF ISLAMIC COOPERATION"));
    }

    #[test]
    fn typed_values_match_whole_words_in_a_row() {
        let mut builder = FacetTableBuilder::new();
        builder.add_doc([
            (FacetKey::Person, "Narendra Modi"),
            (FacetKey::Person, "Noor-ul-Amin Mengal"),
            (FacetKey::Person, "Modibo Keita"),
            (FacetKey::Topic, "India, treaty, Kashmir"),
        ]);
        let table = builder.finish();
        let names = |key, typed| -> Vec<&str> {
            table
                .lookup_words(key, typed)
                .into_iter()
                .filter_map(|id| table.value(key, id))
                .collect()
        };
        assert_eq!(
            names(FacetKey::Person, "modi"),
            ["Narendra Modi"],
            "a word, not a prefix"
        );
        assert_eq!(names(FacetKey::Person, "Narendra Modi"), ["Narendra Modi"]);
        assert!(
            names(FacetKey::Person, "Modi Narendra").is_empty(),
            "in a row, in order"
        );
        assert_eq!(names(FacetKey::Person, "ul amin"), ["Noor-ul-Amin Mengal"]);
        assert_eq!(
            names(FacetKey::Topic, "kashmir"),
            ["India, treaty, Kashmir"]
        );
        assert!(
            names(FacetKey::Person, " - ").is_empty(),
            "no words, no values"
        );
        assert!(names(FacetKey::Place, "modi").is_empty(), "another key");
    }
}
