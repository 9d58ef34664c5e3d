//! Light lemmas: one key for the forms of a word that name the same thing in a figure's
//! attribute ("قتيل", "قتيلاً", "والقتيل"; "إصابة", "إصابات"; "سعة", "سعته").
//!
//! Not a morphological analyser: the article and proclitics come off, then one pronoun suffix,
//! then case, plural and feminine endings, never leaving fewer than three letters. The same
//! function reduces the data file's words and the text's, so the two meet on one key.

use isnad_parser::fold_key;

/// Article and proclitic combinations, longest first; each needs what remains to keep 3 letters.
const ARTICLES: &[&str] = &[
    "وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
];

/// Pronoun suffixes that end a noun ("عمرها", "حتفهم", "سعته"), longest first.
pub(crate) const PRONOUNS: &[&str] = &["هما", "هم", "هن", "ها", "ه"];

/// Endings of case, number and gender, longest first.
const ENDINGS: &[&str] = &["يين", "ات", "ين", "ون", "ان", "ا", "ه", "ي"];

fn letters(word: &str) -> usize {
    word.chars().count()
}

/// The light lemma of one word (any spelling: it is folded first).
pub fn lemma(word: &str) -> String {
    let key = fold_key(word);
    let key = key.trim_matches(|c: char| !c.is_alphanumeric());
    lemma_of_key(key)
}

/// [`lemma`] of an already folded word.
pub(crate) fn lemma_of_key(key: &str) -> String {
    lemma_slice(key, true).to_string()
}

/// The lemma of a folded word written without a glued conjunction or preposition: a lexicon's
/// own words ("فائدة" is not ف + ائدة).
pub(crate) fn lemma_plain(key: &str) -> String {
    lemma_slice(key, false).to_string()
}

/// The form two lemmas meet on when they are compared: a short word's glued conjunction or
/// preposition off ("لأول" and "أول"، "ووقع" and "وقع": the lemma keeps short words whole so that
/// "وفاة" stays itself) and the article of a two-letter word ("للسد" and "السد"). Applied alike to
/// both sides, a word it cuts wrongly still meets only itself.
pub fn match_form(lemma: &str) -> &str {
    let mut w = lemma;
    // A conjunction before any short word; a preposition only before one in alef ("لأول"), so
    // that "بيان"، "كيان" and "لجنة" stay themselves.
    let after_first = w.char_indices().nth(1).map_or("", |(i, _)| &w[i..]);
    let clitic =
        w.starts_with(['و', 'ف']) || (w.starts_with(['ل', 'ب', 'ك']) && after_first.starts_with('ا'));
    if letters(w) == 4 && clitic && !w.starts_with("ال") && !w.starts_with("لل") {
        w = after_first;
    }
    for article in ["لل", "ال"] {
        if let Some(rest) = w.strip_prefix(article)
            && letters(rest) >= 2
        {
            return rest;
        }
    }
    w
}

/// The form two context words meet on: the key of their sense when `data/facts.toml` lists them
/// as one (`[[sense]]`: «بدأ» and «انطلق» are `~start`), else their [`match_form`].
pub fn align_form(lemma: &str) -> &str {
    let form = match_form(lemma);
    super::lexicon::Lexicon::get()
        .sense_of
        .get(form)
        .map_or(form, String::as_str)
}

/// True when an aligned form is a sense's key, not a word's match form.
pub fn is_sense(form: &str) -> bool {
    form.starts_with(super::lexicon::SENSE_PREFIX)
}

