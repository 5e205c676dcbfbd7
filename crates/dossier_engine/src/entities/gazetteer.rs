//! The curated gazetteer: countries (with their adjectives and common short forms), capitals and
//! major places, major international organisations, the armed groups and parties the seed
//! corpus's region is reported with, the news agencies and networks and the rating agencies
//! articles cite, and a few global companies. Small on purpose: it is
//! shipped in the page. Names are matched case-sensitively as whole phrases.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::EntityKind;

/// Country, then the other ways a text names it (short forms, adjectives, demonyms).
const COUNTRIES: &[(&str, &[&str])] = &[
    ("Afghanistan", &["Afghan", "Afghans"]),
    ("Algeria", &["Algerian"]),
    ("Argentina", &["Argentine", "Argentinian"]),
    ("Australia", &["Australian"]),
    ("Austria", &["Austrian"]),
    ("Azerbaijan", &["Azerbaijani"]),
    ("Bahrain", &["Bahraini"]),
    ("Bangladesh", &["Bangladeshi"]),
    ("Belgium", &["Belgian"]),
    ("Brazil", &["Brazilian"]),
    ("Canada", &["Canadian"]),
    ("Chile", &["Chilean"]),
    ("China", &["Chinese", "People's Republic of China"]),
    ("Colombia", &["Colombian"]),
    ("Cuba", &["Cuban"]),
    ("Denmark", &["Danish"]),
    ("Egypt", &["Egyptian"]),
    ("Ethiopia", &["Ethiopian"]),
    ("Finland", &["Finnish"]),
    ("France", &["French"]),
    ("Germany", &["German"]),
    ("Greece", &["Greek"]),
    ("India", &["Indian", "Indians"]),
    ("Indonesia", &["Indonesian"]),
    ("Iran", &["Iranian"]),
    ("Iraq", &["Iraqi"]),
    ("Ireland", &["Irish"]),
    ("Israel", &["Israeli"]),
    ("Italy", &["Italian"]),
    ("Japan", &["Japanese"]),
    ("Jordan", &["Jordanian"]),
    ("Kazakhstan", &["Kazakh"]),
    ("Kenya", &["Kenyan"]),
    ("Kuwait", &["Kuwaiti"]),
    ("Kyrgyzstan", &["Kyrgyz"]),
    ("Lebanon", &["Lebanese"]),
    ("Libya", &["Libyan"]),
    ("Malaysia", &["Malaysian"]),
    ("Mexico", &["Mexican"]),
    ("Morocco", &["Moroccan"]),
    ("Myanmar", &["Burma"]),
    ("Nepal", &["Nepalese", "Nepali"]),
    ("Netherlands", &["Dutch"]),
    ("New Zealand", &[]),
    ("Nigeria", &["Nigerian"]),
    ("North Korea", &["North Korean"]),
    ("Norway", &["Norwegian"]),
    ("Oman", &["Omani"]),
    ("Pakistan", &["Pakistani", "Pakistanis"]),
    ("Palestine", &["Palestinian", "Palestinians"]),
    ("Philippines", &["Filipino", "Philippine"]),
    ("Poland", &["Polish"]),
    ("Portugal", &["Portuguese"]),
    ("Qatar", &["Qatari"]),
    ("Russia", &["Russian", "Russian Federation"]),
    (
        "Saudi Arabia",
        &["Saudi", "Saudis", "Kingdom of Saudi Arabia"],
    ),
    ("Singapore", &["Singaporean"]),
    ("South Africa", &["South African"]),
    ("South Korea", &["South Korean"]),
    ("Spain", &["Spanish"]),
    ("Sri Lanka", &["Sri Lankan"]),
    ("Sudan", &["Sudanese"]),
    ("Sweden", &["Swedish"]),
    ("Switzerland", &["Swiss"]),
    ("Syria", &["Syrian"]),
    ("Tajikistan", &["Tajik"]),
    ("Thailand", &["Thai"]),
    ("Turkey", &["Turkish", "Türkiye"]),
    ("Turkmenistan", &["Turkmen"]),
    ("Ukraine", &["Ukrainian"]),
    ("United Arab Emirates", &["UAE", "Emirati", "Emirates"]),
    (
        "United Kingdom",
        &["UK", "U.K.", "Britain", "Great Britain", "British"],
    ),
    (
        "United States",
        &[
            "US",
            "U.S.",
            "USA",
            "America",
            "American",
            "Americans",
            "United States of America",
        ],
    ),
    ("Uzbekistan", &["Uzbek"]),
    ("Venezuela", &["Venezuelan"]),
    ("Vietnam", &["Vietnamese"]),
    ("Yemen", &["Yemeni"]),
];

