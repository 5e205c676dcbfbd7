//! Entities: who and what each article mentions.
//!
//! People, organisations, places and countries come from a curated [`gazetteer`] plus
//! capitalised-phrase heuristics ([`phrases`]): titles and honorifics mark people and are
//! stripped from their names ("Major General (R) Hafeez Ur Rehman" -> "Hafeez Ur Rehman");
//! organisation head words ("Authority", "Ministry", ...) mark organisations; an acronym defined
//! in parentheses ("Pakistan Telecommunication Authority (PTA)") is linked to its expansion
//! corpus-wide; a bare surname ("Akram") is merged with the full name used in the same article
//! ("Munir Akram"). Capitalised phrases that fit none of these are not reported (precision
//! over recall: a facet full of "Global Points" helps nobody).

mod gazetteer;
mod phrases;

use crate::text::Text;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;
use crate::ingest::dates::is_calendar_name;
pub(crate) use phrases::is_acronym;
use phrases::{is_capitalised, is_connector, Phrase, Word};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Country,
}

impl EntityKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Place,
        EntityKind::Country,
    ];
}

/// One mention of an entity in an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into [`text_units`] of the article.
    pub unit: usize,
    /// Byte range of the mention (the name without title) in that unit.
    pub start: usize,
    pub end: usize,
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
}

/// An entity over the whole corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// Acronyms linked to this name, sorted.
    pub aliases: Vec<String>,
    /// Articles mentioning it.
    pub articles: usize,
    pub mentions: usize,
}

/// The facet values of one article: canonical names, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEntities {
    pub article: Text,
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    pub countries: Vec<String>,
}

impl ArticleEntities {
    /// The article's names of one kind, sorted.
    pub fn of_kind(&self, kind: EntityKind) -> &[String] {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Organisation => &self.orgs,
            EntityKind::Place => &self.places,
            EntityKind::Country => &self.countries,
        }
    }

    /// Every name of the article with its kind.
    fn all(&self) -> impl Iterator<Item = (EntityKind, &str)> {
        EntityKind::ALL
            .into_iter()
            .flat_map(move |kind| self.of_kind(kind).iter().map(move |n| (kind, n.as_str())))
    }
}

/// Two entities mentioned in the same articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoOccurrence {
    pub a: String,
    pub b: String,
    pub articles: usize,
}

/// An entity named in some of the articles that name another (see
/// [`EntityReport::named_with`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedAlongside {
    pub kind: EntityKind,
    pub name: String,
    /// Articles naming both.
    pub articles: usize,
}

/// What is named alongside one entity in a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alongside {
    /// Articles of the set naming the entity.
    pub articles: usize,
    /// Every other entity those articles name: most shared first, then by name, then kind.
    pub others: Vec<NamedAlongside>,
}

/// Entities of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityReport {
    /// Most widespread first (articles, then mentions, then name).
    pub entities: Vec<Entity>,
    /// One per article, in corpus order.
    pub articles: Vec<ArticleEntities>,
}

impl EntityReport {
    /// What is named alongside the entity `kind`/`name` in `articles` (indexes in corpus
    /// order; those not naming it are skipped, as are indexes past the end). Counted when asked
    /// rather than stored: any set of articles (the current matches) can be asked about, and no
    /// entity's list is cut short by a corpus-wide limit on stored pairs.
    pub fn named_with(
        &self,
        kind: EntityKind,
        name: &str,
        articles: impl IntoIterator<Item = usize>,
    ) -> Alongside {
        let mut naming = 0;
        let mut counts: BTreeMap<(EntityKind, &str), usize> = BTreeMap::new();
        for found in articles.into_iter().filter_map(|i| self.articles.get(i)) {
            if found
                .of_kind(kind)
                .binary_search_by(|n| n.as_str().cmp(name))
                .is_err()
            {
                continue;
            }
            naming += 1;
            for other in found.all().filter(|&other| other != (kind, name)) {
                *counts.entry(other).or_insert(0) += 1;
            }
        }
        let mut others: Vec<NamedAlongside> = counts
            .into_iter()
            .map(|((kind, name), articles)| NamedAlongside {
                kind,
                name: name.to_string(),
                articles,
            })
            .collect();
        // Stable, and the map gave them by kind then name: ties keep that order.
        crate::sort_shared(&mut others, &|x, y| {
            y.articles
                .cmp(&x.articles)
                .then_with(|| x.name.cmp(&y.name))
        });
        Alongside {
            articles: naming,
            others,
        }
    }

    /// Every pair of names sharing articles across the corpus (a name of two kinds counts
    /// once), each pair's names in order: most shared first, then by the names.
    pub fn pairs(&self) -> Vec<CoOccurrence> {
        let mut pairs: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for found in &self.articles {
            let names: BTreeSet<&str> = found.all().map(|(_, name)| name).collect();
            for (i, a) in names.iter().enumerate() {
                for b in names.iter().skip(i + 1) {
                    *pairs.entry((a, b)).or_insert(0) += 1;
                }
            }
        }
        let mut pairs: Vec<CoOccurrence> = pairs
            .into_iter()
            .map(|((a, b), articles)| CoOccurrence {
                a: a.to_string(),
                b: b.to_string(),
                articles,
            })
            .collect();
        // Stable, and the map gave them by names: ties keep that order.
        pairs.sort_by_key(|p| std::cmp::Reverse(p.articles));
        pairs
    }
}

/// The texts of an article that entities and quotations are read from, in reading order:
/// title, subtitle, summary bullets, body paragraphs, captions.
pub fn text_units(article: &Article) -> Vec<&str> {
    let mut units = vec![article.title.as_str()];
    units.extend(article.subtitle.as_deref());
    units.extend(article.summary.iter().map(Text::as_str));
    units.extend(article.body.iter().map(Text::as_str));
    units.extend(article.captions.iter().map(Text::as_str));
    units
}

/// Index in [`text_units`] of the first body paragraph.
pub fn first_body_unit(article: &Article) -> usize {
    1 + usize::from(article.subtitle.is_some()) + article.summary.len()
}

/// What the gazetteer knows `name`, as written, as: a dateline's capitals that name an
/// organisation are an acronym, not a place ("NATO:"), and the country a dateline writes after
/// its city is part of the place ("ANTWERP, Belgium").
pub(crate) fn gazetteer_kind(name: &str) -> Option<EntityKind> {
    gazetteer::lookup(name).map(|known| known.kind)
}

/// The place a dateline names ("Islamabad", "New York"), as the gazetteer names it when it knows
/// it; none when the gazetteer knows it as something else than a place or country ("United
/// Nations" files from New York). `city` is the part before it and a comma ("Atlanta" before
/// "Georgia", the state).
fn dateline_place(city: &str, dateline: &str) -> Option<(EntityKind, String)> {
    let place = dateline.trim();
    if place.is_empty() {
        return None;
    }
    if is_us_state_after(city.trim(), place) {
        return Some((EntityKind::Place, place.to_string()));
    }
    match gazetteer::lookup(place) {
        Some(known) if matches!(known.kind, EntityKind::Place | EntityKind::Country) => {
            Some((known.kind, known.name.to_string()))
        }
        Some(_) => None,
        None => Some((EntityKind::Place, place.to_string())),
    }
}

/// The places of an article's dateline: "Islamabad/New Delhi" both, "Antwerp, Belgium" Antwerp
/// and Belgium.
fn dateline_places(article: &Article) -> impl Iterator<Item = (EntityKind, String)> + '_ {
    article
        .dateline
        .iter()
        .flat_map(|dateline| dateline.split('/'))
        .flat_map(|place| {
            let mut city = "";
            place.split(',').filter_map(move |part| {
                let found = dateline_place(city, part);
                city = part;
                found
            })
        })
}

/// Whether `name`, a place the gazetteer does not know, is written as a place's name can be:
/// capitalised words, none a month, a day, a title or a word like "The".
fn could_be_place(name: &str) -> bool {
    name.split(' ').all(|word| {
        is_capitalised(word)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_calendar_name(word)
            && !is_title(word)
            && !NOT_NAMES.contains(&word)
    })
}

/// Words that make a phrase an organisation. ("Power" and "Energy" are not among them: they
/// are portfolios, "Minister for Power Awais Leghari".)
const ORGANISATION_HEADS: &[&str] = &[
    "Agency",
    "Airlines",
    "Airways",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Cabinet",
    "Center",
    "Centre",
    "Chamber",
    "Chambers",
    "Club",
    "Commission",
    "Committee",
    "Company",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Directorate",
    "Division",
    "Federation",
    "Force",
    "Forces",
    "Forum",
    "Foundation",
    "Fund",
    "Group",
    "Holdings",
    "Hydro",
    "Inc",
    "Industries",
    "Institute",
    "Insurance",
    "Limited",
    "Ltd",
    "Ministry",
    "Motors",
    "Movement",
    "Network",
    "News",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Partners",
    "Party",
    "Pharmaceuticals",
    "Police",
    "Railways",
    "Secretariat",
    "Senate",
    "Society",
    "Systems",
    "Team",
    "Telecom",
    "Trust",
    "Union",
    "University",
    "Utilities",
    "Wing",
];

/// Plural groups of people, which a name goes on from with "of" ("Residents of the Orla
/// River") and which are no part of it.
const GROUPS: &[&str] = &[
    "Citizens",
    "Families",
    "Farmers",
    "Members",
    "People",
    "Residents",
    "Supporters",
    "Voters",
    "Workers",
];

/// Events of an organisation ("Session of the UN General Assembly").
const EVENTS: &[&str] = &[
    "Conference",
    "Conferences",
    "Meeting",
    "Meetings",
    "Session",
    "Sessions",
    "Summit",
    "Summits",
];

/// Last words that make an acronym's expansion a thing, not an organisation.
const NOT_ORGANISATION_TAILS: &[&str] = &[
    "Accord",
    "Act",
    "Agreement",
    "Charter",
    "Convention",
    "Declaration",
    "Facility",
    "Index",
    "Law",
    "Measures",
    "Protocol",
    "Resolution",
    "Technologies",
    "Technology",
    "Treaty",
];

