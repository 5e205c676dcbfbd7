//! The curated gazetteer: countries (every UN member state, with their adjectives and common
//! short forms), capitals and major places, major international organisations, the armed groups
//! and parties the seed corpus's region is reported with, the news agencies and networks and the
//! rating agencies articles cite, and a few global companies. Small on purpose: it is shipped in
//! the page (the reader finds an article's names with it). Names are matched case-sensitively as
//! whole phrases.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::EntityKind;

/// The tables are text, an entry a line: its name, then after each `|` another way a text names
/// it. A table of `&str`s cost the page 8 bytes of pointer and length for each name, which
/// compress far worse than the names themselves.
///
/// Country, then the other ways a text names it (short forms, adjectives, demonyms). A form
/// several countries share is left out ("Congo", "Guinean", "Congolese"), as is one that is a
/// surname ("Holland").
const COUNTRIES: &str = "\
Afghanistan|Afghan|Afghans
Albania|Albanian
Algeria|Algerian
Andorra|Andorran
Angola|Angolan
Antigua and Barbuda
Argentina|Argentine|Argentinian
Armenia|Armenian
Australia|Australian
Austria|Austrian
Azerbaijan|Azerbaijani
Bahamas|Bahamian
Bahrain|Bahraini
Bangladesh|Bangladeshi
Barbados|Barbadian
Belarus|Belarusian
Belgium|Belgian
Belize|Belizean
Benin|Beninese
Bhutan|Bhutanese
Bolivia|Bolivian
Bosnia and Herzegovina|Bosnia|Bosnian
Botswana
Brazil|Brazilian
Brunei|Brunei Darussalam
Bulgaria|Bulgarian
Burkina Faso|Burkinabe
Burundi|Burundian
Cambodia|Cambodian
Cameroon|Cameroonian
Canada|Canadian
Cape Verde|Cabo Verde|Cape Verdean
Central African Republic
Chad|Chadian
Chile|Chilean
China|Chinese|People's Republic of China
Colombia|Colombian
Comoros
Costa Rica|Costa Rican
Croatia|Croatian
Cuba|Cuban
Cyprus|Cypriot
Czech Republic|Czechia|Czech
Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa
Denmark|Danish
Djibouti|Djiboutian
Dominica
Dominican Republic|Dominican
Ecuador|Ecuadorian|Ecuadorean
Egypt|Egyptian
El Salvador|Salvadoran
Equatorial Guinea
Eritrea|Eritrean
Estonia|Estonian
Eswatini|Swaziland
Ethiopia|Ethiopian
Fiji|Fijian
Finland|Finnish
France|French
Gabon|Gabonese
Gambia|Gambian
Georgia|Georgian
Germany|German
Ghana|Ghanaian
Greece|Greek
Grenada
Guatemala|Guatemalan
Guinea
Guinea-Bissau
Guyana|Guyanese
Haiti|Haitian
Honduras|Honduran
Hungary|Hungarian
Iceland|Icelandic
India|Indian|Indians
Indonesia|Indonesian
Iran|Iranian|Islamic Republic of Iran
Iraq|Iraqi
Ireland|Irish
Israel|Israeli
Italy|Italian
Ivory Coast|Côte d'Ivoire|Cote d'Ivoire|Ivorian
Jamaica|Jamaican
Japan|Japanese
Jordan|Jordanian
Kazakhstan|Kazakh
Kenya|Kenyan
Kiribati
Kuwait|Kuwaiti
Kyrgyzstan|Kyrgyz|Kyrgyz Republic
Laos|Lao|Laotian
Latvia|Latvian
Lebanon|Lebanese
Lesotho
Liberia|Liberian
Libya|Libyan
Liechtenstein
Lithuania|Lithuanian
Luxembourg
Madagascar|Malagasy
Malawi|Malawian
Malaysia|Malaysian
Maldives|Maldivian
Mali|Malian
Malta|Maltese
Marshall Islands
Mauritania|Mauritanian
Mauritius|Mauritian
Mexico|Mexican
Micronesia
Moldova|Moldovan
Monaco
Mongolia|Mongolian
Montenegro|Montenegrin
Morocco|Moroccan
Mozambique|Mozambican
Myanmar|Burma
Namibia|Namibian
Nauru
Nepal|Nepalese|Nepali
Netherlands|Dutch
New Zealand
Nicaragua|Nicaraguan
Niger|Nigerien
Nigeria|Nigerian
North Korea|North Korean|DPRK
North Macedonia
Norway|Norwegian
Oman|Omani
Pakistan|Pakistani|Pakistanis
Palau
Palestine|Palestinian|Palestinians
Panama|Panamanian
Papua New Guinea
Paraguay|Paraguayan
Peru|Peruvian
Philippines|Filipino|Philippine
Poland|Polish
Portugal|Portuguese
Qatar|Qatari
Republic of the Congo|Congo-Brazzaville
Romania|Romanian
Russia|Russian|Russian Federation
Rwanda|Rwandan
Saint Kitts and Nevis
Saint Lucia
Saint Vincent and the Grenadines
Samoa|Samoan
San Marino
Sao Tome and Principe|São Tomé and Príncipe
Saudi Arabia|Saudi|Saudis|Kingdom of Saudi Arabia
Senegal|Senegalese
Serbia|Serbian
Seychelles
Sierra Leone|Sierra Leonean
Singapore|Singaporean
Slovakia|Slovak
Slovenia|Slovenian
Solomon Islands
Somalia|Somali
South Africa|South African
South Korea|South Korean
South Sudan|South Sudanese
Spain|Spanish
Sri Lanka|Sri Lankan
Sudan|Sudanese
Suriname
Sweden|Swedish
Switzerland|Swiss
Syria|Syrian
Tajikistan|Tajik
Tanzania|Tanzanian
Thailand|Thai
Timor-Leste|East Timor
Togo|Togolese
Tonga
Trinidad and Tobago
Tunisia|Tunisian
Turkey|Turkish|Türkiye
Turkmenistan|Turkmen
Tuvalu
Uganda|Ugandan
Ukraine|Ukrainian
United Arab Emirates|UAE|Emirati|Emirates
United Kingdom|UK|U.K.|Britain|Great Britain|British
United States|US|U.S.|USA|America|American|Americans|United States of America
Uruguay|Uruguayan
Uzbekistan|Uzbek
Vanuatu
Venezuela|Venezuelan
Vietnam|Vietnamese|Viet Nam
Yemen|Yemeni
Zambia|Zambian
Zimbabwe|Zimbabwean";

