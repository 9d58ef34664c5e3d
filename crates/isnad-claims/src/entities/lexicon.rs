//! The word lists of `data/entities.toml`: titles, reporting verbs, head nouns, stop words and the
//! markers of transliterated names. Parsed once; every word is stored as its `fold_key`.

use super::types::EntityType;
use isnad_parser::fold_key;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct RawLexicon {
    proclitics: Vec<String>,
    titles: BTreeMap<String, Vec<String>>,
    ministers: RawMinisters,
    title_modifiers: Vec<String>,
    title_fields: Vec<String>,
    reporting_verbs: Vec<String>,
    name_followers: Vec<String>,
    name_particles: Vec<String>,
    #[serde(default)]
    name_openers: Vec<String>,
    compound_given_heads: Vec<String>,
    toponym_heads: Vec<String>,
    place_prepositions: Vec<String>,

    common_name_parts: Vec<String>,
    taa_given_names: Vec<String>,
    article_given_names: Vec<String>,
    conjunction_given_names: Vec<String>,
    verbal_noun_given_names: Vec<String>,
    heads: Vec<RawHeads>,
    blocked: Vec<String>,
    generic_bodies: Vec<String>,
    institution_adjectives: Vec<String>,
    place_particles: Vec<String>,
    territorial_titles: Vec<String>,
    construct_titles: Vec<String>,
    place_common_complements: Vec<String>,
    event_complements: Vec<String>,
    place_adjectives: Vec<String>,
    body_heads: Vec<String>,
    body_adjectives: Vec<String>,
    body_competence: Vec<String>,
    name_quotes: Vec<String>,
    institutions: Vec<String>,
    office_classes: Vec<String>,
    transliteration: RawTranslit,
    stop_words: Vec<String>,
}

#[derive(Deserialize)]
struct RawMinisters {
    heads: Vec<String>,
    portfolios: Vec<String>,
    class: String,
}

#[derive(Deserialize)]
struct RawHeads {
    #[serde(rename = "type")]
    kind: EntityType,
    keep: bool,
    #[serde(default)]
    article: bool,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct RawTranslit {
    letters: Vec<String>,
    endings: Vec<String>,
    min_letters: usize,
}

/// A head noun that introduces a name ("شركة", "جامعة", "صحيفة", "مدينة").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Head {
    /// Kind of the entity it introduces.
    pub kind: EntityType,
    /// True when the head is part of the name ("جامعة كوكمين").
    pub keep: bool,
    /// True when the name after it may start with the article ("فريق الوداد", "نادي الهلال").
    pub article: bool,
}

