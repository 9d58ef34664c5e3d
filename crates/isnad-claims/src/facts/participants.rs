//! Who and where: each named person or body that does what its clause says, and each named
//! place where it happens, with the words of that clause (docs/facts.md, "Who and where"). The
//! graph compares them across reports whose clauses say the same thing.

use super::lexicon::Lexicon;
use super::read::SentenceFacts;
use super::types::Words;
use crate::claims::{Chain, Claim, ClaimLocation, Modality};
use crate::entities::{DocEntities, EntityKey, EntityMention, EntityType};
use isnad_parser::{Span, TokenKind};
use serde::Serialize;

mod position;
use position::{doer_at, may_open_office, office_at, previous_word};

/// What a participant is to its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    /// A person or body named as doing what the clause says.
    Actor,
    /// A named place where it happens.
    Place,
}

/// A side or part a clause names ("في الجهة الشرقية").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// North.
    North,
    /// South.
    South,
    /// East.
    East,
    /// West.
    West,
}

impl Sector {
    /// Its name in reports (`"north"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::North => "north",
            Sector::South => "south",
            Sector::East => "east",
            Sector::West => "west",
        }
    }
}

impl std::fmt::Display for Sector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named participant of a clause: who did it, or where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    /// Stable within a run: `"<doc>#p<n>"`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Actor or place.
    pub role: ParticipantRole,
    /// The entity, or the folded name when it resolved to none (written `text:` + the name).
    pub entity: EntityKey,
    /// The entity's kind.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The name's words (with its title, when it has one).
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: String,
    /// The name alone, without its title (shared with its mention).
    pub name: std::sync::Arc<str>,
    /// The sentence that names it.
    pub sentence: Span,
    /// Its clause.
    pub clause: Span,
    /// Who says so, innermost first; the outlet last.
    pub attribution: Chain,
    /// How firmly it is said.
    pub modality: Modality,
    /// Headline or body.
    #[serde(rename = "in")]
    pub location: ClaimLocation,
    /// The side or part its clause names ("في الجهة الشرقية").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// True for an office named without its holder ("المحافظ"، "وزير الصحة"): its name is the title.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub office: bool,
    /// Light lemmas of its clause's content words, its own name and title, words of place
    /// ("قرب") and of direction left out (with its whole sentence's: [`Participant::sentence_words`]).
    pub context: ClauseWords,
}

impl Participant {
    /// Light lemmas of its whole sentence.
    pub fn sentence_words(&self) -> &Words {
        &self.context.sentence
    }
}

/// Some of a sentence's words, kept as their indices among them: 4 bytes a word rather than a
/// shared string's 16 (a long article names tens of thousands of participants, issue #17).
/// Written as the list of words.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseWords {
    /// The sentence's words (sorted, each once).
    sentence: Words,
    /// Indices into them, ascending.
    ids: Box<[u32]>,
}

impl ClauseWords {
    /// The words of `sentence` at `ids` (ascending indices into it).
    pub fn new(sentence: Words, ids: Box<[u32]>) -> ClauseWords {
        debug_assert!(
            ids.windows(2).all(|w| w[0] < w[1]) && ids.iter().all(|&i| (i as usize) < sentence.len())
        );
        ClauseWords { sentence, ids }
    }