/// True when two aligned forms are two opposite senses: the start and the end of one thing, a
/// rise and a cut. Two clauses of those are of two moments.
pub fn opposite_senses(a: &str, b: &str) -> bool {
    super::lexicon::Lexicon::get()
        .opposite_senses
        .iter()
        .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// The lemma of a folded word, as a slice of it (no allocation: it runs on every word of every
/// sentence with a figure).
pub(crate) fn lemma_slice(key: &str, strip_proclitics: bool) -> &str {
    let mut w = key;
    let mut stripped_article = false;
    for article in ARTICLES {
        if let Some(rest) = w.strip_prefix(article)
            && letters(rest) >= 3
        {
            w = rest;
            stripped_article = true;
            break;
        }
    }
    // A conjunction or preposition glued to an indefinite word ("ووفاة", "بتبديد"), kept when the
    // word is short (so "وفاة", "بلغ" stay whole).
    if !stripped_article && strip_proclitics {
        for _ in 0..2 {
            match w.chars().next() {
                Some('و' | 'ف' | 'ب' | 'ل' | 'ك') if letters(w) >= 5 => w = &w['و'.len_utf8()..],
                _ => break,
            }
        }
    }
    // One pronoun suffix on a longer word; ة becomes ت before it ("سعته" is سعة + ه, whose ة the
    // endings would take off anyway: one pass of them is spent on it).
    for pronoun in PRONOUNS {
        if let Some(rest) = w.strip_suffix(pronoun)
            && letters(rest) >= 3
            && (pronoun.len() > 'ه'.len_utf8() || letters(w) >= 5 || rest.ends_with('ت'))
        {
            if let Some(stem) = rest.strip_suffix('ت')
                && letters(stem) >= 2
            {
                return strip_endings(stem, 1);
            }
            return strip_endings(rest, 2);
        }
    }
    strip_endings(w, 2)
}

/// False when [`lemma_slice`] reads `key` alike with and without its glued conjunction or
/// preposition taken off: the word starts with none of their letters.
pub(crate) fn may_have_proclitic(key: &str) -> bool {
    key.starts_with(['و', 'ف', 'ب', 'ل', 'ك'])
}

/// Derivational prefixes of verb forms and verbal nouns, longest first ("استنفد"، "اصطدام"،
/// "ممارسة"، "تسليم"): taken off when three consonants remain.
const DERIVATIONAL: &[&str] = &["است", "ان", "ا", "م", "ت", "ي"];

/// A rough consonant key of a word, for aligning what two reports say in different forms of one
/// word: a verb and its verbal noun ("اصطدمت" / "اصطدام"، "مارست" / "ممارسة"، "استنفد" / "نفاد").
/// The light lemma, a past-tense ت off, one derivational prefix off, then the long vowels; never
/// fewer than three letters (else the lemma), so "طيور" and "مطار" stay apart. Coarse on
/// purpose: it is only ever weighed with other words, never trusted alone.
pub fn root_key(word: &str) -> String {
    let key = fold_key(word);
    let key = key.trim_matches(|c: char| !c.is_alphanumeric());
    root_of_folded(key)
}

/// [`root_key`] of an already folded word.
pub(crate) fn root_of_folded(key: &str) -> String {
    let lemma = lemma_slice(key, true);
    let consonants = |w: &str| w.chars().filter(|c| !is_long_vowel(*c)).count();
    let mut w = lemma;
    if let Some(rest) = w.strip_suffix('ت')
        && letters(rest) >= 3
    {
        w = rest;
    }
    // An alef right after the ت of a verbal noun is a hamza of the root ("تأجيل" is ت + أجل; after
    // م it is a long vowel: "ممارسة"), as is a word's first alef left after it: "أُجّلت" and
    // "تأجيل" meet on «اجل».
    if let Some(root) = infixed_ta_root(w) {
        return String::from_iter(root);
    }
    let root_consonants =
        |prefix: &str, w: &str| consonants(w) + usize::from(prefix == "ت" && w.starts_with('ا'));
    // Every prefix starts with one of these letters: most words are left whole at once.
    if w.starts_with(['ا', 'م', 'ت', 'ي']) {
        for prefix in DERIVATIONAL {
            if let Some(rest) = w.strip_prefix(prefix)
                && root_consonants(prefix, rest) >= 3
            {
                w = rest;
                break;
            }
        }
    }
    // The word's first alef and its other consonants, counted before a string is made of them.
    let skeleton = || {
        w.char_indices()
            .filter(|&(i, c)| (i == 0 && c == 'ا') || !is_long_vowel(c))
    };
    if skeleton().count() >= 3 {
        let mut root = String::with_capacity(w.len());
        root.extend(skeleton().map(|(_, c)| c));
        root
    } else if letters(w) >= 3 {
        // A weak verb's imperfect ("يتولى"): its ي is a prefix, so it meets the verbal noun
        // ("تولي"); no verbal noun starts with ي.
        w.strip_prefix('ي')
            .filter(|rest| letters(rest) >= 3)
            .unwrap_or(w)
            .to_string()
    } else {
        lemma.to_string()
    }
}

/// The root of a verb or noun of the form اِفتعل: four consonants after its one prefix, the
/// second of them the infixed ت (or the ط after ص، ض، ط، ظ and the د after د، ذ، ز that it becomes):
/// "تشترط" and "شروط" meet on «شرط», "انتخابات" and "ينتخب" on «نخب». A first س is left alone:
/// "استمر" is است + a doubled root, not a ت infixed after س.
fn infixed_ta_root(w: &str) -> Option<[char; 3]> {
    // One prefix letter: a word starts with one of them at most.
    let rest = w.strip_prefix(['ا', 'ي', 'ت', 'ن', 'م'])?;
    // C1 ت C2 C3, or C1 ت C2 ا C3 (the verbal noun): "أكتوبر" has no such shape.
    let mut letters = ['\0'; 5];
    let mut n = 0;
    for c in rest.chars() {
        *letters.get_mut(n)? = c;
        n += 1;
    }
    let (first, infix, second, third) = match letters[..n] {
        [a, b, c, d] => (a, b, c, d),
        [a, b, c, v, d] if is_long_vowel(v) => (a, b, c, d),
        _ => return None,
    };
    if [first, second, third].iter().any(|c| is_long_vowel(*c)) {
        return None;
    }
    let infixed = match infix {
        'ت' => first != 'س',
        'ط' => matches!(first, 'ص' | 'ض' | 'ط' | 'ظ'),
        'د' => matches!(first, 'د' | 'ذ' | 'ز'),
        _ => false,
    };
    infixed.then_some([first, second, third])
}

/// True when two root keys name one word: equal, or equal but for a preposition or conjunction
/// glued to a short word or the "we" of a verb, which [`root_key`] cannot tell from a root letter
/// ("بضرب" / "ضرب", "بغاز" / "غاز", "نفرق" / "فرق"), or but for the doubled last letter of a root
/// written once ("خطة" / "خطط"); long vowels are not counted.
pub fn roots_meet(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    fn consonants(w: &str) -> impl Iterator<Item = char> + '_ {
        w.chars().filter(|c| !is_long_vowel(*c))
    }
    // The short word starts on a root letter: "يؤثر" is no "كثر" without its ك.
    let glued = |long: &str, short: &str| {
        long.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف', 'ن'])
            .is_some_and(|rest| {
                letters(rest) >= 2
                    && short.chars().next().is_some_and(|c| !is_long_vowel(c))
                    && consonants(rest).eq(consonants(short))
            })
    };
    // A doubled root written once ("خطة" is خطط, its key «خط»).
    let doubled = |long: &str, short: &str| {
        let mut long_consonants = consonants(long);
        let mut short_consonants = consonants(short);
        match (
            (
                long_consonants.next(),
                long_consonants.next(),
                long_consonants.next(),
                long_consonants.next(),
            ),
            (
                short_consonants.next(),
                short_consonants.next(),
                short_consonants.next(),
            ),
        ) {
            ((Some(a), Some(b), Some(c), None), (Some(x), Some(y), None)) => a == x && b == y && c == y,
            _ => false,
        }
    };
    // A hollow verb's short form ("لم يزر" of «زار»، "لم يقل" of «قال»): an imperfect's ي or ت and
    // the root's two strong letters, the long vowel between them dropped.
    let short_form = |short: &str, long: &str| {
        short
            .strip_prefix(['ي', 'ت'])
            .is_some_and(|rest| letters(rest) == 2 && consonants(rest).count() == 2 && letters(long) == 3)
            && consonants(long).count() == 2
            && consonants(short).eq(consonants(long))
    };
    glued(a, b) || glued(b, a) || doubled(a, b) || doubled(b, a) || short_form(a, b) || short_form(b, a)
}

