//! Digit runs in the original text (Western, Eastern Arabic, Persian) with their separators.

use isnad_parser::Span;

/// A run of digits with separators, read from the original text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Digits {
    /// Original bytes (a leading minus sign included).
    pub span: Span,
    /// The value.
    pub value: f64,
    /// Digits after the decimal point, as written (for "1 فاصلة 05").
    pub plain: String,
    /// True when written with a minus sign.
    pub negative: bool,
    /// Number of integer digits (4 for "2024"); separators make it 0 (not a plain year).
    pub plain_int_digits: usize,
}

/// The value 0..=9 of a Western, Eastern Arabic or Persian digit.
pub(crate) fn digit_value(ch: char) -> Option<u32> {
    match ch {
        '0'..='9' => Some(ch as u32 - '0' as u32),
        '٠'..='٩' => Some(ch as u32 - '٠' as u32),
        '۰'..='۹' => Some(ch as u32 - '۰' as u32),
        _ => None,
    }
}

/// Reads digits at `at`: an optional minus sign, then digits with thousands separators (٬ always;
/// `,` or `.` when exactly three digits follow) and a decimal separator (٫ always; `.` or `,`
/// otherwise). A leading decimal separator reads ".77" as 0.77. At most 64 characters are read.
pub(crate) fn read_digits(source: &str, at: usize, limit: usize) -> Option<Digits> {
    let text = source.get(at..limit)?;
    // Most calls land on words: reject before collecting anything.
    let mut lead = text.chars();
    let first = lead.next()?;
    let first = if matches!(first, '-' | '−') {
        lead.next()?
    } else {
        first
    };
    if digit_value(first).is_none() && !matches!(first, '.' | '٫') {
        return None;
    }
    let chars = NumberChars::of(text);
    let chars = chars.as_slice();
    let mut i = 0;
    let negative = matches!(chars.first(), Some((_, '-' | '−')));
    if negative {
        i = 1;
    }
    let run = |from: usize| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|(_, c)| digit_value(*c).is_some())
            .count()
    };
    let mut int = DigitBuf::default();
    let mut frac = DigitBuf::default();
    let mut thousands: Option<char> = None;
    let mut decimal = false;
    let mut end;
    let first_run = run(i);
    if first_run == 0 {
        // ".77" / "٫٧٧"
        let (_, c) = *chars.get(i)?;
        if !matches!(c, '.' | '٫') || run(i + 1) == 0 {
            return None;
        }
        int.push('0');
        decimal = true;
        let n = run(i + 1);
        frac.extend(&chars[i + 1..i + 1 + n]);
        i += 1 + n;
        end = i;
    } else {
        int.extend(&chars[i..i + first_run]);
        i += first_run;
        end = i;
        while let Some(&(_, sep)) = chars.get(i) {
            let n = run(i + 1);
            if n == 0 || decimal {
                break;
            }
            let group = &chars[i + 1..i + 1 + n];
            let as_thousands = match sep {
                '٬' => n == 3,
                '٫' => false,
                ',' | '.' => {
                    n == 3
                        && thousands.is_none_or(|t| t == sep)
                        && (thousands.is_some() || (int.len() <= 3 && int.as_str() != "0"))
                }
                _ => break,
            };
            if as_thousands {
                thousands = Some(sep);
                int.extend(group);
            } else if sep == '٬' || Some(sep) == thousands {
                break;
            } else {
                decimal = true;
                frac.extend(group);
            }
            i += 1 + n;
            end = i;
        }
    }
    let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b as usize);
    let magnitude = decimal_value(int.as_str(), frac.as_str())?;
    let plain_int_digits = if thousands.is_none() && !decimal && !negative {
        int.len()
    } else {
        0
    };
    Some(Digits {
        span: Span::new(at, at + end_byte),
        value: if negative { -magnitude } else { magnitude },
        plain: int.as_str().to_string(),
        negative,
        plain_int_digits,
    })
}

/// Most characters [`read_digits`] reads.
const MAX_NUMBER_CHARS: usize = 64;

/// The characters of a number [`read_digits`] may look at, with their byte offsets: the sign,
/// digits and separators from the start, and the one character that ends them. Decoding stops
/// there (or after [`MAX_NUMBER_CHARS`]) rather than at a fixed window, since the reader never
/// looks past the first character that is neither a digit nor a separator.
struct NumberChars {
    chars: [(u32, char); MAX_NUMBER_CHARS],
    len: usize,
}

impl NumberChars {
    fn of(text: &str) -> NumberChars {
        let mut out = NumberChars {
            chars: [(0, '\0'); MAX_NUMBER_CHARS],
            len: 0,
        };
        for (at, ch) in text.char_indices() {
            if out.len == MAX_NUMBER_CHARS {
                break;
            }
            out.chars[out.len] = (at as u32, ch);
            out.len += 1;
            let part = digit_value(ch).is_some()
                || matches!(ch, '.' | ',' | '٫' | '٬')
                || (out.len == 1 && matches!(ch, '-' | '−'));
            if !part {
                break;
            }
        }
        out
    }

    fn as_slice(&self) -> &[(u32, char)] {
        &self.chars[..self.len]
    }
}

/// ASCII digits collected on the stack (a number has at most [`MAX_NUMBER_CHARS`]).
struct DigitBuf {
    bytes: [u8; MAX_NUMBER_CHARS],
    len: usize,
}

impl Default for DigitBuf {
    fn default() -> DigitBuf {
        DigitBuf {
            bytes: [0; MAX_NUMBER_CHARS],
            len: 0,
        }
    }
}

impl DigitBuf {
    fn push(&mut self, c: char) {
        if self.len < MAX_NUMBER_CHARS {
            self.bytes[self.len] = digit_char(c) as u8;
            self.len += 1;
        }
    }

    fn extend(&mut self, chars: &[(u32, char)]) {
        for &(_, c) in chars {
            self.push(c);
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits are pushed.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// The value of `int.frac` (ASCII digits), as `format!("{int}.{frac}").parse::<f64>()` reads it.
fn decimal_value(int: &str, frac: &str) -> Option<f64> {
    // Up to 15 significant digits the quotient of two exact doubles is the correctly rounded
    // value the parser returns; longer numbers go through the parser.
    const EXACT_POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if int.len() + frac.len() <= 15 {
        let mantissa = int
            .bytes()
            .chain(frac.bytes())
            .fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
        return Some(mantissa as f64 / EXACT_POWERS[frac.len()]);
    }
    let mut text = String::with_capacity(int.len() + frac.len() + 2);
    text.push_str(int);
    text.push('.');
    text.push_str(if frac.is_empty() { "0" } else { frac });
    text.parse().ok()
}

fn digit_char(c: char) -> char {
    char::from(b'0' + digit_value(c).unwrap_or(0) as u8)
}