    /// The words, in their order (sorted).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &std::sync::Arc<str>> + '_ {
        self.ids.iter().map(|&i| &self.sentence[i as usize])
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl Serialize for ClauseWords {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Content words besides names a participant's clause should have to say what is done: fewer,
/// and the next clauses of its sentence are read too.
const MIN_CONTEXT_WORDS: usize = 3;

/// Content words after a name that still say what it does.
const WORDS_AFTER_NAME: usize = 6;

/// The participants of a document's story sentences, in text order.
pub fn prepared_participants(
    prepared: &crate::Prepared<'_>,
    entities: &DocEntities,
    claims: &[Claim],
) -> Vec<Participant> {
    let reader = ParticipantReader::new(prepared.document, entities, claims);
    reader.in_order(prepared.map_sentences(|sentence, p| reader.sentence(sentence, p)))
}

/// Reads a document's participants a sentence at a time (beside its facts in the last pass of
/// an analysis, which frees each sentence once read: issue #17).
pub(crate) struct ParticipantReader<'a> {
    document: &'a isnad_parser::Document,
    entities: &'a DocEntities,
    claims: &'a [Claim],
    /// The chain of what no claim attributes: the outlet alone.
    outlet: Chain,
}

impl<'a> ParticipantReader<'a> {
    /// A reader of `document`'s participants, from its names and claims.
    pub(crate) fn new(
        document: &'a isnad_parser::Document,
        entities: &'a DocEntities,
        claims: &'a [Claim],
    ) -> ParticipantReader<'a> {
        ParticipantReader {
            document,
            entities,
            claims,
            outlet: std::sync::Arc::from([crate::claims::Source::outlet_of(document)]),
        }
    }