/// Titles and honorifics: mark a person, never part of the name.
const TITLES: &[&str] = &[
    "Additional",
    "Admiral",
    "Adviser",
    "Advisor",
    "Ambassador",
    "Assistant",
    "Barrister",
    "Brigadier",
    "Captain",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chancellor",
    "Chief",
    "Col",
    "Colonel",
    "Commissioner",
    "Coordinator",
    "Defence",
    "Defense",
    "Deputy",
    "Director",
    "Dr",
    "Envoy",
    "Executive",
    "Finance",
    "Foreign",
    "General",
    "Gen",
    "Governor",
    "H.E",
    "Home",
    "Imam",
    "Inspector",
    "Interior",
    "Judge",
    "Justice",
    "King",
    "Lieutenant",
    "Lord",
    "Lt",
    "Major",
    "Maulana",
    "Mayor",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Mufti",
    "Officer",
    "Permanent",
    "Pope",
    "President",
    "Prime",
    "Prince",
    "Prof",
    "Professor",
    "Queen",
    "Representative",
    "Secretary",
    "Sen",
    "Senator",
    "Senior",
    "Sheikh",
    "Sir",
    "Speaker",
    "Special",
    "Spokesman",
    "Spokesperson",
    "State",
    "Vice",
];

/// Portfolio words between a title and a name ("Minister for Power Awais Leghari").
const PORTFOLIOS: &[&str] = &[
    "Affairs",
    "Commerce",
    "Communications",
    "Defence",
    "Defense",
    "Development",
    "Education",
    "Energy",
    "Finance",
    "Health",
    "Information",
    "Interior",
    "Justice",
    "Law",
    "Planning",
    "Power",
    "State",
    "Technology",
    "Water",
];

/// Capitalised words that are never part of a person's name.
const NOT_NAMES: &[&str] = &[
    "Act",
    "Agreement",
    "Bond",
    "Convention",
    "Facility",
    "Index",
    "Law",
    "Measures",
    "Technologies",
    "Technology",
    "Treaty",
    // What a government is, not whose: "the Federal government".
    "Caretaker",
    "Central",
    "Coalition",
    "Federal",
    "Interim",
    "Military",
    "National",
    "Provincial",
    "Transitional",
    "A",
    "An",
    "As",
    "At",
    "But",
    "By",
    "During",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "However",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Most",
    "Of",
    "On",
    "She",
    "Some",
    "The",
    "Their",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "Under",
    "We",
    "When",
    "While",
    "With",
];

/// Reporting verbs of the quotations ("according" with its "to").
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "according",
    "added",
    "adds",
    "announced",
    "argued",
    "asked",
    "declared",
    "emphasised",
    "emphasized",
    "explained",
    "informed",
    "insisted",
    "maintained",
    "noted",
    "recalled",
    "remarked",
    "replied",
    "said",
    "saying",
    "says",
    "stated",
    "stressed",
    "tells",
    "told",
    "warned",
    "warns",
    "wrote",
];

/// Reporting verbs that prove the phrase before them is a speaker.
const SPEECH_AFTER: &[&str] = &[
    " said",
    " says",
    " told",
    " added",
    " stated",
    " wrote",
    " informed",
    " noted",
    " maintained",
    " argued",
    " explained",
];

pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

pub(crate) fn is_organisation_head(word: &str) -> bool {
    ORGANISATION_HEADS.contains(&word)
}

fn joined<'a>(unit: &'a str, words: &[Word<'_>]) -> &'a str {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => unit.get(first.start..last.end).unwrap_or(""),
        _ => "",
    }
}

/// What the whole corpus teaches about its names, for reading each article.
#[derive(Debug, Clone, Default)]
pub struct EntityExtractor {
    /// Acronym -> (canonical name, kind), learnt from "Expansion (ACR)".
    acronyms: BTreeMap<String, (String, EntityKind)>,
    /// Full names some article names as a person's (a title, "said"), sorted: a person wherever
    /// they stand, as in a note that says only "Narendra Modi chaired the cabinet". (A sorted
    /// list, not a set: the page builds it, and a set's code cost it 2 kB.)
    people: Vec<String>,
    /// Places the gazetteer does not know that some article's dateline names ("KARSBY, May 14
    /// (Reuters)"), sorted: a place wherever a phrase names just it ("life in Karsby").
    places: Vec<String>,
}

impl EntityExtractor {
    /// Learns the corpus's acronym definitions (the first definition of an acronym wins) and
    /// its people's full names.
    pub fn new(articles: &[Article]) -> Self {
        let mut extractor = EntityExtractor::default();
        let analyzer = Analyzer::default();
        let mut people = BTreeSet::new();
        let mut places = BTreeSet::new();
        for article in articles {
            places.extend(
                dateline_places(article)
                    .filter(|(kind, name)| {
                        *kind == EntityKind::Place
                            && gazetteer::lookup(name).is_none()
                            && could_be_place(name)
                    })
                    .map(|(_, name)| name),
            );
            let blanked: Vec<String> = text_units(article)
                .iter()
                .map(|unit| phrases::blank_suffixes(unit))
                .collect();
            let unit_phrases: Vec<Vec<Phrase<'_>>> = blanked
                .iter()
                .map(|unit| phrases::phrases(&analyzer, unit))
                .collect();
            for (unit, phrases) in blanked.iter().zip(&unit_phrases) {
                for phrase in phrases {
                    if let Some((acronym, name, kind)) = acronym_definition(unit, phrase) {
                        extractor.acronyms.entry(acronym).or_insert((name, kind));
                    }
                }
            }
            let named = extractor.people_of(&blanked, &unit_phrases).full_names;
            people.extend(named.into_iter().filter(|name| name.contains(' ')));
        }
        extractor.people = people.into_iter().collect();
        extractor.places = places.into_iter().collect();
        extractor
    }

    /// The extractor a report was made with, rebuilt from it: every learnt acronym is listed as
    /// an alias of the entity it names, every full name of a person as a person. Far cheaper
    /// than [`EntityExtractor::new`], which reads the whole corpus; the page builds its
    /// reader's highlighter this way from the bundle.
    pub fn from_report(report: &EntityReport) -> Self {
        let acronyms = report
            .entities
            .iter()
            .flat_map(|entity| {
                entity
                    .aliases
                    .iter()
                    .map(|alias| (alias.clone(), (entity.name.clone(), entity.kind)))
            })
            .collect();
        let (mut people, mut places) = (Vec::new(), Vec::new());
        for entity in &report.entities {
            if entity.kind == EntityKind::Person && entity.name.contains(' ') {
                people.push(entity.name.clone());
            }
            // Any the report lists: those found by a rule of their own are found again by it.
            if entity.kind == EntityKind::Place
                && gazetteer::lookup(&entity.name).is_none()
                && could_be_place(&entity.name)
            {
                places.push(entity.name.clone());
            }
        }
        crate::sort_shared(&mut people, &|a, b| a.cmp(b));
        crate::sort_shared(&mut places, &|a, b| a.cmp(b));
        EntityExtractor {
            acronyms,
            people,
            places,
        }
    }

    /// Every entity mention of one article, in reading order.
    pub fn mentions(&self, article: &Article) -> Vec<Mention> {
        let units = text_units(article);
        let analyzer = Analyzer::default();
        let blanked: Vec<String> = units.iter().map(|u| phrases::blank_suffixes(u)).collect();
        let unit_phrases: Vec<Vec<Phrase<'_>>> = blanked
            .iter()
            .map(|u| phrases::phrases(&analyzer, u))
            .collect();
        let people = self.people_of(&blanked, &unit_phrases);
        let mut mentions = Vec::new();
        for (unit, phrases) in unit_phrases.iter().enumerate() {
            let text = blanked.get(unit).map_or("", String::as_str);
            for phrase in phrases {
                self.classify(text, unit, phrase, &people, &mut mentions);
            }
        }
        merge_short_forms(&mut mentions);
        mentions
    }