/// The last letter of a word that is no long vowel ([`roots_meet`] does not count them): two
/// different words meet on one root only when theirs is the same letter, so a caller comparing
/// many pairs rules most of them out without reading both words.
pub fn root_last_letter(word: &str) -> Option<char> {
    word.chars().rev().find(|c| !is_long_vowel(*c))
}

fn is_long_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'ئ' | 'ؤ')
}

/// Case, plural and feminine endings off (up to `passes` of them), keeping at least three letters
/// (two for a word that had ة: "سعة" → "سع").
fn strip_endings(word: &str, passes: usize) -> &str {
    let mut w = word;
    for _ in 0..passes {
        let before = w;
        for ending in ENDINGS {
            if let Some(rest) = w.strip_suffix(ending) {
                let keep = if *ending == "ه" { 2 } else { 3 };
                if letters(rest) >= keep {
                    w = rest;
                    break;
                }
            }
        }
        if w == before {
            break;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::lemma;

    fn same(a: &str, b: &str) {
        assert_eq!(lemma(a), lemma(b), "{a} vs {b}");
    }

    #[test]
    fn forms_of_one_word_meet() {
        same("قتيلاً", "قتيل");
        same("والقتيل", "قتيل");
        same("مفقوداً", "المفقودين");
        same("إصابة", "إصابات");
        same("الإصابات", "إصابة");
        same("سعته", "السعة");
        same("عمرها", "عمر");
        same("حتفهم", "حتف");
        same("فلسطينيين", "فلسطيني");
        same("راكباً", "راكب");
        same("ووفاة", "وفاة");
        same("غرامة", "الغرامة");
    }

    /// Words that meet on one root end on the same letter that is no long vowel: the test
    /// callers use to skip pairs that cannot meet.
    #[test]
    fn words_that_meet_end_on_one_letter() {
        let words = [
            "خطة", "خط", "خطط", "وكثر", "كثر", "يؤثر", "خلو", "خلت", "خل", "حرب", "بحرب", "نفرق", "فرق",
            "بغاز", "غاز", "وا", "او", "ب", "بي", "مدد", "مد",
        ];
        for a in words {
            for b in words {
                if a != b && super::roots_meet(a, b) {
                    let last = super::root_last_letter(a);
                    assert!(last.is_some() && last == super::root_last_letter(b), "{a} / {b}");
                }
            }
        }
    }

    #[test]
    fn short_words_keep_their_letters() {
        assert_eq!(lemma("بلغ"), "بلغ");
        assert_eq!(lemma("وفاة"), "وفاه".trim_end_matches('ه'));
        assert_eq!(lemma("قتل"), "قتل");
    }

    #[test]
    fn a_verb_and_its_verbal_noun_share_a_root_key() {
        use super::root_key;
        let same = |a: &str, b: &str| assert_eq!(root_key(a), root_key(b), "{a} vs {b}");
        same("انهارت", "انهيار");
        same("احترقت", "احتراق");
        same("ساهمت", "مساهمة");
        same("استخدم", "الاستخدام");
        same("سلّمت", "تسليم");
        same("ضغوطاً", "الضغوط");
        same("بطيور", "الطيور");
        // A hamza of the root after the ت of a verbal noun; after م an alef is a long vowel.
        same("أُجّلت", "تأجيل");
        same("أكد", "تأكيد");
        same("مارست", "ممارسة");
        // A weak root: the imperfect's ي is a prefix.
        same("يتولى", "لتولي");
        assert_ne!(root_key("طيور"), root_key("مطار"));
        assert_ne!(root_key("انهيار"), root_key("احتراق"));
    }

    #[test]
    fn a_glued_preposition_does_not_part_two_roots() {
        use super::{root_key, roots_meet};
        let meet = |a: &str, b: &str| roots_meet(&root_key(a), &root_key(b));
        assert!(meet("بضرب", "ضرب"));
        assert!(meet("بغاز", "الغاز"));
        assert!(meet("وحرب", "الحرب"));
        assert!(meet("نفرق", "الفرق"));
        assert!(!meet("بحر", "حرب"));
        assert!(!meet("لبن", "بنك"));
        assert!(!meet("أكثر", "يؤثر"));
    }

    #[test]
    fn forms_with_an_infixed_ta_share_their_root() {
        use super::{root_key, roots_meet};
        let meet = |a: &str, b: &str| roots_meet(&root_key(a), &root_key(b));
        // اِفتعل: the ت after the first root letter, or the ط and د it becomes after ص and ز.
        assert!(meet("تشترط", "شروط"));
        assert!(meet("اشتراط", "الشروط"));
        assert!(meet("ينتخب", "الانتخابات"));
        assert!(meet("انتخب", "منتخب"));
        assert!(meet("اجتمع", "يجتمعون"));
        assert!(meet("اصطدمت", "صدم"));
        assert!(meet("الازدحام", "زحمة"));
        assert!(!meet("استمر", "سمر"));
        assert!(!meet("أكتوبر", "كبير"));
    }

    #[test]
    fn a_hollow_verbs_short_form_meets_its_past() {
        use super::{root_key, roots_meet};
        let meet = |a: &str, b: &str| roots_meet(&root_key(a), &root_key(b));
        assert!(meet("يزر", "زارت"));
        assert!(meet("يقل", "قال"));
        assert!(meet("يعد", "عاد"));
        assert!(!meet("يزر", "زرع"));
        assert!(!meet("يقل", "نقل"));
    }

    #[test]
    fn a_doubled_root_meets_its_short_form() {
        use super::{root_key, roots_meet};
        let meet = |a: &str, b: &str| roots_meet(&root_key(a), &root_key(b));
        assert!(meet("خطتها", "خطط"));
        assert!(meet("مدته", "المدد"));
        assert!(!meet("خطتها", "خطف"));
        assert!(!meet("مدته", "مدير"));
    }

    #[test]
    fn different_words_stay_apart() {
        assert_ne!(lemma("قتيل"), lemma("جريح"));
        assert_ne!(lemma("تدفق"), lemma("تصريف"));
        assert_ne!(lemma("ركاب"), lemma("طاقم"));
    }
}