    /// The participants of one sentence.
    pub(crate) fn sentence(
        &self,
        sentence: &isnad_parser::Sentence,
        p: &crate::PreparedSentence,
    ) -> Vec<Participant> {
        let (document, entities, claims) = (self.document, self.entities, self.claims);
        let lx = Lexicon::get();
        let offices = crate::entities::lexicon::lexicon();
        let mut out: Vec<Participant> = Vec::new();
        let span = sentence.span;
        let first = entities.mentions.partition_point(|m| m.span.start < span.start);
        let named: Vec<&EntityMention> = entities.mentions[first..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| span.contains(m.span))
            .collect();
        let toks = &p.tokens;
        // Offices named without their holders ("وأمر المحافظ بإغلاق …"): the title is who acts.
        // Each word asked once per run whether it may open a title, by its id: most words open none.
        let openers: Vec<usize> = p.with_words(|table, ids| {
            (0..toks.len())
                .filter(|&i| table.office_opener(ids[i], || may_open_office(toks.key(i), offices)))
                .collect()
        });
        let office_spans: Vec<(usize, usize)> = openers
            .into_iter()
            .filter_map(|i| office_at(toks, i, offices))
            .collect();
        if office_spans.is_empty() && !named.iter().any(|m| may_participate(m)) {
            return out;
        }
        let names: Vec<Span> = named.iter().map(|m| m.with_title()).collect();
        // No mentions: the counted noun of "ثلاثة أحياء" says what was done as much as any word.
        // Read once a name is found to be a doer or a place: most names are neither (a speaker, a
        // name after a preposition), and a sentence without one is not read word by word at all.
        let reader = std::cell::OnceCell::new();
        let reader =
            || reader.get_or_init(|| SentenceFacts::new(&self.document.source, p, &[], &names, None));
        let first_claim = claims.partition_point(|c| c.span.start < span.start);
        let sentence_claims: Vec<&Claim> = claims[first_claim..]
            .iter()
            .take_while(|c| c.span.start < span.end)
            .collect();
        let sources: Vec<Span> = sentence_claims
            .iter()
            .flat_map(|c| c.attribution.iter().filter_map(|s| s.span))
            .collect();
        let read = |at: (usize, usize), named: Named| {
            self.participant(sentence, p, reader(), &sentence_claims, &names, at, named)
        };
        // The clauses (by first token) whose doer is read.
        let mut doer_clauses: Vec<usize> = Vec::new();
        for (m, whole) in named.iter().zip(&names) {
            if !may_participate(m) || sources.iter().any(|s| s.overlaps(m.span)) {
                continue;
            }
            // Token range of the name with its title.
            let a = toks.pieces.partition_point(|t| t.span().end <= whole.start);
            let b = toks.pieces.partition_point(|t| t.span().start < whole.end);
            if a >= b {
                continue;
            }
            let before = previous_word(toks, a);
            // "للحكومة"، "بالجيش": a preposition glued to the name's first word.
            let glued_preposition = toks.pieces[a].span().start < m.span.start
                && toks
                    .key(a)
                    .trim_start_matches(['و', 'ف'])
                    .starts_with(['ل', 'ب', 'ك']);
            let after = (b < toks.len()).then(|| toks.key(b));
            let role = if matches!(m.kind, EntityType::Place) {
                // "في قرية X"، "بحي X"، "عند مدخل بلدة X": a word of place or a place's head noun,
                // before the name or read with it as its title.
                let headed = toks.pieces[a].span().start < m.span.start
                    && crate::entities::is_place_head(toks.key(a).trim_start_matches(['و', 'ف']));
                if !headed
                    && !before.is_some_and(|w| lx.locatives.contains(w) || crate::entities::is_place_head(w))
                {
                    continue;
                }
                ParticipantRole::Place
            } else {
                if !doer_at(toks, a, glued_preposition, after) {
                    continue;
                }
                // "أوقفت عناصر من X الربان Y": after a doer of the clause, a name not joined to it
                // by «و» is what was done to, not another doer.
                let clause = reader().clause_of(a).0;
                let joined = toks.key(a).starts_with('و') || (a > 0 && toks.key(a - 1) == "و");
                if doer_clauses.contains(&clause) && !joined {
                    continue;
                }
                doer_clauses.push(clause);
                ParticipantRole::Actor
            };
            out.push(read(
                (a, b),
                Named {
                    whole: *whole,
                    at: m.span,
                    role,
                    entity: EntityKey::of(m.entity.as_ref(), &m.text),
                    kind: m.kind,
                    name: m.text.clone(),
                    office: false,
                },
            ));
        }
        let mut past = 0;
        for &(a, b) in &office_spans {
            let (from, to) = (toks.pieces[a].span().start, toks.pieces[b - 1].span().end);
            // A title inside another ("نائب" of "نائب وزير الصحة"), a holder's title read with
            // the name above, or a speaker's is not another doer.
            if a < past
                || names.iter().any(|s| s.start < to && from < s.end)
                || sources.iter().any(|s| s.start < to && from < s.end)
            {
                continue;
            }
            past = b;
            // A title glued to a preposition ("بالمحافظ") opens no office (`office_at`).
            let after = (b < toks.len()).then(|| toks.key(b));
            if !doer_at(toks, a, false, after) {
                continue;
            }
            let whole = toks.pieces[a].span().cover(toks.pieces[b - 1].span());
            // A conjunction glued to the title ("والمحافظ") is no part of it; "وزير" keeps its و.
            let text = document.text(whole);
            let title = if offices.office_first_words.contains(toks.key(a)) {
                text
            } else {
                text.strip_prefix(['و', 'ف']).unwrap_or(text)
            };
            let start = whole.end - title.len();
            let whole = Span::new(start, whole.end);
            let name: std::sync::Arc<str> = std::sync::Arc::from(document.text(whole));
            out.push(read(
                (a, b),
                Named {
                    whole,
                    at: whole,
                    role: ParticipantRole::Actor,
                    entity: EntityKey::of(None, &name),
                    kind: EntityType::Person,
                    name,
                    office: true,
                },
            ));
        }
        out.sort_by_key(|p| p.span.start);
        out
    }