/// Capitals, major cities and regions; more of them in and around Pakistan, the seed corpus's
/// subject, where a story is often filed from a town no sentence calls a place ("at Gwadar").
const PLACES: &[(&str, &[&str])] = &[
    ("Abbottabad", &[]),
    ("Africa", &["African"]),
    ("Amritsar", &[]),
    ("Anantnag", &[]),
    ("Ankara", &[]),
    ("Asia", &["Asian"]),
    ("Azad Kashmir", &[]),
    ("Balochistan", &[]),
    ("Bannu", &[]),
    ("Beijing", &[]),
    ("Berlin", &[]),
    ("Brussels", &[]),
    ("Cairo", &[]),
    ("Central Asia", &[]),
    ("Chaman", &[]),
    ("Colombo", &[]),
    ("Delhi", &[]),
    ("Dhaka", &[]),
    ("Doha", &[]),
    ("Dubai", &[]),
    ("Europe", &["European"]),
    ("Faisalabad", &[]),
    ("Geneva", &[]),
    ("Gilgit", &[]),
    ("Gilgit-Baltistan", &[]),
    ("Gulf", &[]),
    ("Gwadar", &[]),
    ("Herat", &[]),
    ("Hong Kong", &[]),
    ("Hyderabad", &[]),
    ("Islamabad", &[]),
    ("Istanbul", &[]),
    ("Jammu", &[]),
    ("Jammu and Kashmir", &["J&K"]),
    ("Kabul", &[]),
    ("Kandahar", &[]),
    ("Karachi", &[]),
    ("Kashmir", &["Kashmiri", "Kashmiris"]),
    ("Kathmandu", &[]),
    ("Khyber Pakhtunkhwa", &[]),
    ("Kolkata", &[]),
    ("Ladakh", &[]),
    ("Lahore", &[]),
    ("London", &[]),
    ("Mardan", &[]),
    ("Middle East", &[]),
    ("Moscow", &[]),
    ("Multan", &[]),
    ("Mumbai", &[]),
    ("Muzaffarabad", &[]),
    ("New Delhi", &[]),
    ("New York", &[]),
    ("Pahalgam", &[]),
    ("Pulwama", &[]),
    ("Paris", &[]),
    ("Peshawar", &[]),
    ("Punjab", &[]),
    ("Quetta", &[]),
    ("Rawalpindi", &[]),
    ("Riyadh", &[]),
    ("Shanghai", &[]),
    ("Sialkot", &[]),
    ("Sindh", &[]),
    ("Skardu", &[]),
    ("South Asia", &[]),
    ("Srinagar", &[]),
    ("Swat", &[]),
    ("Tehran", &[]),
    ("Tokyo", &[]),
    ("Torkham", &[]),
    ("Vienna", &[]),
    (
        "Washington",
        &["Washington, DC", "Washington DC", "Washington D.C."],
    ),
    ("Waziristan", &[]),
];