    /// Full names of the people of an article, and surname -> full name where unambiguous.
    fn people_of(&self, units: &[String], unit_phrases: &[Vec<Phrase<'_>>]) -> People {
        let mut full_names: BTreeSet<String> = BTreeSet::new();
        let mut single_words: BTreeSet<&str> = BTreeSet::new();
        // (name, last word)
        let mut candidates: Vec<(String, String)> = Vec::new();
        // One word before "administration" or "government": whom it is named after.
        let mut leaders: Vec<&str> = Vec::new();
        for (text, phrases) in units.iter().zip(unit_phrases) {
            for phrase in phrases {
                let splits: Vec<TitleSplit<'_, '_>> = titled_halves(&phrase.words)
                    .filter_map(|words| title_split(text, words))
                    .collect();
                for split in &splits {
                    let name = joined(text, split.name);
                    if split.name.len() >= 2 {
                        full_names.insert(name.to_string());
                    } else {
                        single_words.insert(name);
                    }
                }
                if !splits.is_empty() {
                    continue;
                }
                // "The Trump administration": a capital after "The" is a name's.
                let after_the = strip_leading_the(&phrase.words);
                if let [only] = after_the {
                    let after = text.get(only.end..).unwrap_or("");
                    let opens_sentence =
                        phrase.sentence_initial && after_the.len() == phrase.words.len();
                    if names_a_government(after) && !opens_sentence && could_be_name(after_the) {
                        leaders.push(only.text);
                    }
                }
                if let [only] = phrase.words.as_slice() {
                    single_words.insert(only.text);
                    continue;
                }
                if could_be_name(&phrase.words) {
                    let name = joined(text, &phrase.words);
                    let before = text
                        .get(..phrase.words.first().map_or(0, |w| w.start))
                        .unwrap_or("");
                    let after = text
                        .get(phrase.words.last().map_or(0, |w| w.end)..)
                        .unwrap_or("");
                    let last = phrase.words.last().map_or("", |w| w.text);
                    // "the Salar de Atacama, the world's largest salt flat": a name written
                    // after "the" is a place's or a thing's, whatever follows it, unless
                    // a government or an adjective is made of it ("the Shehbaz Sharif
                    // government", "the Imran Khan-led party").
                    let written_after_the =
                        word_before(before) == Some("the") && !after.starts_with('-');
                    if names_a_government(after)
                        || (!written_after_the
                            && (has_person_context(after)
                                || is_quoted_speaker(before, after)
                                || is_agent(before)
                                || has_role_before(before)
                                || self
                                    .people
                                    .binary_search_by(|p| p.as_str().cmp(name))
                                    .is_ok()))
                    {
                        full_names.insert(name.to_string());
                    } else if !written_after_the {
                        candidates.push((name.to_string(), last.to_string()));
                    }
                }
            }
        }
        // A name whose surname is also used alone in the article is a person.
        for (name, last) in candidates {
            if single_words.contains(last.as_str()) {
                full_names.insert(name);
            }
        }
        let mut by_surname: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for name in &full_names {
            if let Some(last) = name.split([' ', '-']).next_back() {
                by_surname
                    .entry(last.to_string())
                    .or_default()
                    .push(name.clone());
            }
        }
        // "The Trump administration": the person Trump, unless a full name says who.
        for leader in leaders {
            if !by_surname.contains_key(leader) {
                full_names.insert(leader.to_string());
            }
        }
        People {
            full_names,
            by_surname: by_surname
                .into_iter()
                .filter_map(|(last, names)| match names.as_slice() {
                    [one] => Some((last, one.clone())),
                    _ => None,
                })
                .collect(),
        }
    }

    fn classify(
        &self,
        text: &str,
        unit: usize,
        phrase: &Phrase<'_>,
        people: &People,
        out: &mut Vec<Mention>,
    ) {
        for words in titled_halves(&phrase.words) {
            self.classify_words(text, unit, words, people, out);
        }
    }

    fn classify_words(
        &self,
        text: &str,
        unit: usize,
        words: &[Word<'_>],
        people: &People,
        out: &mut Vec<Mention>,
    ) {
        if let Some(split) = title_split(text, words) {
            self.classify_plain(text, unit, split.before, people, out);
            self.classify_plain(text, unit, trim_connectors(split.between), people, out);
            let name = joined(text, split.name);
            let canonical = people.resolve(name).unwrap_or(name).to_string();
            push(out, unit, split.name, canonical, EntityKind::Person);
            self.classify_plain(text, unit, trim_connectors(split.after), people, out);
            return;
        }
        self.classify_plain(text, unit, words, people, out);
    }

    /// A phrase without a title: each part of it between hyphens that join two known
    /// organisations ("IMF-World Bank Spring Meetings" names the IMF and the World Bank).
    fn classify_plain(
        &self,
        text: &str,
        unit: usize,
        words: &[Word<'_>],
        people: &People,
        out: &mut Vec<Mention>,
    ) {
        let words = strip_leading_the(words);
        // "Residents of the Orla River" name the river, not a place of their own; "Friends of
        // the Orla River" are a campaign, as "Friends of the Earth" is.
        if let [group, of, rest @ ..] = words {
            if of.text == "of" && !rest.is_empty() {
                if group.text == "Friends" {
                    let name = organisation_name(joined(text, words));
                    push(out, unit, words, name, EntityKind::Organisation);
                    return;
                }
                if GROUPS.contains(&group.text) {
                    self.classify_plain(text, unit, trim_connectors(rest), people, out);
                    return;
                }
            }
        }
        if let Some((person, organisation)) = person_of_organisation(words) {
            self.classify_part(text, unit, person, people, out);
            self.classify_plain(text, unit, organisation, people, out);
            return;
        }
        let mut part_start = 0;
        for cut in (1..words.len()).filter(|&at| self.joins_organisations(text, words, at)) {
            let part = words.get(part_start..cut).unwrap_or_default();
            self.classify_part(text, unit, part, people, out);
            part_start = cut;
        }
        let last_part = words.get(part_start..).unwrap_or_default();
        self.classify_part(text, unit, last_part, people, out);
    }

    /// Whether a hyphen comes before `words[at]` with a known organisation ending right before
    /// it and another starting right after it.
    fn joins_organisations(&self, text: &str, words: &[Word<'_>], at: usize) -> bool {
        let before = at.checked_sub(1).and_then(|i| words.get(i));
        let (Some(before), Some(after)) = (before, words.get(at)) else {
            return false;
        };
        if text.get(before.end..after.start) != Some("-") {
            return false;
        }
        let lengths = 1..=gazetteer::MAX_NAME_WORDS;
        let ends_before = lengths.clone().any(|length| {
            at.checked_sub(length)
                .and_then(|start| words.get(start..at))
                .is_some_and(|name| self.is_known_organisation(joined(text, name)))
        });
        ends_before
            && lengths.into_iter().any(|length| {
                words
                    .get(at..at + length)
                    .is_some_and(|name| self.is_known_organisation(joined(text, name)))
            })
    }

    /// The name of an organisation `name` (at `words`), with its owner when the text gives it
    /// as an organisation's: "the FIA's Research Wing" is the FIA Research Wing, not any.
    fn unit_name(&self, text: &str, words: &[Word<'_>], name: &str) -> String {
        let before = text
            .get(..words.first().map_or(0, |w| w.start))
            .unwrap_or("");
        let owner = ["'s ", "\u{2019}s "]
            .iter()
            .find_map(|possessive| before.strip_suffix(possessive))
            .and_then(|rest| rest.rsplit(|c: char| !c.is_alphanumeric()).next())
            .filter(|owner| !owner.is_empty() && self.is_known_organisation(owner));
        match owner {
            Some(owner) => format!("{owner} {}", organisation_name(name)),
            None => organisation_name(name),
        }
    }

    /// An organisation of the gazetteer or an acronym defined in the corpus.
    fn is_known_organisation(&self, name: &str) -> bool {
        gazetteer_kind(name) == Some(EntityKind::Organisation)
            || self
                .acronyms
                .get(name)
                .is_some_and(|(_, kind)| *kind == EntityKind::Organisation)
    }

    /// A part of a phrase without a title.
    fn classify_part(
        &self,
        text: &str,
        unit: usize,
        words: &[Word<'_>],
        people: &People,
        out: &mut Vec<Mention>,
    ) {
        if words.is_empty() {
            return;
        }
        let whole = joined(text, words);
        if let Some(known) = gazetteer::lookup(whole) {
            let known = known_here(text, words, words, known);
            if !names_a_language(text, words, known) {
                push(out, unit, words, known.name.to_string(), known.kind);
            }
            return;
        }
        if let [only] = words {
            if is_acronym(only.text) {
                let key = only.text.strip_suffix('s').unwrap_or(only.text);
                if let Some((name, kind)) = self
                    .acronyms
                    .get(key)
                    .or_else(|| self.acronyms.get(only.text))
                {
                    push(out, unit, words, name.clone(), *kind);
                }
                return;
            }
        }
        if let Some(organisation) = organisation_span(words) {
            let name = joined(text, organisation);
            let canonical = gazetteer::lookup(name)
                .or_else(|| known_company(text, organisation))
                .map_or_else(
                    || self.unit_name(text, organisation, name),
                    |known| known.name.to_string(),
                );
            push(out, unit, organisation, canonical, EntityKind::Organisation);
            return;
        }
        if people.full_names.contains(whole) {
            push(out, unit, words, whole.to_string(), EntityKind::Person);
            return;
        }
        if let Some(full) = people.resolve_surname(whole) {
            push(out, unit, words, full.to_string(), EntityKind::Person);
            return;
        }
        if self
            .places
            .binary_search_by(|p| p.as_str().cmp(whole))
            .is_ok()
        {
            push(out, unit, words, whole.to_string(), EntityKind::Place);
            return;
        }
        // After the people: "Ricki Lake said" is a person.
        if is_named_feature(text, words) {
            push(out, unit, words, whole.to_string(), EntityKind::Place);
            return;
        }
        // Otherwise: any gazetteer names inside ("The Pakistani", "India Pakistan"), but not
        // one that a capitalised word goes on from in a sentence: then the phrase is the name
        // of something else ("the Paris Call", "told Pakistan Forward", "the EU DisinfoLab
        // report"), named after a place or a body as organisations are: that organisation
        // (a place, when it ends as places do: "Islamabad Capital Territory"). A headline
        // capitalises every word ("Pakistan Slams India"), and a people's adjective still
        // says where ("Afghan Taliban").
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            for length in (1..=gazetteer::MAX_NAME_WORDS.min(words.len() - i)).rev() {
                let Some(slice) = words.get(i..i + length) else {
                    continue;
                };
                let form = joined(text, slice);
                if let Some(known) = gazetteer::lookup(form) {
                    let known = known_here(text, words, slice, known);
                    if gazetteer::is_also_a_person_s_name(form) && reads_as_a_person(text, words) {
                        // "Jordan Bardella", "Chad Smith": a person's name, not the country.
                        matched = length;
                        break;
                    }
                    if names_a_language(text, slice, known) {
                        matched = length;
                        break;
                    }
                    let adjective = form != known.name && !is_acronym(form);
                    let goes_on = words
                        .get(i + length..)
                        .is_some_and(|rest| goes_on_as_another_name(text, slice, rest));
                    // The headline check reads the whole text: only asked when it decides.
                    if !(goes_on && !adjective && !is_headline_case(text)) {
                        push(out, unit, slice, known.name.to_string(), known.kind);
                    } else if let Some(name) = words.get(i..).filter(|_| {
                        i == 0 || words.get(i - 1).is_some_and(|w| is_connector(w.text))
                    }) {
                        // The phrase's start ("the Paris Call"), or after "of the"
                        // ("Supporters of the Paris Call").
                        self.classify_going_on(text, unit, name, length, known, out);
                        return;
                    }
                    matched = length;
                    break;
                }
            }
            i += matched.max(1);
        }
    }

    /// A phrase that goes on from the gazetteer name in its first `known_words` words as the
    /// name of something else: the company's full name ("Huawei Technologies" is Huawei), a
    /// place ("Islamabad Capital Territory", "the Amazon River"), an organisation named after a place or a body
    /// ("Pakistan Forward", "EU DisinfoLab", "Paris Call"), or a document or an event, which
    /// is nothing here ("UN Charter", "UN Summit").
    fn classify_going_on(
        &self,
        text: &str,
        unit: usize,
        words: &[Word<'_>],
        known_words: usize,
        known: gazetteer::Known,
        out: &mut Vec<Mention>,
    ) {
        let Some(last) = words.last() else {
            return;
        };
        let rest = words.get(known_words..).unwrap_or_default();
        if known.kind == EntityKind::Organisation && is_company_rest(text, rest) {
            push(out, unit, words, known.name.to_string(), known.kind);
        } else if PLACE_WORDS.contains(&last.text) || FEATURE_HEADS.contains(&last.text) {
            push(
                out,
                unit,
                words,
                joined(text, words).to_string(),
                EntityKind::Place,
            );
        } else if !NOT_ORGANISATION_TAILS.contains(&last.text) && !EVENTS.contains(&last.text) {
            let name = organisation_name(joined(text, words));
            push(out, unit, words, name, EntityKind::Organisation);
        }
    }
}

/// Whether `rest`, the words after a company's name, make its full name: "Technologies", or
/// that and a country, the company's arm there ("Huawei Technologies Pakistan"). A name and a
/// country alone may be two names ("EU Pakistan summit").
fn is_company_rest(text: &str, rest: &[Word<'_>]) -> bool {
    let suffixes = rest
        .iter()
        .take_while(|w| COMPANY_SUFFIXES.contains(&w.text))
        .count();
    match rest.get(suffixes..) {
        None | Some([]) => true,
        Some(country) => {
            suffixes > 0
                && gazetteer::lookup(joined(text, country))
                    .is_some_and(|known| known.kind == EntityKind::Country)
        }
    }
}

/// The known company whose full name `words` are ("Huawei Ltd" is Huawei).
fn known_company(text: &str, words: &[Word<'_>]) -> Option<gazetteer::Known> {
    (1..words.len()).find_map(|at| {
        let (name, rest) = words.split_at(at);
        gazetteer::lookup(joined(text, name))
            .filter(|known| known.kind == EntityKind::Organisation && is_company_rest(text, rest))
    })
}

/// Words after a company's name in its full name ("Huawei Technologies").
const COMPANY_SUFFIXES: &[&str] = &[
    "Co",
    "Company",
    "Corp",
    "Corporation",
    "Group",
    "Inc",
    "Limited",
    "Ltd",
    "Technologies",
    "Technology",
];

/// Last words of the names of rivers, seas and the like: "Indus River", "Arabian Sea".
const FEATURE_HEADS: &[&str] = &[
    "Desert",
    "Glacier",
    "Gulf",
    "Island",
    "Islands",
    "Lake",
    "Mountains",
    "Ocean",
    "River",
    "Sea",
    "Strait",
    "Valley",
];

/// First words of the names of features: "Mount Everest", "Salar de Atacama".
const FEATURE_FIRST_WORDS: &[&str] = &["Cape", "Lake", "Mount", "Salar"];

/// A capitalised name ending in a feature's head word, or opening with one: a place ("the
/// Indus River", "the South China Sea", "Salar de Atacama"); not a known place's ("the Swat
/// Valley" is Swat).
fn is_named_feature(text: &str, words: &[Word<'_>]) -> bool {
    let [first, named @ .., last] = words else {
        return false;
    };
    let before_head = words.get(..=named.len()).unwrap_or_default();
    (FEATURE_FIRST_WORDS.contains(&first.text)
        || (FEATURE_HEADS.contains(&last.text)
            && gazetteer::lookup(joined(text, before_head)).is_none()))
        && is_capitalised(first.text)
        && !is_title(first.text)
        && words
            .iter()
            .all(|w| is_connector(w.text) || (is_capitalised(w.text) && !is_acronym(w.text)))
}

/// What the gazetteer name at `words`, in the phrase `phrase`, names where it is written: a US
/// state after a city ("Atlanta, Georgia,"), though a country has the name too; a place, not
/// the company, in a phrase written after "the" ("the Amazon rainforest", "the Brazilian
/// Amazon"; "Amazon said" is the company).
fn known_here(
    text: &str,
    phrase: &[Word<'_>],
    words: &[Word<'_>],
    known: gazetteer::Known,
) -> gazetteer::Known {
    let (Some(phrase_first), Some(first), Some(last)) =
        (phrase.first(), words.first(), words.last())
    else {
        return known;
    };
    let as_place = gazetteer::Known {
        kind: EntityKind::Place,
        ..known
    };
    let written = joined(text, words);
    let before_phrase = text.get(..phrase_first.start).unwrap_or("");
    // "the Amazon founder", "the Amazon boss": the company's people.
    let word_after = text
        .get(last.end..)
        .and_then(|after| after.strip_prefix(' '))
        .and_then(|after| after.split(|c: char| !c.is_alphabetic()).next());
    if gazetteer::is_also_a_place_s_name(written)
        && matches!(word_before(before_phrase), Some("the" | "The"))
        && !word_after.is_some_and(|word| COMPANY_PEOPLE.contains(&word))
    {
        return as_place;
    }
    let city = text
        .get(..first.start)
        .and_then(|before| before.strip_suffix(", "))
        .and_then(|before| before.rsplit(' ').next())
        .unwrap_or("");
    // As an address writes it: the state ends its clause ("in Atlanta, Georgia, on Monday"),
    // unlike a list's country ("Armenia, Georgia and Azerbaijan").
    let ends_clause = text
        .get(last.end..)
        .is_some_and(|after| after.is_empty() || after.starts_with([',', '.', ';', ':', ')']));
    if known.name == written && ends_clause && is_us_state_after(city, known.name) {
        as_place
    } else {
        known
    }
}

/// Lower-case words after a name that make it a company's: "the Amazon founder".
const COMPANY_PEOPLE: &[&str] = &["boss", "chief", "executive", "founder", "shareholders"];

/// Whether `state` after `city` and a comma is the US state ("Atlanta, Georgia"): the city is
/// a name the gazetteer does not know (it lists the world's capitals: "Tbilisi, Georgia" is
/// the country's).
fn is_us_state_after(city: &str, state: &str) -> bool {
    let city = Word {
        text: city,
        start: 0,
        end: city.len(),
    };
    gazetteer::is_us_state(state) && could_be_name(&[city])
}

/// Words after a place's name in the same place: "Swat Valley", "Punjab Province".
const PLACE_WORDS: &[&str] = &[
    "City",
    "District",
    "Division",
    "Province",
    "Region",
    "Territory",
    "Valley",
];

/// True when `rest`, the words of a capitalised phrase after the gazetteer name `name`, make
/// that name part of another: they start, after a space, with a word that is no connector, no
/// place word and no start of another gazetteer name. After a hyphen the name stays itself
/// ("OIC-CERT" is the OIC's).
fn goes_on_as_another_name(text: &str, name: &[Word<'_>], rest: &[Word<'_>]) -> bool {
    let (Some(last), Some(next)) = (name.last(), rest.first()) else {
        return false;
    };
    if text.get(last.end..next.start) == Some("-") {
        return false;
    }
    let another_name = (1..=gazetteer::MAX_NAME_WORDS.min(rest.len())).any(|length| {
        rest.get(..length)
            .is_some_and(|slice| gazetteer::lookup(joined(text, slice)).is_some())
    });
    !is_connector(next.text) && !PLACE_WORDS.contains(&next.text) && !another_name
}

/// True when `words`, a phrase holding a gazetteer name that is also a person's, read as a
/// person's name: two or more name words, none saying "place" ("Jordan Valley", "Jordan
/// River"), in a sentence rather than a headline, which capitalises every word ("Jordan Opens
/// Border").
fn reads_as_a_person(text: &str, words: &[Word<'_>]) -> bool {
    words.len() >= 2
        && could_be_name(words)
        && !words
            .iter()
            .any(|w| PLACE_WORDS.contains(&w.text) || FEATURE_HEADS.contains(&w.text))
        && !is_headline_case(text)
}

/// True when `text` capitalises its words as a headline does: most words of four letters or
/// more ("Pakistan Slams India's Indus Treaty Suspension"), and no full stop at the end (a
/// sentence of names may capitalise most of its words too).
fn is_headline_case(text: &str) -> bool {
    if crate::ingest::text::ends_sentence(text) {
        return false;
    }
    let long_words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4);
    let (mut capitalised, mut all) = (0usize, 0usize);
    for word in long_words {
        all += 1;
        capitalised += usize::from(is_capitalised(word));
    }
    all >= 2 && capitalised * 10 >= all * 6
}

/// People of one article.
#[derive(Debug, Default)]
struct People {
    full_names: BTreeSet<String>,
    by_surname: BTreeMap<String, String>,
}

impl People {
    fn resolve_surname(&self, word: &str) -> Option<&str> {
        self.by_surname.get(word).map(String::as_str)
    }

    /// A full name as is, a surname as its full name.
    fn resolve<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        if self.full_names.contains(name) {
            Some(name)
        } else {
            self.resolve_surname(name)
        }
    }
}

/// Within one article, an organisation named by a short form of a longer name the article also
/// uses is the longer one: "Ad Hoc Committee" and "UN Ad Hoc Committee" beside "UN Ad Hoc
/// Intergovernmental Committee" are one committee. Only when every longer name the short form
/// fits is itself a form of the longest, and never for a short form with "of"/"for"/"on" in it
/// ("Bank of China" is not the People's Bank of China).
fn merge_short_forms(mentions: &mut [Mention]) {
    // A handful of names per article: lists, not maps (a `collect` into a BTreeMap or
    // BTreeSet would compile another stable sort into the page).
    let mut names: Vec<&str> = Vec::new();
    for mention in mentions.iter() {
        if mention.kind == EntityKind::Organisation && !names.contains(&mention.name.as_str()) {
            names.push(&mention.name);
        }
    }
    let word_count = |name: &str| name.split_whitespace().count();
    let mut renames: Vec<(String, String)> = Vec::new();
    for short in &names {
        if word_count(short) < 2 || short.split_whitespace().any(is_connector) {
            continue;
        }
        let longer = || names.iter().filter(|long| is_short_form(short, long));
        let Some(longest) = longer().max_by_key(|long| word_count(long)) else {
            continue;
        };
        if longer().all(|long| long == longest || is_short_form(long, longest)) {
            renames.push((short.to_string(), longest.to_string()));
        }
    }
    for mention in mentions {
        let renamed = renames.iter().find(|(short, _)| *short == mention.name);
        if let (EntityKind::Organisation, Some((_, longest))) = (mention.kind, renamed) {
            mention.name.clone_from(longest);
        }
    }
}

/// Whether `short`'s words come in order in the longer `long`, ending with the same word.
fn is_short_form(short: &str, long: &str) -> bool {
    let (short, long): (Vec<&str>, Vec<&str>) = (
        short.split_whitespace().collect(),
        long.split_whitespace().collect(),
    );
    if short.len() >= long.len() || short.last() != long.last() {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|word| rest.any(|other| other == word))
}

fn push(out: &mut Vec<Mention>, unit: usize, words: &[Word<'_>], name: String, kind: EntityKind) {
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        out.push(Mention {
            unit,
            start: first.start,
            end: last.end,
            name,
            kind,
        });
    }
}

/// Without an article before the name: "The", "An" and "A" ("An International Monetary Fund
/// staff mission").
fn strip_leading_the<'w, 'a>(words: &'w [Word<'a>]) -> &'w [Word<'a>] {
    match words.split_first() {
        Some((first, rest)) if matches!(first.text, "The" | "An" | "A") && !rest.is_empty() => rest,
        _ => words,
    }
}

fn trim_connectors<'w, 'a>(mut words: &'w [Word<'a>]) -> &'w [Word<'a>] {
    while let Some((first, rest)) = words.split_first() {
        if is_connector(first.text) || first.text == "the" {
            words = rest;
        } else {
            break;
        }
    }
    words
}

/// True when `words`, which the gazetteer knows as `known`, are a country's adjective naming a
/// language, not the country: "French-language press", "Russian-speaking" ("in French" is
/// still France's: a language named alone is rare in news, and usually its country's).
fn names_a_language(text: &str, words: &[Word<'_>], known: gazetteer::Known) -> bool {
    let form = joined(text, words);
    let after = text.get(words.last().map_or(0, |w| w.end)..).unwrap_or("");
    form != known.name
        && !is_acronym(form)
        && ["-language", "-speaking", "-speakers"]
            .iter()
            .any(|suffix| after.starts_with(suffix))
}

/// "Wanjiru Kamau of the Kenya Climate Fund": a name of two or more words, "of", and an
/// organisation's name, cut in two (it was one organisation). The name before "of" must be no
/// organisation's ("State Bank of Pakistan", "Council of Europe" stay whole).
fn person_of_organisation<'w, 'a>(
    words: &'w [Word<'a>],
) -> Option<(&'w [Word<'a>], &'w [Word<'a>])> {
    let of = words.iter().position(|w| w.text == "of")?;
    let (person, rest) = words.split_at_checked(of)?;
    let organisation = trim_connectors(rest);
    let ends_as_organisation = organisation
        .last()
        .is_some_and(|w| ORGANISATION_HEADS.contains(&w.text));
    (person.len() >= 2 && could_be_name(person) && ends_as_organisation)
        .then_some((person, organisation))
}

/// A phrase cut before each "and" that a title follows: "the Chief Justice of Pakistan and King
/// Abdullah of Jordan" names two, read apart (the name was looked for after "Jordan").
fn titled_halves<'w, 'a>(words: &'w [Word<'a>]) -> impl Iterator<Item = &'w [Word<'a>]> {
    let mut rest = words;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let and = (1..rest.len()).find(|&i| {
            rest.get(i).is_some_and(|w| w.text == "and")
                && rest
                    .get(i + 1)
                    .is_some_and(|w| is_title(w.text) && w.text != "General")
        });
        let (half, after) = rest.split_at(and.unwrap_or(rest.len()));
        rest = after.get(1..).unwrap_or_default();
        Some(half)
    })
}