/// The parsed word lists, folded.
pub(crate) struct Lexicon {
    /// Proclitics allowed before a glued name, longest first.
    pub proclitics: Vec<String>,
    /// Byte length of each proclitic's letter key (same order): a word's letter key without the
    /// proclitic is the word's key past these bytes.
    pub proclitic_key_lens: Vec<usize>,
    /// The letters proclitics start with, each with the proclitics it starts (indices of
    /// `proclitics`, in order): a word starting with none of them has no proclitic.
    proclitics_by_first: Vec<(char, Vec<usize>)>,
    /// The proclitics of one letter.
    pub one_letter_proclitics: Vec<char>,
    /// Title phrase → class index into `classes`.
    pub titles: FxHashMap<String, u16>,
    /// The classes of `titles` that name an office whose holder acts for it ("وزير الصحة"،
    /// "المحافظ"), by class index.
    office_classes: Vec<u16>,
    /// The first words of those offices' titles: most words start none, turned away cheaply.
    pub office_first_words: crate::sketch::KeySet,
    pub title_modifiers: crate::sketch::KeySet,
    /// Folded words that open an office's field in a title's complement ("لشؤون").
    pub title_fields: crate::sketch::KeySet,
    pub reporting_verbs: crate::sketch::KeySet,
    pub name_followers: crate::sketch::KeySet,
    pub name_particles: crate::sketch::KeySet,
    /// Lineage particles that open a name with no title before it ("ولد", "بن").
    pub name_openers: crate::sketch::KeySet,
    /// Words that make one given name with the article word after them ("عبد العزيز").
    pub compound_given_heads: crate::sketch::KeySet,
    /// Common nouns of the land that open a place's name with no head before it ("رأس المنيخ").
    pub toponym_heads: crate::sketch::KeySet,
    /// Prepositions of place before such a name ("من"، "قرب"، "قبالة").
    pub place_prepositions: crate::sketch::KeySet,
    /// The longest word `name_openers` can match, one proclitic letter included, in bytes.
    pub name_opener_bytes: usize,
    pub common_name_parts: crate::sketch::KeySet,
    /// Given names ending in ة ("فاطمة", "حمزة"): name words although nouns in ة are not.
    pub taa_names: crate::sketch::KeySet,
    /// Given names that take the article ("الحبيب"، "المنجي"), folded: after a title, with a family
    /// name after them.
    pub article_given_names: crate::sketch::KeySet,
    /// Given names that begin with و or ف ("وليد"، "فيصل"), folded: that letter is no conjunction.
    pub conjunction_given_names: crate::sketch::KeySet,
    /// Given names of the pattern of a second-form verbal noun ("توفيق"), folded.
    verbal_noun_names: crate::sketch::KeySet,
    pub heads: FxHashMap<String, Head>,
    pub blocked: Vec<String>,
    /// Institutions every state has, named by common words ("الدفاع المدني"، "خفر السواحل"),
    /// folded: an organization of the story's country wherever they stand.
    pub generic_bodies: Vec<String>,
    /// Adjectives an institution's name ends with ("العام"، "المركزي").
    pub institution_adjectives: crate::sketch::KeySet,
    /// Common nouns that open a place's name after a place head ("عين"، "رأس").
    pub place_particles: crate::sketch::KeySet,
    /// Titles whose complement is a territory ("والي"، "محافظ").
    pub territorial_titles: crate::sketch::KeySet,
    /// Professions in the construct state: a title only before a definite complement.
    pub construct_titles: crate::sketch::KeySet,
    /// Article nouns after a place head that describe it rather than name it ("مخيم اللاجئين").
    pub place_common_complements: crate::sketch::KeySet,
    /// Event nouns after a place head: what happened there, never its name ("منطقة الحادث").
    pub event_complements: crate::sketch::KeySet,
    /// Adjectives a place's name may end with ("الأعلى"، "الدولي").
    pub place_adjectives: crate::sketch::KeySet,
    /// Quotation marks around a name after a head noun.
    pub name_quotes: crate::sketch::KeySet,
    /// Heads of bodies named by the words after them ("وزارة"، "نقابة"), without the article.
    pub body_heads: crate::sketch::KeySet,
    /// Adjectives that start a body's name after its definite head ("الوطنية"، "الأعلى").
    pub body_adjectives: crate::sketch::KeySet,
    /// Participles of competence that take a field after ب in a body's name ("المكلفة بقضايا").
    pub body_competence: crate::sketch::KeySet,
    /// Head nouns of institutions named with a nationality adjective.
    pub institutions: crate::sketch::KeySet,
    pub translit_letters: Vec<char>,
    /// The lowest of `translit_letters`.
    pub translit_lowest: char,
    pub translit_endings: Vec<String>,
    /// The last letters of `translit_endings`, each with its endings (in list order): a word is
    /// compared with the endings of its last letter only.
    translit_endings_by_last: Vec<(char, Vec<usize>)>,
    pub translit_min_letters: usize,
    pub stop_words: crate::sketch::KeySet,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let raw: RawLexicon = toml::from_str(include_str!("../../data/entities.toml"))
        .unwrap_or_else(|e| panic!("data/entities.toml: {e}"));
    Lexicon::from_raw(raw)
});

/// The built-in lexicon.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn folded(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words
        .iter()
        .map(|w| collapse(&fold_key(w)))
        .filter(|w| !w.is_empty())
}