/// Capitals, major cities and regions (Canada's provinces, the United Kingdom's nations; the
/// US states are [`US_STATES`]); more of them in and around Pakistan, the seed corpus's
/// subject, where a story is often filed from a town no sentence calls a place ("at Gwadar").
/// Every UN member's capital but those named as their country (Djibouti, Singapore) or written
/// as a common word or a first name (Victoria, Male, St. John's, Sucre).
const PLACES: &str = "\
Abbottabad
Abidjan
Abu Dhabi
Abuja
Accra
Addis Ababa
Africa|African
Alberta
Algiers
Almaty
Amman
Amritsar
Amsterdam
Anantnag
Andorra la Vella
Ankara
Antananarivo
Apia
Ashgabat
Asia|Asian
Asmara
Astana
Asuncion|Asunción
Athens
Auckland
Azad Kashmir
Baghdad
Baku
Balochistan
Bamako
Bandar Seri Begawan
Bangkok
Bangui
Banjul
Bannu
Barcelona
Basra
Basseterre
Beijing
Beirut
Belgrade
Belmopan
Bengaluru|Bangalore
Benghazi
Berlin
Bishkek
Bissau
Bogota|Bogotá
Brasilia|Brasília
Bratislava
Brazzaville
Bridgetown
Brisbane
British Columbia
Brussels
Bucharest
Budapest
Buenos Aires
Bujumbura
Busan
Cairo
Canberra
Cape Town
Caracas
Casablanca
Castries
Central Asia
Chaman
Chennai
Chicago
Chisinau
Chittagong
Colombo
Conakry
Copenhagen
Cotonou
Dakar
Damascus
Delhi
Dhaka
Dili
Djibouti City
Dodoma
Doha
Douala
Dubai
Dublin
Dushanbe
Edinburgh
England
Europe|European
Faisalabad
Frankfurt
Freetown
Funafuti
Gaborone
Gaza|Gaza Strip
Geneva
Georgetown
Gilgit
Gilgit-Baltistan
Gitega
Guangzhou
Guatemala City
Gulf
Gwadar
Hamburg
Hanoi
Harare
Havana
Helsinki
Herat
Ho Chi Minh City|Saigon
Hong Kong
Honiara
Hyderabad
Islamabad
Istanbul
Jakarta
Jammu
Jammu and Kashmir|J&K
Jeddah
Jerusalem
Johannesburg
Juba
Kabul
Kampala
Kandahar
Karachi
Kashmir|Kashmiri|Kashmiris
Kathmandu
Khyber Pakhtunkhwa
Kigali
Kingston
Kingstown
Kinshasa
Kolkata
Kuala Lumpur
Kuwait City
Kyiv|Kiev
La Paz
Ladakh
Lagos
Lahore
Libreville
Lilongwe
Lima
Lisbon
Ljubljana
Lome|Lomé
London
Los Angeles
Luanda
Lusaka
Luxembourg City
Madrid
Majuro
Malabo
Managua
Manama
Manila
Manitoba
Maputo
Mardan
Maseru
Mecca
Melbourne
Mexico City
Middle East
Milan
Minsk
Mogadishu
Mombasa
Monrovia
Montevideo
Montreal
Moscow
Mosul
Multan
Mumbai
Munich
Muscat
Muzaffarabad
N'Djamena|Ndjamena
Nairobi
Nassau
Naypyidaw
New Brunswick
New Delhi
New York
Newfoundland and Labrador|Newfoundland
Niamey
Nicosia
Northern Ireland
Nouakchott
Nova Scotia
Nuku'alofa
Ontario
Osaka
Oslo
Ottawa
Ouagadougou
Pahalgam
Palikir
Panama City
Paramaribo
Paris
Peshawar
Phnom Penh
Podgorica
Port Louis
Port Moresby
Port Vila
Port of Spain
Port-au-Prince
Porto-Novo
Prague
Praia
Pretoria
Pristina
Pulwama
Punjab
Pyongyang
Quebec|Québec
Quetta
Quito
Rabat
Rawalpindi
Reykjavik|Reykjavík
Riga
Rio de Janeiro
Riyadh
Rome
Roseau
Saint Petersburg|St Petersburg|St. Petersburg
San Francisco
San Jose|San José
San Salvador
Sanaa|Sana'a
Santiago
Santo Domingo
Sao Paulo|São Paulo
Sarajevo
Saskatchewan
Scotland
Seoul
Shanghai
Sialkot
Sindh
Skardu
Skopje
Sofia
South Asia
Srinagar
Stockholm
Suva
Swat
Sydney
Taipei
Tallinn
Tarawa
Tashkent
Tbilisi
Tegucigalpa
Tehran
Tel Aviv
Thimphu
Tirana
Tokyo
Torkham
Toronto
Tripoli
Tunis
Ulaanbaatar
Vaduz
Valletta
Vancouver
Vienna
Vientiane
Vilnius
Wales
Warsaw
Washington|Washington, DC|Washington DC|Washington D.C.
Waziristan
Wellington
West Bank
Windhoek
Yamoussoukro
Yangon|Rangoon
Yaounde|Yaoundé
Yerevan
Zagreb";