/// Organisations, then their short forms.
const ORGANISATIONS: &[(&str, &[&str])] = &[
    ("African Union", &["AU"]),
    ("Agence France-Presse", &["AFP"]),
    ("Al Jazeera", &[]),
    ("Amazon", &[]),
    ("Amnesty International", &[]),
    ("Apple", &[]),
    ("Arab League", &[]),
    ("Asian Development Bank", &["ADB"]),
    ("ASEAN", &["Association of Southeast Asian Nations"]),
    ("Associated Press", &[]),
    ("BBC", &["British Broadcasting Corporation"]),
    ("CNBC", &[]),
    ("CNN", &[]),
    ("European Union", &["EU"]),
    ("Facebook", &[]),
    ("Financial Action Task Force", &["FATF"]),
    ("Fitch Ratings", &["Fitch"]),
    ("G20", &[]),
    ("G7", &[]),
    ("Google", &[]),
    ("Huawei", &[]),
    ("Hizbul Mujahideen", &[]),
    ("Human Rights Watch", &[]),
    ("International Monetary Fund", &["IMF"]),
    ("International Telecommunication Union", &["ITU"]),
    ("Interpol", &[]),
    ("Jaish-e-Mohammed", &["JeM", "Jaish-e-Muhammad"]),
    ("Kashmir Resistance", &[]),
    ("Lashkar-e-Taiba", &["LeT", "Lashkar-e-Tayyiba"]),
    ("Meta", &[]),
    ("Microsoft", &[]),
    ("Moody's", &["Moody's Investors Service"]),
    ("NATO", &["North Atlantic Treaty Organization"]),
    ("OPEC", &[]),
    (
        "Organisation of Islamic Cooperation",
        &["OIC", "Organization of Islamic Cooperation"],
    ),
    ("Pakistan Tehreek-e-Insaf", &["PTI"]),
    ("Reuters", &[]),
    ("Shanghai Cooperation Organisation", &["SCO"]),
    ("Taliban", &[]),
    (
        "Tehreek-e-Taliban Pakistan",
        &["TTP", "Tehreek-e-Taliban", "Pakistani Taliban"],
    ),
    ("TikTok", &[]),
    (
        "UN General Assembly",
        &[
            "General Assembly",
            "UNGA",
            "United Nations General Assembly",
        ],
    ),
    (
        "UN Human Rights Council",
        &["Human Rights Council", "UNHRC"],
    ),
    (
        "UN Security Council",
        &[
            "Security Council",
            "UNSC",
            "United Nations Security Council",
        ],
    ),
    ("UNESCO", &[]),
    ("UNICEF", &[]),
    ("United Nations", &["UN", "U.N."]),
    ("World Bank", &[]),
    ("World Health Organization", &["WHO"]),
    ("World Trade Organization", &["WTO"]),
    ("Xinhua", &[]),
    ("YouTube", &[]),
];

/// A gazetteer hit: canonical name and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Known {
    pub(crate) name: &'static str,
    pub(crate) kind: EntityKind,
}

/// Every name and alias -> its entry, built once (the first table listing a form wins:
/// countries, then organisations, then places).
fn index() -> &'static BTreeMap<&'static str, Known> {
    static INDEX: OnceLock<BTreeMap<&'static str, Known>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = BTreeMap::new();
        let tables = [
            (COUNTRIES, EntityKind::Country),
            (ORGANISATIONS, EntityKind::Organisation),
            (PLACES, EntityKind::Place),
        ];
        for (table, kind) in tables {
            for (name, aliases) in table {
                let known = Known { name, kind };
                index.entry(*name).or_insert(known);
                for alias in *aliases {
                    index.entry(*alias).or_insert(known);
                }
            }
        }
        index
    })
}

/// The short forms in capitals the gazetteer gives `name` ("EU" for the European Union, "UAE"
/// for the United Arab Emirates): what a reader types for it.
pub(crate) fn acronyms_of(name: &str) -> Vec<&'static str> {
    // Most of a corpus's entities (people) are not in the gazetteer: one lookup, not a scan.
    if lookup(name).is_none_or(|known| known.name != name) {
        return Vec::new();
    }
    [COUNTRIES, PLACES, ORGANISATIONS]
        .iter()
        .flat_map(|table| table.iter())
        .filter(|(entry, _)| *entry == name)
        .flat_map(|(_, aliases)| aliases.iter().copied())
        .filter(|alias| alias.chars().count() >= 2 && alias.chars().all(|c| c.is_ascii_uppercase()))
        .collect()
}

/// Looks a whole phrase up (case-sensitive; a curly apostrophe is a straight one).
pub(crate) fn lookup(phrase: &str) -> Option<Known> {
    if phrase.contains('’') {
        return index().get(phrase.replace('’', "'").as_str()).copied();
    }
    index().get(phrase).copied()
}

/// The longest number of words of any gazetteer name (for sub-phrase scanning).
pub(crate) const MAX_NAME_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_and_short_forms_map_to_the_country() {
        assert_eq!(lookup("Pakistani").map(|k| k.name), Some("Pakistan"));
        assert_eq!(lookup("US").map(|k| k.name), Some("United States"));
        assert_eq!(lookup("UN").map(|k| k.kind), Some(EntityKind::Organisation));
        assert_eq!(lookup("Islamabad").map(|k| k.kind), Some(EntityKind::Place));
        assert_eq!(lookup("Gwadar").map(|k| k.kind), Some(EntityKind::Place));
        assert_eq!(lookup("pakistan"), None);
        assert_eq!(
            lookup("People’s Republic of China").map(|k| k.name),
            Some("China")
        );
    }
}