/// Folds runs of whitespace to one space, as the sentence match text does.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Lexicon {
    fn from_raw(raw: RawLexicon) -> Lexicon {
        let mut classes: Vec<String> = Vec::new();
        let mut titles = FxHashMap::default();
        for (class, words) in &raw.titles {
            let index = classes.len() as u16;
            classes.push(class.clone());
            for w in folded(words) {
                titles.entry(w).or_insert(index);
            }
        }
        // A profession in the construct state is of the class of its definite form.
        let civil = classes.iter().position(|c| c == "civil").map_or_else(
            || {
                classes.push("civil".to_string());
                classes.len() as u16 - 1
            },
            |i| i as u16,
        );
        for w in folded(&raw.construct_titles) {
            titles.entry(w).or_insert(civil);
        }
        let index = classes.len() as u16;
        classes.push(raw.ministers.class.clone());
        for head in folded(&raw.ministers.heads) {
            // "الوزير الكيني" alone is a role phrase too.
            titles.entry(head.clone()).or_insert(index);
            for portfolio in folded(&raw.ministers.portfolios) {
                titles.entry(format!("{head} {portfolio}")).or_insert(index);
                // The construct state drops the article: "وزير خارجية جنوب أفريقيا".
                if let Some(bare) = portfolio.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
                    titles.entry(format!("{head} {bare}")).or_insert(index);
                }
            }
        }
        let office_classes = raw
            .office_classes
            .iter()
            .filter_map(|c| classes.iter().position(|k| k == c))
            .map(|i| i as u16)
            .collect::<Vec<u16>>();
        let office_first_words = titles
            .iter()
            .filter(|(_, c)| office_classes.contains(c))
            .filter_map(|(t, _): (&String, _)| t.split(' ').next().map(str::to_string))
            .collect();
        let mut heads = FxHashMap::default();
        for group in &raw.heads {
            for w in folded(&group.words) {
                heads.entry(w).or_insert(Head {
                    kind: group.kind,
                    keep: group.keep,
                    article: group.article,
                });
            }
        }
        let mut proclitics: Vec<String> = folded(&raw.proclitics).collect();
        proclitics.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let one_letter_proclitics = (proclitics.iter())
            .filter_map(|p| {
                let mut chars = p.chars();
                chars.next().filter(|_| chars.next().is_none())
            })
            .collect();
        let translit_endings: Vec<String> = folded(&raw.transliteration.endings).collect();
        let mut translit_endings_by_last: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, ending) in translit_endings.iter().enumerate() {
            let Some(last) = ending.chars().next_back() else {
                continue;
            };
            match translit_endings_by_last.iter_mut().find(|(c, _)| *c == last) {
                Some((_, list)) => list.push(i),
                None => translit_endings_by_last.push((last, vec![i])),
            }
        }
        let mut proclitics_by_first: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, p) in proclitics.iter().enumerate() {
            let Some(first) = p.chars().next() else { continue };
            match proclitics_by_first.iter_mut().find(|(c, _)| *c == first) {
                Some((_, list)) => list.push(i),
                None => proclitics_by_first.push((first, vec![i])),
            }
        }
        Lexicon {
            proclitics_by_first,
            one_letter_proclitics,
            proclitic_key_lens: proclitics
                .iter()
                .map(|p| super::variant::letter_key(p).len())
                .collect(),
            proclitics,
            titles,
            title_modifiers: folded(&raw.title_modifiers).collect(),
            title_fields: folded(&raw.title_fields).collect(),
            reporting_verbs: folded(&raw.reporting_verbs).collect(),
            name_followers: folded(&raw.name_followers).collect(),
            name_particles: folded(&raw.name_particles).collect(),
            name_openers: folded(&raw.name_openers).collect(),
            compound_given_heads: folded(&raw.compound_given_heads).collect(),
            toponym_heads: folded(&raw.toponym_heads).collect(),
            place_prepositions: folded(&raw.place_prepositions).collect(),
            name_opener_bytes: folded(&raw.name_openers)
                .map(|w| w.len() + 'و'.len_utf8())
                .max()
                .unwrap_or(0),
            common_name_parts: folded(&raw.common_name_parts).collect(),
            taa_names: folded(&raw.taa_given_names).collect(),
            article_given_names: folded(&raw.article_given_names).collect(),
            conjunction_given_names: folded(&raw.conjunction_given_names).collect(),
            verbal_noun_names: folded(&raw.verbal_noun_given_names).collect(),
            heads,
            blocked: folded(&raw.blocked).collect(),
            generic_bodies: folded(&raw.generic_bodies).collect(),
            institution_adjectives: folded(&raw.institution_adjectives).collect(),
            place_particles: folded(&raw.place_particles).collect(),
            territorial_titles: folded(&raw.territorial_titles).collect(),
            construct_titles: folded(&raw.construct_titles).collect(),
            place_common_complements: folded(&raw.place_common_complements).collect(),
            event_complements: folded(&raw.event_complements).collect(),
            place_adjectives: folded(&raw.place_adjectives).collect(),
            name_quotes: raw.name_quotes.iter().cloned().collect(),
            body_heads: folded(&raw.body_heads).collect(),
            body_adjectives: folded(&raw.body_adjectives).collect(),
            body_competence: folded(&raw.body_competence).collect(),
            institutions: folded(&raw.institutions).collect(),
            office_classes,
            office_first_words,
            translit_lowest: raw
                .transliteration
                .letters
                .iter()
                .filter_map(|l| l.chars().next())
                .min()
                .unwrap_or(char::MAX),
            translit_letters: raw
                .transliteration
                .letters
                .iter()
                .filter_map(|l| l.chars().next())
                .collect(),
            translit_endings,
            translit_endings_by_last,
            translit_min_letters: raw.transliteration.min_letters,
            stop_words: folded(&raw.stop_words).collect(),
        }
    }

    /// The proclitics that word `w` may start with (indices of `proclitics`, longest first): those
    /// of its first letter.
    pub fn proclitics_of(&self, w: &str) -> &[usize] {
        let Some(first) = w.chars().next() else {
            return &[];
        };
        self.proclitics_by_first
            .iter()
            .find(|(c, _)| *c == first)
            .map_or(&[], |(_, list)| list.as_slice())
    }

    /// How many of the folded `words` the longest title of an office ([`Lexicon::titles`] of an
    /// office class) starting them takes, if one does.
    pub fn office_words(&self, words: &[&str]) -> Option<usize> {
        let mut phrase = String::new();
        let mut longest = None;
        for (n, w) in words.iter().take(4).enumerate() {
            if n > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w);
            if self
                .titles
                .get(&phrase)
                .is_some_and(|c| self.office_classes.contains(c))
            {
                longest = Some(n + 1);
            }
        }
        longest
    }

    /// The class of the longest title that starts `words` (a folded phrase), if any.
    pub fn title_class_prefix(&self, phrase: &str) -> Option<u16> {
        let words: Vec<&str> = phrase.split(' ').collect();
        (1..=words.len().min(4))
            .rev()
            .find_map(|n| self.titles.get(&words[..n].join(" ")).copied())
    }

    /// True for a folded word of the pattern of a second-form verbal noun (تفعيل: "تمديد"،
    /// "توسيع") that is no listed given name: a noun, never a name word.
    pub fn is_verbal_noun(&self, word: &str) -> bool {
        let mut letters = word.chars();
        letters.next() == Some('ت')
            && letters.nth(2) == Some('ي')
            && word.chars().count() == 5
            && !self.verbal_noun_names.contains(word)
    }

    /// True for a folded word of the pattern of a past verb of the eighth or tenth form
    /// (افتعل، استفعل: "اجتمع"، "ارتفع"، "استمر") or of an eighth form whose first letter is
    /// absorbed in its ت ("اتصل"، "اتهم"): a verb, never a name word. The verbal nouns of these
    /// forms are longer, and some are given names ("ابتسام"، "انتصار").
    pub fn is_derived_past_verb(&self, word: &str) -> bool {
        let mut c = word.chars();
        let first = [c.next(), c.next(), c.next(), c.next()];
        match (first, c.next(), c.next()) {
            ([Some('ا'), Some(_), Some('ت'), Some(_)], Some(last), None) => {
                !matches!(last, 'ا' | 'ي' | 'و' | 'ه')
            }
            ([Some('ا'), Some('ت'), Some(_), Some(_)], None, _) => true,
            _ => false,
        }
    }

    /// Whether a folded word has the letters of a transliterated name (a marker letter, or
    /// enough letters and long vowels), and if so whether a marker letter is among them. A word
    /// without them has no part that looks foreign.
    pub fn foreign_letters(&self, word: &str) -> Option<bool> {
        let (mut letters, mut vowels) = (0, 0);
        for c in word.chars() {
            letters += 1;
            match c {
                'ا' | 'و' | 'ي' => vowels += 1,
                // The markers are rare letters: most letters are below all of them. One marker
                // is the answer, whatever the other letters.
                c if c >= self.translit_lowest && self.translit_letters.contains(&c) => return Some(true),
                _ => {}
            }
        }
        (letters >= self.translit_min_letters && vowels >= 2).then_some(false)
    }

    /// True when a folded word looks like a transliterated foreign name (conservative).
    pub fn looks_foreign(&self, word: &str) -> Option<EntityType> {
        let marked = self.foreign_letters(word)?;
        self.foreign_kind(word, marked)
    }

    /// [`Lexicon::looks_foreign`] for a word with the letters of a transliterated name, `marked`
    /// when a marker letter is among them.
    pub fn foreign_kind(&self, word: &str, marked: bool) -> Option<EntityType> {
        if word.starts_with("ال") {
            return None;
        }
        let kind = if marked {
            EntityType::Person
        } else {
            let last = word.chars().next_back()?;
            let (_, endings) = self.translit_endings_by_last.iter().find(|(c, _)| *c == last)?;
            let ending = endings
                .iter()
                .map(|&i| self.translit_endings[i].as_str())
                .find(|e| crate::short::ends_with_short(word, e))?;
            // Place-name endings ("ستان", "غراد", "بورغ") name places, the rest people.
            if ["ستان", "غراد", "بورغ", "برغ"].contains(&ending) {
                EntityType::Place
            } else {
                EntityType::Person
            }
        };
        // A stop word is none, whatever its letters: looked up last, as few words get here.
        (!self.stop_words.contains(word)).then_some(kind)
    }
}
