//! What a figure measures: its attribute from the words around it; what a date or an ordinal is of.

use super::sentence::SentenceFacts;
use super::value::{is_currency, is_figure, is_time_unit};
use crate::facts::types::{Attribute, AttributeDetail, AttributeSource, AttributeWord, FactValue};
use crate::mentions::MentionValue;
use isnad_parser::TokenKind;

impl<'a> SentenceFacts<'a> {
    /// What the figure at mention `index` measures.
    pub(super) fn attribute(
        &self,
        index: usize,
        value: &FactValue,
        first: usize,
        last: usize,
    ) -> Option<Attribute> {
        let lx = self.lx;
        let clause_start = self.words.clause_start[first];
        if matches!(value.unit.as_deref(), Some("date" | "ordinal")) {
            return Some(self.noun_attribute(index, first));
        }
        let mut counted: Option<usize> = None;
        // "34 إصابة ووفاتين": a noun in the dual is its own count and says what it counts.
        let dual_noun = first == last
            && value.unit.is_none()
            && value.amount.value == Some(2.0)
            && value.amount.high == Some(2.0)
            && self.is_arabic(first)
            // Not the number word itself ("اثنين"، "واثنتان").
            && !crate::mentions::words::is_number_word(self.key(first))
            && !crate::mentions::words::is_number_word(self.key(first).trim_start_matches(['و', 'ف']));
        if dual_noun {
            counted = Some(first);
        } else if value.unit.is_none() {
            if let Some(c) = self.counted_candidate(first, last) {
                if self.key(c) == "من" {
                    let mut head = c + 1;
                    if lx.partitive_heads.contains(self.key(head)) {
                        head += 1;
                    }
                    if self.is_arabic(head) {
                        counted = Some(head);
                    }
                } else {
                    counted = self.counted_noun(c);
                }
            }
        } else if self.key(last + 1) == "من"
            && self.is_arabic(last + 2)
            && self.key(last + 2).starts_with("ال")
            && !value.unit.as_deref().is_some_and(is_currency)
        {
            // "212 مليمتراً من الأمطار": what the amount is of. A sum of money "من الأموال العامة"
            // is money taken from somewhere; what it measures is said before it.
            counted = Some(last + 2);
        }

        // The words before: the nearest event word, the nearest measure noun, a class word.
        let mut event_word: Option<usize> = None;
        let mut measure_word: Option<usize> = None;
        let mut class_word: Option<usize> = None;
        let mut steps = 0;
        let mut i = first;
        // "وتضاف الغرامة المحكوم بها، وقدرها 7000 دينار": a clause of only «وقدرها» and its value
        // gives the amount of a noun of the clause before it.
        let amount_of_before = clause_start >= 2
            && first == clause_start + 1
            && lx.amount_of_before.contains(self.key(clause_start))
            && self.kind(clause_start - 1) == Some(TokenKind::Punct);
        let scan_start = if amount_of_before {
            self.words.clause_start[clause_start - 2]
        } else {
            clause_start
        };
        while i > scan_start && steps < 7 {
            i -= 1;
            if self.kind(i) == Some(TokenKind::Punct) {
                if amount_of_before && i + 1 == clause_start {
                    continue;
                }
                break;
            }
            if self.is_numeric_mention(i) && self.mention_of[i] != Some(index) {
                break;
            }
            // "تجاوزت 40 درجة في عدة ولايات": the noun right after another figure is what that
            // figure counts, not a measure of this one.
            if i > 0
                && self.mention_of[i - 1].is_some_and(|m| {
                    m != index && matches!(self.mentions[m].0.value, MentionValue::Number(_))
                })
                && !self.key(i).starts_with(['و', 'ف'])
                && self.counted_noun(i) == Some(i)
            {
                break;
            }
            // A name with its title is the object between a verbal noun and its value ("بسجن
            // الوزير X خمس سنوات"): what is measured is said around it.
            if self.is_time_mention(i) || !self.is_content(i) || self.named[i] {
                continue;
            }
            steps += 1;
            if class_word.is_none() && self.class_at(i).is_some() && steps <= 3 {
                class_word = Some(i);
            }
            if measure_word.is_none() && self.measure_lemma(i).is_some() {
                measure_word = Some(i);
            }
            if event_word.is_none() && steps <= 2 && !self.named[i] && !self.is_adjective_after_noun(i) {
                event_word = Some(i);
            }
        }
        // "ارتفاع الوفيات إلى 5 وآمال …": with what is counted said before the figure, a word after it
        // that starts with و starts the next phrase.
        if let Some(c) = counted
            && !dual_noun
            && (class_word.is_some() || measure_word.is_some())
            && self.key(c).starts_with(['و', 'ف'])
            && self.class_at(c).is_none()
        {
            counted = None;
        }
        // "19 آخرون محاصرين": others are not more of what the clause before counts; the word after
        // them says what they are. With nothing after them ("وأصيب 3 آخرون") the verb before does.
        if let Some(c) = counted
            && lx.others.contains(self.lemma(c))
            && let Some(state) = Some(c + 1).filter(|&a| self.is_content(a) && self.counted_noun(a).is_some())
        {
            class_word = None;
            event_word = None;
            counted = Some(state);
        }
        let counted_lemma = counted.map(|c| self.lemma(c));
        let counted_generic = counted_lemma.is_some_and(|l| lx.generic.contains(l));
        // "بتبديد ما يقارب 340 مليون درهم": a verbal noun with ب right before the value governs it;
        // a measure noun further back is another phrase's ("وعدداً من المسؤولين").
        if let (Some(e), Some(m)) = (event_word, measure_word)
            && m < e
            && self.key(e).starts_with('ب')
            && !self.key(e).starts_with("بال")
            && self.key(e).chars().count() >= 5
            && self.measure_lemma(e).is_none()
            && (e + 1..first).all(|j| !self.is_content(j))
        {
            measure_word = None;
        }
        let specific_noun = counted.is_some() && !counted_generic;
        // After the counted noun, the word that says what happened to them ("ستة أشخاص … حتفهم"،
        // "4 عمال في عداد المفقودين").
        let after_counted = {
            let from = counted.map_or(last + 1, |c| c + 1);
            let reach = if counted_generic || counted.is_none() {
                3
            } else {
                4
            };
            (from..(from + reach).min(self.n()))
                .take_while(|&j| self.kind(j) != Some(TokenKind::Punct) && !self.is_numeric_mention(j))
                // "12 مليون دينار من عائدات الرسوم": where money came from is not what it is.
                .take_while(|&j| !(self.key(j) == "من" && value.unit.as_deref().is_some_and(is_currency)))
                // "ثماني فرق في البحث عن المفقودين": past a preposition is another phrase's noun, save
                // the count the people are in ("في عداد المفقودين") and what a part is of («من»).
                .take_while(|&j| {
                    let k = self.key(j);
                    k == "من" || !self.lx.prepositions.contains(k) || self.key(j + 1) == "عداد"
                })
                // "بأربع مباريات دون جمهور وتغريمه": a coordinated word starts another item.
                .take_while(|&j| {
                    !self.key(j).starts_with('و') || self.lx.function_words.contains(self.key(j))
                })
                // "فرق إنقاذ"، "مراكز إيواء": a verbal noun in construct with the counted noun names
                // its kind, not what happened to it.
                .filter(|&j| {
                    !(counted == Some(j - 1)
                        && specific_noun
                        && self.class_at(j).is_some()
                        && self.is_verbal_noun(j))
                })
                .find(|&j| self.is_content(j) && self.class_after(j).is_some())
        };

        // A class word before the number names what happened to a specific counted noun only when
        // it governs the number ("مقتل 7 فلسطينيين"); further back it is another phrase's ("إصابة 41
        // حالة … في أربع ولايات").
        // Past a pronoun after a preposition or a word of now ("يرقد فيه حالياً 140 مريضاً").
        let governing_class = {
            let mut b = first.checked_sub(1);
            let mut skipped = 0;
            while let Some(p) = b
                && skipped < 2
                && p > clause_start
                && self.kind(p) != Some(TokenKind::Punct)
                && (self.lx.pronoun_prepositions.contains(self.key(p))
                    || self.lx.present.contains(self.key(p)))
            {
                b = p.checked_sub(1);
                skipped += 1;
            }
            b.filter(|&b| self.class_at(b).is_some())
        };
        let specific = counted.is_some() && !counted_generic;
        let class_at = counted
            .filter(|&c| self.class_at(c).is_some())
            .or(if specific { governing_class } else { class_word })
            .or(after_counted);
        // A specific counted noun says what is measured over a measure noun's class ("لمدة ثلاث
        // مباريات" counts matches; "لمدة ثلاثة أيام" is a duration).
        let mut class = class_at
            .and_then(|w| {
                if Some(w) == after_counted {
                    self.class_after(w)
                } else {
                    self.class_at(w)
                }
            })
            .or_else(|| measure_word.filter(|_| !specific).and_then(|m| self.class_at(m)));
        if let MentionValue::Quantity(q) = &self.mentions[index].0.value
            && q.unit == "year_of_age"
        {
            class = lx.class_named("age");
        }
        // "35% من العقد": a percentage of a thing is a share of it.
        if class.is_none()
            && value.unit.as_deref() == Some("percent")
            && self.key(last + 1) == "من"
            && self.is_content(last + 2)
        {
            class = lx.class_named("share");
        }
        let is_duration = matches!(self.mentions[index].0.value, MentionValue::Duration(_));
        if class.is_none()
            && value.unit.as_deref().is_some_and(is_time_unit)
            && event_word.is_some_and(|w| lx.lasting.contains(self.lemma(w)))
        {
            // A length of time after a verb of lasting is the event's duration.
            class = lx.class_named("duration");
        }
        // "بعد 38 ساعة من اندلاعه": how long after (or before) a moment, of whatever its clause
        // is about.
        let mut interval_moment = None;
        if class.is_none()
            && is_duration
            && let Some((name, moment)) = self.interval_at(first, last)
            && self.is_content(moment)
        {
            class = lx.class_named(name);
            interval_moment = Some(moment);
        }

        // "عجز الموازنة": the head of a chain of measure nouns is the first, the rest its genitives.
        while let Some(m) = measure_word
            && m > clause_start
            && self.key(m).trim_start_matches(['و', 'ف']).starts_with("ال")
            && self.measure_lemma(m - 1).is_some()
        {
            measure_word = Some(m - 1);
        }
        // "معدل التضخم"، "نسبة البطالة": a head that says only "how" measures its genitive when that
        // is a measure itself.
        let mut generic_head: Option<usize> = None;
        if let Some(m) = measure_word
            && self
                .measure_lemma(m)
                .is_some_and(|l| lx.generic_measures.contains(l))
            && m + 1 < first
            && self.is_content(m + 1)
            && (self.measure_lemma(m + 1).is_some() || self.class_at(m + 1).is_some())
        {
            generic_head = Some(m);
            measure_word = Some(m + 1);
            if class.is_none() {
                class = self.class_at(m + 1);
            }
        }
        let word = |i: usize| AttributeWord {
            lemma: Box::from(self.measure_lemma(i).unwrap_or_else(|| self.lemma(i))),
            span: self.toks.pieces[i].span(),
        };
        // The moment an interval counts from is what it is a length of ("بعد 38 ساعة من
        // اندلاعه": its outbreak), never what its clause is about.
        let (from, head_at) = if let Some(m) = interval_moment {
            (AttributeSource::Moment, Some(m))
        } else if let Some(c) = counted.filter(|_| !counted_generic) {
            (AttributeSource::Counted, Some(c))
        } else if let Some(m) = measure_word {
            (AttributeSource::Measure, Some(m))
        } else if let Some(w) = class_word.or(after_counted) {
            (AttributeSource::Event, Some(w))
        } else if let Some(e) = event_word {
            (AttributeSource::Event, Some(e))
        } else if value.unit.is_some() {
            (AttributeSource::Unit, None)
        } else {
            (AttributeSource::Unknown, None)
        };
        let head = head_at.map(word);

        // A length of time that nothing says is a measure, with another figure in its clause, is
        // that figure's window ("212 مليمتراً خلال 24 ساعة").
        // A toll's class from a word nearby is not what a length of time measures.
        if is_duration && class.is_none_or(|c| c.evolving) && from != AttributeSource::Measure {
            let clause = (clause_start, self.words.clause_end[last]);
            let others = self
                .mentions
                .iter()
                .enumerate()
                .any(|(k, &(m, f, _))| k != index && f >= clause.0 && f < clause.1 && is_figure(m));
            if others || from == AttributeSource::Unit || from == AttributeSource::Unknown {
                return None;
            }
        }

        let mut qualifiers: Vec<&str> = Vec::new();
        let mut governor = None;
        match from {
            // The verbal noun right before a count qualifies what is counted: "بإدانة 11 متهماً"
            // counts the convicted among the defendants.
            AttributeSource::Counted => {
                if let Some(e) = first.checked_sub(1).filter(|&e| {
                    Some(e) == event_word
                        && !self.named[e]
                        && !self.has_attached_pronoun(e)
                        && self.governs_a_number(e)
                }) {
                    let l = self.lemma(e);
                    if !lx.measures.contains(l) && lx.class(l).is_none() {
                        governor = Some(Box::from(l));
                    }
                }
                // "الأطباء والممرضين الـ14 المصابين": the definite noun right before the number is
                // the set counted.
                if let Some(b) = first.checked_sub(1)
                    && self.is_content(b)
                    && !self.named[b]
                    && self.key(b).trim_start_matches(['و', 'ف']).starts_with("ال")
                    && self.class_at(b).is_none()
                    && self.measure_lemma(b).is_none()
                {
                    qualifiers.push(self.lemma(b));
                }
                // "الوردية الليلية التي تضم 64 عاملاً": the count is of the noun the relative
                // clause hangs on.
                if let Some(r) = (clause_start..first)
                    .rev()
                    .take(4)
                    .find(|&i| crate::grammar::grammar().is_relative_pronoun(self.key(i)))
                    && let Some(b) = (clause_start..r)
                        .rev()
                        .find(|&i| self.is_content(i) && !self.named[i])
                    && r - b <= 2
                {
                    qualifiers.push(self.lemma(b));
                }
            }
            // What a measure is of: the noun after it ("نسبة التغطية"، "أرباحاً تشغيلية"), the noun
            // before "بطول"/"بقيمة" ("جسراً بطول"), the antecedent of "الذي يبلغ طوله".
            AttributeSource::Measure | AttributeSource::Event if class.is_none_or(|c| !c.evolving) => {
                if let Some(h) = head_at {
                    qualifiers = self.measure_qualifiers(h, first);
                }
            }
            // "قبل أربع ساعات من موعد صافرة البداية": the moment and the nouns in construct after
            // it; two lengths from moments that share none are of different moments.
            AttributeSource::Moment => {
                if let Some(m) = head_at {
                    let end = self.words.clause_end[m].min(m + 3);
                    qualifiers.extend(
                        (m..end)
                            .take_while(|&i| self.is_content(i))
                            .map(|i| self.lemma(i)),
                    );
                }
            }
            _ => {}
        }
        qualifiers.sort();
        qualifiers.dedup();

        let mut modifier: Option<&str> = None;
        // A modifier right after the counted noun or the measure ("86 إصابة جديدة"، "أرباحاً
        // تشغيلية"، "ثلاث حارات لكل اتجاه").
        // A unit's figure has no counted noun: the word right after its value ("ثلاث ساعات
        // يومياً").
        let unit_end = value.unit.is_some().then_some(last);
        for at in [counted, head_at, class_at, unit_end].into_iter().flatten() {
            // "78 راكباً إضافة إلى طاقمها": a noun before إلى opens "besides …", no modifier.
            let besides = at + 2 < self.n() && matches!(self.key(at + 2), "الي" | "الى");
            if modifier.is_none()
                && self.is_arabic(at + 1)
                && !besides
                && let Some(m) = lx
                    .modifiers
                    .get(self.lemma(at + 1))
                    .or_else(|| lx.modifiers.get(self.key(at + 1)))
            {
                modifier = Some(m);
            }
        }
        // "متوسط عمر أسطولها": an average before the head.
        for at in [head_at, generic_head].into_iter().flatten() {
            let before = if Some(at) == generic_head {
                Some(at)
            } else {
                at.checked_sub(1)
            };
            if modifier.is_none()
                && let Some(b) = before
                && self.is_arabic(b)
                && let Some(m) = lx.modifiers.get(self.lemma(b))
            {
                modifier = Some(m);
            }
        }
        if let Some(m) = self.modifier_before(first) {
            modifier = Some(m);
        }
        // A counted thing ("بأغلبية أربعة أصوات") is a level even in a clause about a change ("أُقرت
        // الزيادة"): only an explicit "بمقدار"/"بنسبة" makes a count a change.
        if self.is_delta(first, last, head_at, from != AttributeSource::Counted) {
            modifier = Some("delta");
        }
        if self.phrase_before(&lx.contrast, first).is_some() {
            modifier = Some("contrast");
        }
        let key = class
            .map(|c| c.name.as_str())
            .or_else(|| head.as_ref().map(|h| &*h.lemma));
        let key = key.map(|k| match modifier {
            Some(m) => format!("{k}+{m}").into_boxed_str(),
            None => Box::from(k),
        });
        Some(Attribute {
            key,
            class: class.map(|c| c.name.as_str()),
            from,
            head,
            detail: AttributeDetail::boxed(AttributeDetail {
                qualifiers: qualifiers.into_iter().map(Box::from).collect(),
                governor,
                modifier: modifier.map(Box::from),
            }),
            evolving: class.is_some_and(|c| c.evolving),
            of_something: class.is_none_or(|c| c.of_something),
        })
    }