    /// The participant `named` at tokens `a..b` of `sentence`: its clause, the clause's words,
    /// who says so and how firmly.
    #[allow(clippy::too_many_arguments)]
    fn participant(
        &self,
        sentence: &isnad_parser::Sentence,
        p: &crate::PreparedSentence,
        reader: &SentenceFacts<'_>,
        sentence_claims: &[&Claim],
        names: &[Span],
        (a, b): (usize, usize),
        named: Named,
    ) -> Participant {
        let (document, outlet) = (self.document, &self.outlet);
        let lx = Lexicon::get();
        let toks = &p.tokens;
        let span = sentence.span;
        let Named {
            whole,
            at,
            role,
            entity,
            kind,
            name,
            office,
        } = named;
        // What the name does: its clause up to a few words after the name. A clause that says
        // little besides names ("وأمر محافظ X، Y،") goes on into the next: what was ordered
        // is said there; a long one is cut, its later words being about other things.
        let (mut c0, clause_end) = reader.clause_of(a);
        // "حافلة كانت تقل 11 عاملاً، جرفتها السيول قرب X": a clause opening on a verb with a
        // pronoun of the noun before is about that noun too.
        if c0 > 0 && c0 < a && refers_back(toks.key(c0)) {
            c0 = reader.clause_of(c0 - 1).0;
        }
        let (mut c1, mut after) = (b, 0);
        // Words of place and direction ("جنوب") say where, not what is done.
        let what_is_done = |c1: usize| {
            reader
                .context_ids_outside(c0, c1, (a, b), |w| direction(w).is_some())
                .into_iter()
                .filter(|&id| {
                    let w = reader.word(id);
                    direction(w).is_none() && !lx.locatives.contains(w)
                })
                .count()
        };
        // Another name in the clause is one word of what is done ("أحال الملف على هيئة
        // المنافسة"): whom it was done to or with. Appositions of the doer's own name
        // ("وأمر محافظ X، Y،") stay one word, and leave the clause still short.
        let other_names = |c1: usize| {
            let (from, to) = (toks.pieces[c0].span().start, toks.pieces[c1 - 1].span().end);
            names
                .iter()
                .filter(|s| **s != whole && from <= s.start && s.end <= to)
                .count()
        };
        while c1 < toks.len() && after < WORDS_AFTER_NAME {
            let clause_starts = reader.clause_of(c1).0 == c1;
            if c1 >= clause_end
                && clause_starts
                && reader.unnamed_content(c0, c1) + other_names(c1) >= MIN_CONTEXT_WORDS
                && what_is_done(c1) >= MIN_CONTEXT_WORDS
            {
                break;
            }
            if reader.unnamed_content(c1, c1 + 1) > 0
                && reader.content_lemma(c1).is_none_or(|w| direction(w).is_none())
            {
                after += 1;
            }
            c1 += 1;
        }
        let clause = toks.pieces[c0]
            .span()
            .cover(toks.pieces[c1.saturating_sub(1).max(c0)].span());
        // Where in a place and which side say where, not what is done.
        let mut sector = None;
        let context: Box<[u32]> = reader
            .context_ids_outside(c0, c1, (a, b), |w| direction(w).is_some())
            .into_iter()
            .filter(|&id| {
                let w = reader.word(id);
                match direction(w) {
                    Some(d) => {
                        sector.get_or_insert(d);
                        false
                    }
                    None => !lx.locatives.contains(w),
                }
            })
            .collect();
        let claim = sentence_claims
            .iter()
            .copied()
            .filter(|c| c.span.contains(at) || (clause.overlaps(c.span) && clause.contains(c.trigger)))
            .min_by_key(|c| c.trigger.start.abs_diff(at.start));
        let (attribution, mut modality) = match claim {
            Some(c) => (c.attribution.clone(), c.modality),
            None => (std::sync::Arc::clone(outlet), Modality::Asserted),
        };
        // "ولم يأمر X بإغلاق"، "X لم يوقع": a negation before the name, or right after it,
        // says it was not done; one further on negates a later verb of the clause ("التي
        // وقعها X بنفسه تجعل منها لاعبا لا يمكن تجاوزه").
        let negations = crate::claims::lexicon::Lexicon::get();
        if modality == Modality::Asserted
            && ((c0..a).any(|i| negations.is_negation(toks.key(i)))
                || words_after_name(toks, b, c1).any(|i| negations.is_negation(toks.key(i))))
        {
            modality = Modality::Negated;
        }
        Participant {
            id: String::new(),
            doc: document.id.clone(),
            role,
            entity,
            kind,
            span: whole,
            text: document.text(whole).to_string(),
            name,
            sentence: span,
            clause,
            attribution,
            modality,
            location: ClaimLocation::of(sentence),
            context: ClauseWords::new(std::sync::Arc::clone(reader.sentence_words()), context),
            sector,
            office,
        }
    }