/// The states of the United States: places. A state named as a country or a city above is
/// that, alone (Georgia, New York, Washington); after a city, as an address writes it ("Atlanta,
/// Georgia"), it is the state (see [`is_us_state`]).
const US_STATES: &str = "\
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Georgia
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
New York
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
Washington
West Virginia
Wisconsin
Wyoming";

/// Organisations, then their short forms.
const ORGANISATIONS: &str = "\
African Union|AU
Agence France-Presse|AFP
Al Jazeera
Amazon
Amnesty International
Apple
Arab League
Asian Development Bank|ADB
ASEAN|Association of Southeast Asian Nations
Associated Press
BBC|British Broadcasting Corporation
CNBC
CNN
European Union|EU
Facebook
Financial Action Task Force|FATF
Fitch Ratings|Fitch
G20
G7
Google
Huawei
Hizbul Mujahideen
Human Rights Watch
International Monetary Fund|IMF
International Telecommunication Union|ITU
Interpol
Jaish-e-Mohammed|JeM|Jaish-e-Muhammad
Kashmir Resistance
Lashkar-e-Taiba|LeT|Lashkar-e-Tayyiba
Meta
Microsoft
Moody's|Moody's Investors Service
NATO|North Atlantic Treaty Organization
OPEC
Organisation of Islamic Cooperation|OIC|Organization of Islamic Cooperation
Pakistan Tehreek-e-Insaf|PTI
Reuters
Shanghai Cooperation Organisation|SCO
Taliban
Tehreek-e-Taliban Pakistan|TTP|Tehreek-e-Taliban|Pakistani Taliban
TikTok
UN General Assembly|General Assembly|UNGA|United Nations General Assembly
UN Human Rights Council|Human Rights Council|UNHRC
UN Security Council|Security Council|UNSC|United Nations Security Council
UNESCO
UNICEF
United Nations|UN|U.N.
World Bank
World Health Organization|WHO
World Trade Organization|WTO
Xinhua
YouTube";