    /// The moment an ordinal at `first` is counted from, when its clause says "منذ" a few words
    /// after it: the light lemma of the first content word after «منذ» ("منذ افتتاحه" and "منذ
    /// الافتتاح" → افتتاح), or a year's digits.
    fn since_moment(&self, first: usize) -> Option<String> {
        let grammar = crate::grammar::grammar();
        let end = self.words.clause_end[first].min(first + 8).min(self.n());
        let since = (first + 1..end).find(|&i| grammar.is_since(self.key(i)))?;
        let clause_end = self.words.clause_end[since].min(self.n());
        (since + 1..clause_end.min(since + 4)).find_map(|i| {
            if self.kind(i) == Some(TokenKind::Number) {
                Some(self.key(i).to_string())
            } else {
                // Past a word of how near ("منذ نحو …").
                (self.is_content(i) && !self.lx.linking.contains(self.key(i)))
                    .then(|| self.lemma(i).to_string())
            }
        })
    }

    /// What a date or an ordinal is of: the ordinal's noun ("زيارته الثانية"), or for a count of
    /// times ("للمرة الثالثة") the clause's first word, its event ("أُجّلت الجلسة للمرة الثالثة");
    /// for a date, the nearest content word before it that is not a name ("جائزة اليورفيجن 2018").
    /// An ordinal's key is a root key, so a verb and its verbal noun meet ("أُغلق للمرة الثانية"
    /// and "ثالث إغلاق").
    fn noun_attribute(&self, index: usize, first: usize) -> Attribute {
        let (mention, _, _) = self.mentions[index];
        let word = |i: usize| AttributeWord {
            lemma: Box::from(self.lemma(i)),
            span: self.toks.pieces[i].span(),
        };
        let clause_start = self.words.clause_start[first];
        let head = match &mention.value {
            MentionValue::Ordinal(o) => o
                .noun_span
                .and_then(|s| self.toks.pieces.iter().position(|p| p.span().overlaps(s)))
                .map(|noun| {
                    if self.lx.occurrence_nouns.contains(self.lemma(noun)) {
                        // "من المنتظر أن يتولى … للمرة الثانية"، "ما يفتح الطريق لتولي … للمرة الثالثة":
                        // what happens for the nth time is the verb after «أن» or the verbal noun
                        // after «لـ», not the words that frame it.
                        let event_from = (clause_start..noun)
                            .rev()
                            .find_map(|i| {
                                let k = self.key(i);
                                if k == "ان" {
                                    Some(i + 1)
                                } else {
                                    (k.starts_with('ل')
                                        && !k.starts_with("لل")
                                        && k.chars().count() >= 4
                                        && self.is_content(i))
                                    .then_some(i)
                                }
                            })
                            .unwrap_or(clause_start);
                        (event_from..noun)
                            .find(|&i| {
                                self.is_content(i)
                                    && !self.named[i]
                                    && self.lx.clause_breaks.at(&|k| self.key(k), i, self.n()).is_none()
                            })
                            .unwrap_or(noun)
                    } else {
                        noun
                    }
                })
                .map(word),
            _ => (clause_start..first)
                .rev()
                .filter(|&i| !self.named[i])
                .take(3)
                .find(|&i| self.is_content(i))
                .map(word),
        };
        let key = match &mention.value {
            MentionValue::Ordinal(_) => head
                .as_ref()
                .map(|h| crate::facts::lemma::root_key(&h.lemma).into_boxed_str()),
            _ => head.as_ref().map(|h| h.lemma.clone()),
        };
        // "الأولى منذ عقد": an ordinal counted within a window is another series than one without.
        // "ثاني سرقة يتعرض لها المتحف منذ افتتاحه" and "أول سرقة منذ أعمال النهب": counted from
        // two different moments, two series; "منذ الافتتاح" is the first one's again.
        let modifier = match &mention.value {
            MentionValue::Ordinal(o) => o
                .qualifier
                .as_ref()
                .map(|q| format!("within {}", isnad_parser::fold_key(&q.text)).into_boxed_str())
                .or_else(|| {
                    self.since_moment(first)
                        .map(|m| format!("since {m}").into_boxed_str())
                }),
            _ => None,
        };
        // "لليوم الثالث": a place among days grows with the report's date.
        let evolving = matches!(mention.value, MentionValue::Ordinal(_))
            && head.as_ref().is_some_and(|h| {
                self.lx.running_series.contains(&h.lemma)
                    || self
                        .lx
                        .running_series
                        .contains(&crate::facts::lemma::lemma_plain(&h.lemma))
            });
        Attribute {
            key,
            class: None,
            from: if head.is_some() {
                AttributeSource::Event
            } else {
                AttributeSource::Unknown
            },
            head,
            detail: AttributeDetail::boxed(AttributeDetail {
                modifier,
                ..AttributeDetail::default()
            }),
            evolving,
            of_something: true,
        }
    }
}