    /// The participants of every sentence (as [`ParticipantReader::sentence`] read them, in text
    /// order), with their ids.
    pub(crate) fn in_order(&self, per_sentence: Vec<Vec<Participant>>) -> Vec<Participant> {
        let document = self.document;
        // Sized at once: the list is kept as long as its story, with no room to give back.
        let mut out: Vec<Participant> = Vec::with_capacity(per_sentence.iter().map(Vec::len).sum());
        out.extend(per_sentence.into_iter().flatten());
        for (n, p) in out.iter_mut().enumerate() {
            p.id = crate::numbered_id(&document.id, "p", n + 1);
        }
        out
    }
}

/// Who a participant is, before its clause is read.
struct Named {
    /// The name with its title.
    whole: Span,
    /// The name alone (where its claim is looked for).
    at: Span,
    role: ParticipantRole,
    entity: EntityKey,
    kind: EntityType,
    name: std::sync::Arc<str>,
    office: bool,
}

/// A named person, body or place (not a country, a nationality or a role without a name), found
/// with enough evidence to say who: a one-word person is a surname resolved to a full name, and
/// a one-word spelling variant of a listed name is too easily an ordinary word ("فيضان").
pub(super) fn may_participate(m: &EntityMention) -> bool {
    use crate::entities::{MatchKind, MentionForm};
    let one_word = !m.text.trim().contains(' ');
    let kind_ok = match m.kind {
        EntityType::Person => m.form == MentionForm::Partial || !one_word,
        EntityType::Organization | EntityType::Place => true,
        _ => false,
    };
    kind_ok
        && matches!(m.form, MentionForm::Name | MentionForm::Partial)
        && !(one_word && m.how == MatchKind::Variant)
}

/// The words a doer's predicate may open on after a name ending before token `b`, inside its
/// clause (ending before `end`): the next word, or after a comma the word past it and the word
/// past an apposition closed by a second comma ("X، وزير المالية، لم يوقع"; with the title read
/// as the name's, the comma after it is the first).
fn words_after_name(toks: &isnad_parser::Tokens, b: usize, end: usize) -> impl Iterator<Item = usize> {
    /// Words an apposition may hold before its closing comma.
    const APPOSITION_WORDS: usize = 6;
    let comma = |i: usize| matches!(toks.key(i), "،" | ",");
    let (next, past_apposition) = if b < end && comma(b) {
        let close = (b + 1..end.min(b + 2 + APPOSITION_WORDS)).find(|&j| comma(j));
        (b + 1, close.map(|c| c + 1))
    } else {
        (b, None)
    };
    [Some(next), past_apposition]
        .into_iter()
        .flatten()
        .filter(move |&i| i < end && toks.pieces[i].kind == TokenKind::Arabic)
}

/// True for a word that carries a pronoun of a noun said before it, opening its clause: a verb
/// or verbal noun with "ها" or "هم" ("جرفتها"، "نقلتهم").
fn refers_back(key: &str) -> bool {
    let bare = key.strip_prefix(['و', 'ف']).unwrap_or(key);
    !bare.starts_with("ال")
        && (bare.strip_suffix("ها").or_else(|| bare.strip_suffix("هم")))
            .is_some_and(|stem| stem.chars().count() >= 3)
}

/// The direction a word names ("الشرقية" → east), if any.
fn direction(lemma: &str) -> Option<Sector> {
    let w = lemma.strip_prefix("ال").unwrap_or(lemma);
    [
        ("شمال", Sector::North),
        ("جنوب", Sector::South),
        ("شرق", Sector::East),
        ("غرب", Sector::West),
    ]
    .into_iter()
    .find(|(stem, _)| w.starts_with(stem))
    .map(|(_, d)| d)
}