/// A phrase cut into the part before a title, the title words, a portfolio or organisation
/// between, and the name.
struct TitleSplit<'w, 'a> {
    before: &'w [Word<'a>],
    between: &'w [Word<'a>],
    name: &'w [Word<'a>],
    /// What follows the name: "of Pakistan" in "Ambassador Munir Akram of Pakistan".
    after: &'w [Word<'a>],
}

/// Finds "... Title [of Portfolio] Name" in a phrase of `text`; `None` when no name follows a
/// title.
fn title_split<'w, 'a>(text: &str, words: &'w [Word<'a>]) -> Option<TitleSplit<'w, 'a>> {
    // "General" alone is an adjective ("General Provisions"); it is a title only after another
    // ("Major General", "Director General").
    let first_title = words
        .iter()
        .position(|w| is_title(w.text) && w.text != "General")?;
    let mut after_titles = first_title;
    while words.get(after_titles).is_some_and(|w| is_title(w.text)) {
        after_titles += 1;
    }
    let rest = words.get(after_titles..)?;
    // The name starts after the last connector, organisation head, portfolio or known place.
    let name_start = rest
        .iter()
        .rposition(|w| {
            matches!(w.text, "of" | "for" | "on" | "the" | "and")
                || ORGANISATION_HEADS.contains(&w.text)
                || PORTFOLIOS.contains(&w.text)
                || (gazetteer::lookup(w.text).is_some() && !is_acronym(w.text))
        })
        .map_or(0, |i| i + 1);
    let name = rest.get(name_start..)?;
    let name = name.get(name.len().saturating_sub(5)..)?;
    // "Mayor of Gaziantep": one word right after "of" is where the title is held, no name.
    let held_where = name.len() == 1
        && name_start
            .checked_sub(1)
            .and_then(|i| rest.get(i))
            .is_some_and(|w| w.text == "of");
    if !name.is_empty() && !held_where && could_be_name(name) {
        return Some(TitleSplit {
            before: words.get(..first_title)?,
            between: rest.get(..name_start)?,
            name,
            after: &[],
        });
    }
    // "Ambassador Munir Akram of Pakistan": the name right after the titles, then where the
    // person is from (the name was lost with the place ending the phrase). One word only before
    // a country or a place ("King Abdullah of Jordan"), as a head of state or a royal is named:
    // "Director Admin of FIA" names no one called Admin.
    let name_end = rest
        .iter()
        .position(|w| matches!(w.text, "of" | "for" | "on"))?;
    let name = rest.get(..name_end)?;
    let after = rest.get(name_end..)?;
    let of_a_place = || {
        gazetteer::lookup(joined(text, trim_connectors(after)))
            .is_some_and(|known| matches!(known.kind, EntityKind::Country | EntityKind::Place))
    };
    if name.is_empty() || (name.len() < 2 && !of_a_place()) || !could_be_name(name) {
        return None;
    }
    Some(TitleSplit {
        before: words.get(..first_title)?,
        between: &[],
        name,
        after,
    })
}

