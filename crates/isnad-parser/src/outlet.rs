//! The outlet a frame line names: the first part of a line of parts ("وكالة الوادي للأنباء |
//! محليات | 04-05-2025"، "صوت الوادي – الأحد 4 مايو 2025"), and the outlet's own name in it, its
//! head word and descriptive tail left out ("الوادي").

use crate::Span;
use crate::boilerplate::{Line, Verdict, judge};

/// Most words of an outlet's name read by its place in a dated line rather than by its form
/// ("صدى الوادي الأخضر | الأحد 4 مايو 2025").
const LABEL_WORDS: usize = 4;

/// The outlet's part of a frame line of parts: its first part, when it names an outlet by its
/// form ("وكالة الوادي للأنباء | محليات") or is a short label on a line that another part dates
/// ("صدى الوادي | نُشر في 4 مايو 2025"). Parts split by dashes only when `dashes` (a line above
/// the headline: under it, "المدينة – 4 مايو 2025" is a dateline's place).
pub(crate) fn outlet_part(source: &str, line: Span, dashes: bool) -> Option<Span> {
    let parts = crate::date_part::parts(source, line, dashes);
    let (&first, rest) = parts.split_first()?;
    if rest.is_empty() || first.is_empty() {
        return None;
    }
    let text = &source[first.range()];
    let prepared = Line::new(text);
    let words = crate::frame::frame_words();
    if words.names_outlet_plainly(&prepared) {
        return Some(first);
    }
    let label = prepared.words <= LABEL_WORDS
        && !prepared.ends_sentence()
        && matches!(judge(&prepared), Verdict::Story)
        && !text.chars().any(char::is_numeric)
        && !words.is_byline(&prepared)
        && !words.is_section_label(text);
    (label
        && rest
            .iter()
            .any(|&p| crate::date_part::part_date(source, p).is_some()))
    .then_some(first)
}

/// The outlet's own name in its part: the head word ("وكالة"، "صحيفة") and a descriptive tail
/// ("للأنباء"، "الإخبارية") left out when a word is left; a tail borrowed from English ("نيوز"،
/// "نت") is part of the name.
pub(crate) fn outlet_name(source: &str, outlet: Span) -> Span {
    let text = &source[outlet.range()];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for word in text.split_whitespace() {
        let start = at + text[at..].find(word).unwrap_or(0);
        words.push((start, word));
        at = start + word.len();
    }
    let frame = crate::frame::frame_words();
    let mut from = 0;
    let mut to = words.len();
    while to > from + 1 && frame.is_descriptive_tail(words[to - 1].1) {
        to -= 1;
    }
    if to > from + 1 && frame.is_masthead_head(words[from].1) {
        from += 1;
    }
    match (words.get(from), words.get(to.wrapping_sub(1))) {
        (Some(&(start, _)), Some(&(last, word))) if to > from => {
            Span::new(outlet.start + start, outlet.start + last + word.len())
        }
        _ => outlet,
    }
}

/// Records the outlet named at `span` of a frame line, with its own name inside it.
pub(crate) fn set_outlet(meta: &mut crate::Metadata, source: &str, span: Span) {
    meta.outlet = Some(source[span.range()].to_string());
    meta.outlet_span = Some(span);
    meta.outlet_name = Some(outlet_name(source, span));
}

/// The place of a "place - source" line ("المدينة - خاص" → "المدينة").
pub(crate) fn place_of_source_line(source: &str, line: crate::Span) -> Option<crate::Span> {
    let text = &source[line.range()];
    let (at, _) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| text.find(d).map(|at| (at, d)))
        .min()?;
    let place = crate::date_part::trim(source, Span::new(line.start, line.start + at));
    (!place.is_empty()).then_some(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(line: &str, dashes: bool) -> Option<&str> {
        outlet_part(line, Span::new(0, line.len()), dashes).map(|s| &line[s.range()])
    }

    fn name(outlet: &str) -> &str {
        &outlet[outlet_name(outlet, Span::new(0, outlet.len())).range()]
    }

    #[test]
    fn the_first_part_of_a_dated_line_of_parts_is_the_outlet() {
        assert_eq!(
            part("وكالة النسيم للأنباء | الأحد 4/5/2025 | اقتصاد", false),
            Some("وكالة النسيم للأنباء")
        );
        assert_eq!(
            part("صدى الجنوب | نُشر في 4 مايو 2025 - 10:15", false),
            Some("صدى الجنوب")
        );
        assert_eq!(
            part("النجمة | آخر تحديث: 4 مايو 2025 - 20:15", false),
            Some("النجمة")
        );
        assert_eq!(part("قناة الوادي | محليات", false), Some("قناة الوادي"));
        assert_eq!(part("صوت الوادي – الأحد 4 مايو 2025", true), Some("صوت الوادي"));
        assert_eq!(
            part("ورقة البحر – أخبار الساحل – الخميس 8 مايو 2025", true),
            Some("ورقة البحر")
        );
        assert_eq!(part("ميدان نيوز – اقتصاد", true), Some("ميدان نيوز"));
    }

    #[test]
    fn a_place_a_date_or_a_sentence_is_no_outlet() {
        // Under the headline, "place – date" is a dateline.
        assert_eq!(part("تل الورد – 4 مايو 2025", false), None);
        // A date first, a section label, a byline, an undated label.
        assert_eq!(part("الأحد 4 مايو 2025 | العدد 512", false), None);
        assert_eq!(part("رأي | الأحد 4 مايو 2025", false), None);
        assert_eq!(part("كتب: سامر نديم | 4 مايو 2025", false), None);
        assert_eq!(part("أوراق خاصة | في شؤون المدن", false), None);
        // A long dashed line is a sentence with a dash in it.
        assert_eq!(
            part(
                "الوادي – 4 مايو 2025 (واو) – افتتح المحافظ الجسر الجديد فوق النهر بحضور الأهالي والوزراء",
                true
            ),
            None
        );
    }

    #[test]
    fn the_name_leaves_out_head_word_and_descriptive_tail() {
        assert_eq!(name("وكالة النسيم للأنباء"), "النسيم");
        assert_eq!(name("صحيفة الفجر الجديد"), "الفجر الجديد");
        assert_eq!(name("يومية الشمال"), "الشمال");
        assert_eq!(name("ميدان نيوز"), "ميدان نيوز");
        assert_eq!(name("صدى الجنوب"), "صدى الجنوب");
        assert_eq!(name("وكالة"), "وكالة");
        assert_eq!(name("شبكة المدار الإخبارية"), "المدار");
    }
}