/// Names above that are also people's ("Jim Jordan", "Israel Katz", "Chad Smith", "Santiago
/// Peña", "Sofia Coppola"): in a phrase that reads as a person's name they are the person's, not
/// the place. Alone ("talks with Jordan") or in a list ("Georgia and Armenia") they are the place.
const ALSO_PEOPLE_S_NAMES: &[&str] = &[
    "Chad",
    "Georgia",
    "Israel",
    "Jordan",
    "Lima",
    "Montana",
    "Santiago",
    "Sofia",
    "Sydney",
    "Virginia",
    "Wellington",
];

/// Organisations above whose name is also a place's: the river and its rainforest, "the
/// Amazon" (a company is not written after "the").
const ALSO_PLACE_NAMES: &[&str] = &["Amazon"];

/// True when `name`, a gazetteer organisation, is also a place's name.
pub(crate) fn is_also_a_place_s_name(name: &str) -> bool {
    ALSO_PLACE_NAMES.contains(&name)
}

/// True when `word`, a gazetteer name, is also a person's first name or surname.
pub(crate) fn is_also_a_person_s_name(word: &str) -> bool {
    ALSO_PEOPLE_S_NAMES.contains(&word)
}

/// True when `name` is a state of the United States.
pub(crate) fn is_us_state(name: &str) -> bool {
    US_STATES.lines().any(|state| state == name)
}

/// A gazetteer hit: canonical name and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Known {
    pub(crate) name: &'static str,
    pub(crate) kind: EntityKind,
}

/// A table's entries: each name, and its other names.
fn entries(
    table: &'static str,
) -> impl Iterator<Item = (&'static str, std::str::Split<'static, char>)> {
    table.lines().filter_map(|line| {
        let mut forms = line.split('|');
        Some((forms.next()?, forms))
    })
}

/// Every name and alias -> its entry, built once (the first table listing a form wins:
/// countries, then organisations, then places, then the US states).
fn index() -> &'static BTreeMap<&'static str, Known> {
    static INDEX: OnceLock<BTreeMap<&'static str, Known>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = BTreeMap::new();
        let tables = [
            (COUNTRIES, EntityKind::Country),
            (ORGANISATIONS, EntityKind::Organisation),
            (PLACES, EntityKind::Place),
            (US_STATES, EntityKind::Place),
        ];
        for (table, kind) in tables {
            for (name, aliases) in entries(table) {
                let known = Known { name, kind };
                index.entry(name).or_insert(known);
                for alias in aliases {
                    index.entry(alias).or_insert(known);
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
        .into_iter()
        .flat_map(entries)
        .filter(|(entry, _)| *entry == name)
        .flat_map(|(_, aliases)| aliases)
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

    #[test]
    fn every_un_member_state_is_a_country() {
        let countries = entries(COUNTRIES).filter(|(name, _)| *name != "Palestine");
        assert_eq!(countries.count(), 193);
        for name in [
            "Zambia", "Ghana", "Peru", "Bolivia", "Uruguay", "Senegal", "Tanzania",
        ] {
            assert_eq!(
                lookup(name).map(|k| k.kind),
                Some(EntityKind::Country),
                "{name}"
            );
        }
        for (place, kind) in [
            ("Nairobi", EntityKind::Place),
            ("Hanoi", EntityKind::Place),
            ("Mexico City", EntityKind::Place),
            ("DRC", EntityKind::Country),
            ("Ivorian", EntityKind::Country),
        ] {
            assert_eq!(lookup(place).map(|k| k.kind), Some(kind), "{place}");
        }
    }

    #[test]
    fn each_form_names_one_entry_and_people_s_names_are_in_the_gazetteer() {
        let mut forms: Vec<&str> = [COUNTRIES, PLACES, ORGANISATIONS]
            .into_iter()
            .flat_map(entries)
            .flat_map(|(name, aliases)| std::iter::once(name).chain(aliases))
            .collect();
        forms.sort_unstable();
        let before = forms.len();
        forms.dedup();
        assert_eq!(forms.len(), before, "a form is listed twice");
        for name in ALSO_PEOPLE_S_NAMES {
            assert!(lookup(name).is_some(), "{name}");
        }
        // The US states are the only table that shares forms, with the tables before it.
        let shared: Vec<&str> = US_STATES
            .lines()
            .filter(|state| forms.binary_search(state).is_ok())
            .collect();
        assert_eq!(shared, ["Georgia", "New York", "Washington"]);
    }
}