/// Byte ranges of the people's names in `text` as a mention would give them, titles dropped
/// ("General Ali Khan" -> "Ali Khan"), found without the context the entity rules ask for: for
/// a speaker that a reporting verb already marks as a person, which those rules may miss
/// ("…,” said General Ali Khan", "Ali Khan warned: “…”"). Two words at least unless a title
/// other than "General" marks a single one ("General Motors" is no "Motors").
pub(crate) fn speaker_names(text: &str) -> Vec<(usize, usize)> {
    let blanked = phrases::blank_suffixes(text);
    phrases::phrases(&Analyzer::default(), &blanked)
        .iter()
        .filter_map(|phrase| {
            let words = phrase.words.as_slice();
            let name = match title_split(&blanked, words) {
                Some(split) if split.before.is_empty() => split.name,
                _ => {
                    let titles = words.iter().take_while(|w| is_title(w.text)).count();
                    words.get(titles..).filter(|name| name.len() >= 2)?
                }
            };
            let range = (name.first()?.start, name.last()?.end);
            could_be_name(name).then_some(range)
        })
        .collect()
}

/// Capitalised ordinary words (or name particles), not an organisation, place or country.
fn could_be_name(words: &[Word<'_>]) -> bool {
    let name_words = words.iter().filter(|w| !is_connector(w.text)).count();
    let feature = name_words >= 2
        && words
            .first()
            .is_some_and(|w| FEATURE_FIRST_WORDS.contains(&w.text));
    (1..=5).contains(&name_words)
        && !feature
        && words.first().is_some_and(|w| is_capitalised(w.text))
        && words.iter().all(|w| {
            is_connector(w.text)
                || (is_capitalised(w.text)
                    && !is_acronym(w.text)
                    && !is_title(w.text)
                    && !NOT_NAMES.contains(&w.text)
                    // May is a surname too (Theresa May).
                    && (w.text == "May" || !is_calendar_name(w.text))
                    && !ORGANISATION_HEADS.contains(&w.text)
                    && (gazetteer::lookup(w.text).is_none()
                        // "Jim Jordan", not "Jordan" alone: that is the country.
                        || (name_words >= 2 && gazetteer::is_also_a_person_s_name(w.text))))
        })
        && !words
            .iter()
            .any(|w| matches!(w.text, "of" | "for" | "and" | "on" | "the"))
}

/// The phrase between `before` and `after` is where the quotations find a speaker they take
/// for a person ([`speaker_names`]): next to a reporting verb that is next to a quotation
/// ("“…,” said Tom Fielding", "“…,” Omar Farooq insisted", "Sara Malik warned: “…”"). It is a
/// person here too, so that the article's people list names everyone it quotes.
fn is_quoted_speaker(before: &str, after: &str) -> bool {
    let closes_quote = |text: &str| {
        text.trim_end_matches([' ', ','])
            .ends_with(['”', '"', '’', '\''])
    };
    let verb_after = after.strip_prefix(' ').and_then(|rest| {
        let verb_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (verb, rest) = rest.split_at_checked(verb_len)?;
        REPORTING_VERBS.contains(&verb).then_some(rest)
    });
    // "“…,” Omar Farooq insisted", "Sara Malik warned: “…”".
    if let Some(rest) = verb_after {
        let opens_quote = rest
            .strip_prefix([':', ','])
            .map(str::trim_start)
            .is_some_and(|quote| quote.starts_with(['“', '"', '‘', '\'']));
        return closes_quote(before) || opens_quote;
    }
    // "“…,” said Tom Fielding", "“…,” according to Ali Khan".
    let before = before.trim_end();
    let before = before
        .strip_suffix(" to")
        .filter(|b| b.ends_with("according"))
        .unwrap_or(before);
    before
        .rsplit_once(' ')
        .is_some_and(|(quote, verb)| REPORTING_VERBS.contains(&verb) && closes_quote(quote))
}

/// "…, said", "…, a security analyst, …", "…, Chief Executive Officer of …".
/// The phrase after `before` is who did something, in the passive ("discussed by Shehbaz
/// Sharif", "chaired by Ayesha Siddiqa"): a person, when its words are a name's (an
/// organisation has its head word, a place the gazetteer's). Seen in loaded files that name a
/// person once, with no title or quotation to tell.
fn is_agent(before: &str) -> bool {
    before
        .trim_end()
        .strip_suffix(" by")
        .and_then(|rest| rest.rsplit(' ').next())
        .is_some_and(|verb| verb.len() >= 3 && verb.ends_with("ed"))
}

/// Roles written in lower case before a name that are not titles.
const LOWER_CASE_ROLES: &[&str] = &[
    "activist",
    "analyst",
    "journalist",
    "lawyer",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// "… media chairperson Sahibzadi Mahin Khan", "… analyst Ayesha Siddiqa": a title or a role
/// written in lower case right before the phrase. (Capitalised, a title is part of the phrase
/// and read there.)
fn has_role_before(before: &str) -> bool {
    let Some(word) = word_before(before) else {
        return false;
    };
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(char::is_ascii_lowercase) else {
        return false;
    };
    let capitalised: String = first.to_ascii_uppercase().to_string() + chars.as_str();
    LOWER_CASE_ROLES.contains(&word) || is_title(&capitalised)
}

/// The word right before a phrase, one space before it ("the" in "… the Salar de Atacama").
fn word_before(before: &str) -> Option<&str> {
    before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next())
}

/// Whether the text after a name makes it the name of a government: "the Trump
/// administration", "the Modi government" (places and bodies are looked up before).
fn names_a_government(after: &str) -> bool {
    after.starts_with(" administration") || after.starts_with(" government")
}

fn has_person_context(after: &str) -> bool {
    if SPEECH_AFTER.iter().any(|verb| after.starts_with(verb)) {
        return true;
    }
    let Some(apposition) = after.strip_prefix(", ") else {
        return false;
    };
    let next = apposition.split([' ', ',']).next().unwrap_or("");
    next.chars().next().is_some_and(char::is_lowercase) || is_title(next)
}

/// The organisation inside a phrase: up to its last head word, or the whole phrase when the
/// head word is followed by "of"/"for"/"on" ("Ministry of Information Technology"); after an
/// event or office of it ("Session of the …", "Chair of the …") when there is one.
fn organisation_span<'w, 'a>(words: &'w [Word<'a>]) -> Option<&'w [Word<'a>]> {
    let last_head = words
        .iter()
        .rposition(|w| ORGANISATION_HEADS.contains(&w.text))?;
    // "78th Session of the UN General Assembly", "Chair of the Ad Hoc Committee": an event or
    // an office of an organisation names the organisation, and is no organisation of its own.
    let start = words
        .get(..last_head)?
        .iter()
        .zip(words.iter().skip(1))
        .rposition(|(w, next)| (EVENTS.contains(&w.text) || is_title(w.text)) && next.text == "of")
        .map_or(0, |event| {
            let after_of = event + 2;
            after_of + usize::from(words.get(after_of).is_some_and(|w| w.text == "the"))
        });
    let (words, last_head) = (words.get(start..)?, last_head - start);
    let followed_by_connector = words
        .get(last_head + 1)
        .is_some_and(|w| matches!(w.text, "of" | "for" | "on"));
    if followed_by_connector {
        return Some(words);
    }
    // "Extended Fund Facility" is a loan, not a fund.
    if words.get(last_head + 1..).is_some_and(|tail| {
        tail.iter()
            .any(|w| NOT_ORGANISATION_TAILS.contains(&w.text))
    }) {
        return None;
    }
    let span = words.get(..=last_head)?;
    // A head word alone ("Police said", "the Committee met") is any police, any committee:
    // a 2,000-article load listed "Police" among its organisations, in 404 articles. A
    // country's own bodies, which stories name by the word alone, stay.
    match span {
        [only] if !LONE_INSTITUTIONS.contains(&only.text) => None,
        _ => Some(span),
    }
}

