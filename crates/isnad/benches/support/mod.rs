//! Helpers shared by the benchmarks' synthetic corpora.

/// `text` with every amount scaled up by `tenths` tenths; day numbers (≤ 31) and years are left
/// alone so dates stay valid.
pub fn scale_amounts(text: &str, tenths: u64) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if let Ok(n) = digits.parse::<u64>() {
            let keep = n <= 31 || (1900..=2100).contains(&n);
            out.push_str(&if keep { n } else { n + n * tenths / 10 }.to_string());
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else {
            flush(&mut digits, &mut out);
            out.push(ch);
        }
    }
    flush(&mut digits, &mut out);
    out
}