/// Head words that alone name one body in a story: "the Senate", "the Army", "the Cabinet".
const LONE_INSTITUTIONS: &[&str] = &["Army", "Cabinet", "Parliament", "Senate"];

/// "Expansion (ACR)": the acronym, the canonical expansion and its kind.
fn acronym_definition(text: &str, phrase: &Phrase<'_>) -> Option<(String, String, EntityKind)> {
    let end = phrase.words.last()?.end;
    let after = text.get(end..)?.strip_prefix(" (")?;
    let close = after.find(')')?;
    let acronym = after.get(..close)?;
    if !is_acronym(acronym) || acronym.contains(' ') {
        return None;
    }
    let key = acronym.strip_suffix('s').unwrap_or(acronym);
    let letters: String = key.chars().filter(|c| c.is_alphabetic()).collect();
    // The shortest suffix of the phrase whose initials spell the acronym.
    let words = phrase.words.as_slice();
    let expansion = (0..words.len()).rev().find_map(|start| {
        let suffix = words.get(start..)?;
        let initials: String = suffix
            .iter()
            .filter(|w| !is_connector(w.text))
            .filter_map(|w| w.text.chars().next())
            .collect();
        (initials == letters && is_capitalised(suffix.first()?.text)).then_some(suffix)
    });
    let expansion = match expansion {
        Some(e) => e,
        // An organisation named right before the parentheses, whatever its initials.
        None => organisation_span(strip_leading_the(words))?,
    };
    let name = joined(text, expansion);
    if let Some(known) = gazetteer::lookup(name) {
        return Some((key.to_string(), known.name.to_string(), known.kind));
    }
    let last = expansion.last()?.text;
    if NOT_ORGANISATION_TAILS.contains(&last) {
        return None;
    }
    Some((
        key.to_string(),
        organisation_name(name),
        EntityKind::Organisation,
    ))
}

/// An organisation's name as listed: straight apostrophes however it is written ("People’s
/// Bank of China" and "People's Bank of China" are one).
fn organisation_name(written: &str) -> String {
    written.replace('’', "'")
}

/// Entities of every article and of the corpus.
pub fn extract_entities(articles: &[Article]) -> EntityReport {
    let extractor = EntityExtractor::new(articles);
    let mut tally = EntityTally::with_capacity(articles.len());
    for article in articles {
        tally.add(article, &extractor.mentions(article));
    }
    tally.report(&extractor)
}

/// The entity report built one article at a time, from mentions found once and shared with
/// the quotations (see [`crate::analytics::analyse`]).
#[derive(Debug, Default)]
pub struct EntityTally {
    /// (articles, mentions) per entity.
    totals: BTreeMap<(EntityKind, String), (usize, usize)>,
    per_article: Vec<ArticleEntities>,
}

impl EntityTally {
    /// An empty tally for about `articles` articles.
    pub fn with_capacity(articles: usize) -> Self {
        EntityTally {
            totals: BTreeMap::new(),
            per_article: Vec::with_capacity(articles),
        }
    }

    /// Counts the next article's `mentions` (from [`EntityExtractor::mentions`]), and the places
    /// of its dateline: an article filed from Islamabad is about Islamabad, whether or not its
    /// text names it again; one filed from "Islamabad/New Delhi" about both, and one from
    /// "Antwerp, Belgium" about Antwerp and Belgium.
    pub fn add(&mut self, article: &Article, mentions: &[Mention]) {
        let totals = &mut self.totals;
        let mut keys: BTreeSet<(EntityKind, String)> = BTreeSet::new();
        let named = mentions.iter().map(|m| (m.kind, m.name.clone()));
        for key in named.chain(dateline_places(article)) {
            totals.entry(key.clone()).or_insert((0, 0)).1 += 1;
            keys.insert(key);
        }
        for key in &keys {
            totals.entry(key.clone()).or_insert((0, 0)).0 += 1;
        }
        let of_kind = |kind: EntityKind| -> Vec<String> {
            keys.iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, name)| name.clone())
                .collect()
        };
        self.per_article.push(ArticleEntities {
            article: article.id.as_str().into(),
            people: of_kind(EntityKind::Person),
            orgs: of_kind(EntityKind::Organisation),
            places: of_kind(EntityKind::Place),
            countries: of_kind(EntityKind::Country),
        });
    }

    /// The corpus report: entities by reach, with the acronyms of `extractor` (defined in the
    /// corpus) and of the gazetteer ("EU", whether or not an article spells it out) as aliases.
    pub fn report(self, extractor: &EntityExtractor) -> EntityReport {
        let EntityTally {
            totals,
            per_article,
        } = self;
        let mut aliases: BTreeMap<(EntityKind, String), Vec<String>> = BTreeMap::new();
        for (acronym, (name, kind)) in &extractor.acronyms {
            aliases
                .entry((*kind, name.clone()))
                .or_default()
                .push(acronym.clone());
        }
        for (kind, name) in totals.keys() {
            let known = gazetteer::acronyms_of(name);
            if !known.is_empty() {
                let listed = aliases.entry((*kind, name.clone())).or_default();
                listed.extend(known.into_iter().map(str::to_string));
                listed.sort();
                listed.dedup();
            }
        }
        let mut entities: Vec<Entity> = totals
            .iter()
            .map(|((kind, name), &(articles, mentions))| Entity {
                name: name.clone(),
                kind: *kind,
                aliases: aliases
                    .get(&(*kind, name.clone()))
                    .cloned()
                    .unwrap_or_default(),
                articles,
                mentions,
            })
            .collect();
        entities.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
                .then(a.kind.cmp(&b.kind))
        });

        EntityReport {
            entities,
            articles: per_article,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report of one article with these body paragraphs.
    fn named(body: &[&str]) -> ArticleEntities {
        let article = Article {
            id: "a".into(),
            title: "Title".into(),
            kind: "news".into(),
            file: "f".into(),
            body: body.iter().map(|s| Text::from(*s)).collect(),
            ..Article::default()
        };
        let mut report = extract_entities(&[article]);
        report.articles.pop().unwrap_or_default()
    }

    #[test]
    fn a_person_named_as_one_in_any_article_is_a_person_wherever_they_stand() {
        // A note saying only "Narendra Modi chaired the cabinet" named no one, though another
        // note of the same load called him Prime Minister.
        let article = |id: &str, body: &str| Article {
            id: id.into(),
            title: "Note".into(),
            body: vec![Text::from(body)],
            ..Article::default()
        };
        let articles = [
            article(
                "titled",
                "Prime Minister Narendra Modi said India would respond.",
            ),
            article("bare", "Narendra Modi chaired the security cabinet."),
            article("unknown", "Asim Iftikhar Ahmad met the envoys."),
        ];
        let report = extract_entities(&articles);
        let people: Vec<Vec<String>> = report.articles.iter().map(|a| a.people.clone()).collect();
        assert_eq!(
            people,
            [vec!["Narendra Modi"], vec!["Narendra Modi"], vec![]]
        );
        // The page's reader, whose extractor is rebuilt from the report, links him too.
        let extractor = EntityExtractor::from_report(&report);
        let names: Vec<String> = extractor
            .mentions(&articles[1])
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(names, ["Narendra Modi"]);
    }

    #[test]
    fn a_place_one_article_files_from_is_a_place_wherever_a_phrase_names_just_it() {
        // A load named the town "Karsby" in one article, the one filed from it, though others
        // said "would change life in Karsby" or "Residents of Karsby gathered".
        let articles = [
            Article {
                id: "filed".into(),
                title: "Fishermen demand compensation".into(),
                dateline: Some("Karsby".into()),
                body: vec!["Fishermen demanded compensation on Tuesday.".into()],
                ..Article::default()
            },
            Article {
                id: "other".into(),
                title: "Vote delayed - Karsby Today".into(),
                body: vec![
                    "The plan would change life in Karsby for a generation.".into(),
                    "Karsby Town Council said it would vote. Residents of Karsby gathered.".into(),
                ],
                ..Article::default()
            },
        ];
        let report = extract_entities(&articles);
        assert_eq!(report.articles[1].places, ["Karsby"]);
        let mentions = EntityExtractor::new(&articles).mentions(&articles[1]);
        let places: Vec<(usize, &str)> = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Place)
            .map(|m| (m.unit, m.name.as_str()))
            .collect();
        // Not the site's name in the title, nor the council's name.
        assert_eq!(places, [(1, "Karsby"), (2, "Karsby")]);
        // The page's reader, rebuilt from the report, finds them too.
        assert_eq!(
            EntityExtractor::from_report(&report).mentions(&articles[1]),
            mentions
        );
    }

    #[test]
    fn each_place_of_a_dateline_is_named() {
        let article = Article {
            id: "a".into(),
            title: "Talks resume".into(),
            dateline: Some("Islamabad/New Delhi".into()),
            body: vec!["The two sides met.".into()],
            ..Article::default()
        };
        let mut report = extract_entities(&[article]);
        let found = report.articles.pop().unwrap_or_default();
        assert_eq!(found.places, ["Islamabad", "New Delhi"]);
        // The country after the city, as the agencies write it ("ANTWERP, Belgium (AP) -").
        let article = Article {
            id: "b".into(),
            title: "Port braces for overflow".into(),
            dateline: Some("Antwerp, Belgium".into()),
            body: vec!["Port officials said they were ready.".into()],
            ..Article::default()
        };
        let mut report = extract_entities(&[article]);
        let found = report.articles.pop().unwrap_or_default();
        assert_eq!(
            (found.places, found.countries),
            (vec!["Antwerp".to_string()], vec!["Belgium".to_string()])
        );
    }

    #[test]
    fn organisations_keep_their_whole_name_without_an_article_before_it() {
        // A walk-through loading its own files found "An International Monetary Fund" and
        // "Regulatory Authority" listed, and the Centre not listed as an organisation.
        let found = named(&[
            "An International Monetary Fund staff mission led by Nathan Porter concluded its visit.",
            "The National Emergency Operations Centre said the polio drive reached 40 million children.",
            "The law creates a new Social Media Protection and Regulatory Authority to oversee platforms.",
            "Talks between India and Pakistan resumed; the Senate and the Committee on Finance met.",
            "The special status Jammu and Kashmir enjoyed was revoked.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "Committee on Finance",
                "International Monetary Fund",
                "National Emergency Operations Centre",
                "Senate",
                "Social Media Protection and Regulatory Authority",
            ]
        );
        assert_eq!(found.countries, ["India", "Pakistan"]);
        assert_eq!(found.people, ["Nathan Porter"]);
        assert_eq!(found.places, ["Jammu and Kashmir"]);
    }

    #[test]
    fn a_head_word_alone_is_no_organisation_but_a_country_s_own_bodies_are() {
        let found = named(&[
            "Police said the Committee would meet. Punjab Police arrested two men.",
            "The Senate passed the bill, and the Army said nothing.",
        ]);
        assert_eq!(found.orgs, ["Army", "Punjab Police", "Senate"]);
    }

    #[test]
    fn an_event_of_an_organisation_is_the_organisation() {
        let found = named(&[
            "They met at the 78th Session of the UN General Assembly in New York.",
            "Press release on the Fourth Session of the UN Ad Hoc Committee to Elaborate a text.",
            "The Annual Meetings of the Asian Development Bank and the Summit of the Arab League.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "Arab League",
                "Asian Development Bank",
                "UN Ad Hoc Committee",
                "UN General Assembly"
            ]
        );
    }

    #[test]
    fn a_short_form_of_a_longer_organisation_name_is_that_organisation() {
        let found = named(&[
            "The UN Ad Hoc Intergovernmental Committee to Elaborate a Convention met in Vienna.",
            "The Chair of the Ad Hoc Committee spoke, as did the UN Ad Hoc Committee staff.",
            "The UN Security Council and the Security Council both met.",
            "The People's Bank of China and the Bank of China lent.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "Bank of China",
                "People's Bank of China",
                "UN Ad Hoc Intergovernmental Committee",
                "UN Security Council"
            ]
        );
        // A short form two unrelated longer names both fit stays as written.
        let found = named(&[
            "The Punjab Standing Committee and the Sindh Standing Committee met.",
            "The Standing Committee adjourned.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "Punjab Standing Committee",
                "Sindh Standing Committee",
                "Standing Committee"
            ]
        );
    }

    #[test]
    fn peoples_is_part_of_the_name() {
        let found = named(&[
            "He sought support from the People’s Bank of China on Monday.",
            "The Pakistan Peoples Party and the People's Liberation Army met.",
            "The People’s Republic of China and Pakistan’s Finance Minister Ali Khan spoke.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "Pakistan Peoples Party",
                "People's Bank of China",
                "People's Liberation Army"
            ]
        );
        assert_eq!(found.countries, ["China", "Pakistan"]);
        assert_eq!(found.people, ["Ali Khan"]);
    }

    #[test]
    fn a_language_is_not_its_country() {
        // A Montréal story's "French-language" listed France among its countries.
        let found = named(&[
            "The French-language daily and Russian-speaking residents of Canada objected.",
        ]);
        assert_eq!(found.countries, ["Canada"]);
    }

    #[test]
    fn a_name_of_an_organisation_is_not_the_organisation() {
        // A walk-through's note "Met with Wanjiru Kamau of the Kenya Climate Fund" listed one
        // organisation of that whole name.
        let found = named(&[
            "Met with Wanjiru Kamau of the Kenya Climate Fund in Nairobi.",
            "The State Bank of Pakistan and the Council of Europe met.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "Council of Europe",
                "Kenya Climate Fund",
                "State Bank of Pakistan"
            ]
        );
    }

    #[test]
    fn a_place_written_after_the_is_no_person() {
        // "Salar de Atacama" and "Quebec" were people: an apposition, "said", the last word
        // used alone, and a government named after a single word all read as a person's.
        let found = named(&[
            "Output at the Salar de Atacama, the world's largest brine deposit, rose.",
            "Wells across the Salar de Atacama said little; the Atacama is dry.",
            "The Quebec government said it was watching. Ontario agreed.",
            "Critics blamed the Imran Khan-led government. Khan did not.",
            // Nor without "the": a feature's first word says so.
            "Salar de Atacama said little. Mount Kessel said nothing.",
        ]);
        assert_eq!(found.people, ["Imran Khan"]);
        assert_eq!(
            found.places,
            ["Mount Kessel", "Ontario", "Quebec", "Salar de Atacama"]
        );
    }

    #[test]
    fn a_us_state_after_a_city_is_the_state_not_the_country() {
        // "Atlanta, Georgia" counted the country Georgia.
        let found = named(&[
            "The airline opened a terminal in Atlanta, Georgia, on Monday.",
            "Its rival flies from Savannah, Georgia. Houston, Texas, is next.",
        ]);
        assert_eq!(found.places, ["Georgia", "Texas"]);
        assert!(found.countries.is_empty(), "{:?}", found.countries);
        // A capital the gazetteer knows is the country's, as is a list of countries.
        let found = named(&["Tbilisi, Georgia, hosted Armenia, Georgia and Azerbaijan."]);
        assert_eq!(found.places, ["Tbilisi"]);
        assert_eq!(found.countries, ["Armenia", "Azerbaijan", "Georgia"]);
        // So in a dateline.
        let article = |dateline: &str| Article {
            id: "a".into(),
            title: "Delta expands".into(),
            dateline: Some(dateline.into()),
            body: vec!["The hub grew.".into()],
            ..Article::default()
        };
        let named_by = |dateline: &str| {
            let mut report = extract_entities(&[article(dateline)]);
            let found = report.articles.pop().unwrap_or_default();
            (found.places, found.countries)
        };
        let strings = |names: &[&str]| names.iter().map(ToString::to_string).collect();
        assert_eq!(
            named_by("Atlanta, Georgia"),
            (strings(&["Atlanta", "Georgia"]), vec![])
        );
        assert_eq!(
            named_by("Tbilisi, Georgia"),
            (strings(&["Tbilisi"]), strings(&["Georgia"]))
        );
    }

    #[test]
    fn the_amazon_is_a_place_and_amazon_the_company() {
        // "Fires spread across the Amazon" named the company Amazon.
        let article = Article {
            title: Text::from("Fires spread"),
            body: [
                "Fires spread across the Amazon. The Amazon basin and the Brazilian Amazon dried.",
                "Amazon said it would help. Amazon's shares fell. They sailed up the Amazon River.",
                // The company's people: "the Amazon founder" read as the place.
                "Jeff Bezos, the Amazon founder, spoke. The Amazon boss agreed.",
            ]
            .iter()
            .map(|s| Text::from(*s))
            .collect(),
            ..Article::default()
        };
        let mentions = EntityExtractor::new(std::slice::from_ref(&article)).mentions(&article);
        let named_in = |unit: usize| -> Vec<(&str, EntityKind)> {
            mentions
                .iter()
                .filter(|m| m.unit == unit)
                .map(|m| (m.name.as_str(), m.kind))
                .collect()
        };
        let (place, company) = (EntityKind::Place, EntityKind::Organisation);
        assert_eq!(
            named_in(1),
            [
                ("Amazon", place),
                ("Amazon", place),
                ("Brazil", EntityKind::Country),
                ("Amazon", place)
            ]
        );
        assert_eq!(
            named_in(2),
            [
                ("Amazon", company),
                ("Amazon", company),
                ("Amazon River", place)
            ]
        );
        assert_eq!(
            named_in(3),
            [
                ("Jeff Bezos", EntityKind::Person),
                ("Amazon", company),
                ("Amazon", company)
            ]
        );
    }

    #[test]
    fn a_titled_name_then_where_the_person_is_from_names_both() {
        // "Ambassador Munir Akram of Pakistan" named Pakistan alone: the name was looked for
        // after the place that ended the phrase.
        let found = named(&[
            "Ambassador Munir Akram of Pakistan spoke first.",
            "Governor Jameel Ahmad of the State Bank said rates would hold.",
            "The Minister for Foreign Affairs met the press.",
            // Two titled people joined by "and" are read apart: Abdullah was lost.
            "The Chief Justice of Pakistan and King Abdullah of Jordan met.",
        ]);
        assert_eq!(found.people, ["Abdullah", "Jameel Ahmad", "Munir Akram"]);
        assert_eq!(found.countries, ["Jordan", "Pakistan"]);
        assert_eq!(found.orgs, ["State Bank"]);
    }

    #[test]
    fn one_name_after_a_title_and_before_of_a_country_is_a_person() {
        // "King Abdullah of Jordan" named Jordan alone.
        let found = named(&[
            "King Abdullah of Jordan met Queen Rania of Jordan in Amman.",
            "President Xi of China spoke. Prince William of Wales listened.",
            "The Chief Justice of Pakistan, the Mayor of Gaziantep and the Prince of Wales came.",
            "The Director Admin of FIA was not there.",
        ]);
        assert_eq!(found.people, ["Abdullah", "Rania", "William", "Xi"]);
        assert_eq!(found.places, ["Amman", "Wales"]);
        assert_eq!(found.countries, ["China", "Jordan", "Pakistan"]);
    }

    #[test]
    fn a_country_that_is_also_a_person_s_name_is_the_person_s_in_a_name() {
        // "Jim Jordan" was the country Jordan, and "Israel Katz" an organisation.
        let found = named(&[
            "Jim Jordan said on Monday that he would visit. Jordan Bardella arrived later.",
            "Israel Katz said Israel would respond. Chad Smith said Chad would hold a vote.",
            "King Abdullah of Jordan met officials from Georgia and Armenia in the Jordan Valley.",
        ]);
        assert_eq!(
            found.people,
            ["Abdullah", "Chad Smith", "Israel Katz", "Jim Jordan"]
        );
        assert_eq!(
            found.countries,
            ["Armenia", "Chad", "Georgia", "Israel", "Jordan"]
        );
        assert!(found.orgs.is_empty(), "{:?}", found.orgs);
        // A headline capitalises every word: "Jordan" there is still the country.
        assert_eq!(
            named(&["Jordan Opens Border Crossing"]).countries,
            ["Jordan"]
        );
    }

    #[test]
    fn a_company_named_by_its_last_word_is_an_organisation_not_a_person() {
        // A load about a dam listed the utility "Northgate Hydro" as a person in 13 articles.
        let found = named(&[
            "Northgate Hydro said the dam was safe. Northgate Hydro's chief disagreed.",
            "Nordvik Airlines said flights resumed. Acme Ltd said it would appeal.",
            "Huawei Ltd said it would appeal.",
            "Minister for Power Awais Leghari said prices would rise.",
        ]);
        assert_eq!(
            found.orgs,
            ["Acme Ltd", "Huawei", "Nordvik Airlines", "Northgate Hydro"]
        );
        assert_eq!(found.people, ["Awais Leghari"]);
    }

    #[test]
    fn people_of_a_place_are_no_place_and_its_friends_are_an_organisation() {
        // A load listed "Friends of the Orla River" (a campaign) in 10 articles and "Residents
        // of the Orla River" in 5 as places.
        let found = named(&[
            "Friends of the Orla River announced a march.",
            "Residents of the Orla River gathered. Members of the Valmora Water Authority met.",
        ]);
        assert_eq!(
            found.orgs,
            ["Friends of the Orla River", "Valmora Water Authority"]
        );
        assert_eq!(found.places, ["Orla River"]);
    }

    #[test]
    fn a_known_name_that_a_capitalised_word_goes_on_from_names_something_else() {
        let body = [
            "Supporters of the Paris Call met on Monday.",
            "He told Pakistan Forward that the EU DisinfoLab report was wrong.",
            "Talks in Washington DC and the Swat Valley ended.",
            "The India Pakistan talks resumed with Afghan Taliban envoys.",
            "Outfits like Lashkar-e-Taiba and Hizbul Mujahideen were named.",
            "The UN Charter binds Huawei Technologies in the Islamabad Capital Territory.",
            "Huawei Technologies Pakistan signed, as did Huawei Pakistan.",
        ];
        let article = Article {
            title: Text::from("Pakistan Slams India's Water Move"),
            body: body.iter().map(|s| Text::from(*s)).collect(),
            ..Article::default()
        };
        let mentions = EntityExtractor::new(std::slice::from_ref(&article)).mentions(&article);
        let names_in = |unit: usize| -> Vec<&str> {
            mentions
                .iter()
                .filter(|m| m.unit == unit)
                .map(|m| m.name.as_str())
                .collect()
        };
        // A headline capitalises every word: its names are names.
        assert_eq!(names_in(0), ["Pakistan", "India"]);
        // The something else, named after a place or a body, is an organisation (the EU
        // DisinfoLab is no mention of the EU).
        assert_eq!(names_in(1), ["Paris Call"]);
        assert_eq!(names_in(2), ["Pakistan Forward", "EU DisinfoLab"]);
        assert_eq!(names_in(3), ["Washington", "Swat"]);
        assert_eq!(names_in(4), ["India", "Pakistan", "Afghanistan", "Taliban"]);
        assert_eq!(names_in(5), ["Lashkar-e-Taiba", "Hizbul Mujahideen"]);
        // A document is none; a company's full name is the company; a name ending as a
        // place's does is a place.
        assert_eq!(names_in(6), ["Huawei", "Islamabad Capital Territory"]);
        // So is its arm in a country; a name and a country alone are two names.
        assert_eq!(names_in(7), ["Huawei", "Huawei", "Pakistan"]);
        let kind_of = |name: &str| mentions.iter().find(|m| m.name == name).map(|m| m.kind);
        assert_eq!(kind_of("Pakistan Forward"), Some(EntityKind::Organisation));
        assert_eq!(
            kind_of("Islamabad Capital Territory"),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn a_river_or_a_sea_is_a_place_and_an_administration_is_named_after_a_person() {
        let first = named(&[
            "The Trump administration and the Modi government split the Indus River.",
            "Talks on the South China Sea stalled. The Federal government said nothing.",
            "The Swat Valley was calm. Ricki Lake said so.",
        ]);
        assert_eq!(first.places, ["Indus River", "South China Sea", "Swat"]);
        assert_eq!(first.people, ["Modi", "Ricki Lake", "Trump"]);
        // Its full name when the article gives it.
        let second = named(&["Donald Trump said so. The Trump administration denied it."]);
        assert_eq!(second.people, ["Donald Trump"]);
    }

    #[test]
    fn a_role_in_lower_case_before_a_name_makes_it_a_person() {
        let people = named(&[
            "The seminar was held with the media committee chairperson Sahibzadi Mahin Khan.",
            "Security analyst Ayesha Siddiqa disagreed with the plan.",
            "The finance Committee met.",
        ])
        .people;
        assert_eq!(people, ["Ayesha Siddiqa", "Sahibzadi Mahin Khan"]);
    }

    #[test]
    fn the_titles_of_pakistani_politics_are_no_part_of_a_name() {
        // "Barrister Gohar Ali Khan" was a person of four names, apart from "Gohar Ali Khan".
        let people = named(&[
            "PTI chairman Barrister Gohar Ali Khan said the party would appeal.",
            "Maulana Fazlur Rehman and Mufti Muneeb ur Rehman spoke later.",
        ])
        .people;
        assert!(people.iter().any(|p| p == "Gohar Ali Khan"), "{people:?}");
        assert!(people.iter().any(|p| p == "Fazlur Rehman"), "{people:?}");
        assert!(
            people.iter().all(|p| !p.starts_with("Barrister")
                && !p.starts_with("Maulana")
                && !p.starts_with("Mufti")),
            "{people:?}"
        );
    }

    #[test]
    fn a_unit_of_an_organisation_is_named_with_it() {
        // "Research Wing" was listed alone: whose wing, the list did not say.
        let found = named(&[
            "The Federal Investigation Agency (FIA) made arrests.",
            "The FIA's Research Wing is identifying the websites.",
            // A country's is not an organisation's; "the Research Wing" later on is the one
            // the article named.
            "Pakistan’s Foreign Office said so, and the Research Wing agreed.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "FIA Research Wing",
                "Federal Investigation Agency",
                "Foreign Office"
            ]
        );
        let typographic = named(&[
            "The Federal Investigation Agency (FIA) made arrests.",
            "The FIA’s Research Wing is identifying the websites.",
        ]);
        assert_eq!(
            typographic.orgs,
            ["FIA Research Wing", "Federal Investigation Agency"]
        );
    }

    #[test]
    fn a_hyphen_between_two_organisations_names_both() {
        let body = [
            "The Federal Investigation Agency (FIA) and the Pakistan Telecommunication Authority (PTA) met.",
            "They met at the IMF-World Bank Spring Meetings and formed a FIA-PTA team.",
            "The Tehreek-e-Taliban and the OIC-CERT were named.",
        ];
        let article = Article {
            body: body.iter().map(|s| Text::from(*s)).collect(),
            ..Article::default()
        };
        let mentions = EntityExtractor::new(std::slice::from_ref(&article)).mentions(&article);
        let names_in = |paragraph: usize| -> Vec<&str> {
            mentions
                .iter()
                .filter(|m| m.unit == paragraph + 1)
                .map(|m| m.name.as_str())
                .collect()
        };
        assert_eq!(
            names_in(1),
            [
                "International Monetary Fund",
                "World Bank",
                "Federal Investigation Agency",
                "Pakistan Telecommunication Authority"
            ]
        );
        assert_eq!(
            names_in(2),
            [
                "Tehreek-e-Taliban Pakistan",
                "Organisation of Islamic Cooperation"
            ]
        );
    }

    /// The quotations take a name right next to a reporting verb for a speaker
    /// ([`speaker_names`]); the article's people list names them too.
    #[test]
    fn who_did_something_in_the_passive_is_a_person() {
        // A loaded note naming Shehbaz Sharif once listed no people at all.
        let found = named(&[
            "Security was discussed by Shehbaz Sharif on Monday.",
            "The talks were led by Ayesha Siddiqa and organised by Federal Investigation Agency staff.",
        ]);
        assert_eq!(found.people, ["Ayesha Siddiqa", "Shehbaz Sharif"]);
        // Not after "by" alone, nor a place or an organisation after it.
        let found = named(&[
            "By Monday Green Valley farmers had left.",
            "The seminar was hosted by Saudi Arabia and chaired by World Bank officials.",
        ]);
        assert_eq!(found.people, Vec::<String>::new());
    }

    #[test]
    fn a_quoted_speaker_is_one_of_the_people() {
        let body = [
            "“We will rebuild the harbour wall before winter,” said Tom Fielding.",
            "Sara Malik warned: “We will not raise taxes this year.”",
            "“We will see it through to the end,” Omar Farooq insisted.",
        ];
        let speakers: Vec<String> = crate::quotes::extract_quotes(&[Article {
            body: body.iter().map(|s| Text::from(*s)).collect(),
            ..Article::default()
        }])
        .into_iter()
        .filter_map(|q| q.speaker)
        .collect();
        assert_eq!(speakers, ["Tom Fielding", "Sara Malik", "Omar Farooq"]);
        assert_eq!(
            named(&body).people,
            ["Omar Farooq", "Sara Malik", "Tom Fielding"]
        );
        // Next to a reporting verb but not to a quotation: no speaker, no person.
        let unquoted = named(&["The board said Global Points would grow this year."]);
        assert_eq!(unquoted.people, Vec::<String>::new());
    }

    #[test]
    fn names_with_of_stay_whole() {
        let found = named(&[
            "The Organisation of Islamic Cooperation met the Federation of Pakistan Chambers of Commerce and Industry.",
            "The Bank of England and the Ministry of Information Technology agreed.",
        ]);
        assert_eq!(
            found.orgs,
            [
                "Bank of England",
                "Federation of Pakistan Chambers of Commerce and Industry",
                "Ministry of Information Technology",
                "Organisation of Islamic Cooperation",
            ]
        );
    }
}
