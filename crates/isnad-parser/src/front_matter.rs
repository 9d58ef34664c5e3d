//! TOML front matter between `+++` fences at the top of a file.

use crate::Span;
use crate::document::{Block, BlockKind, DateSource, Metadata};
use crate::input::InputErrorKind;

/// Reads front matter if present, filling `meta` and pushing its block; returns where the body starts.
pub(crate) fn read(
    source: &str,
    meta: &mut Metadata,
    blocks: &mut Vec<Block>,
) -> Result<usize, InputErrorKind> {
    let start = if source.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let rest = &source[start..];
    let Some(after_open) = rest
        .strip_prefix("+++\n")
        .or_else(|| rest.strip_prefix("+++\r\n"))
    else {
        return Ok(start);
    };
    let open_len = rest.len() - after_open.len();
    let Some(close) = find_close(after_open) else {
        return Err(InputErrorKind::FrontMatter("no closing `+++` line".into()));
    };
    let toml_text = &after_open[..close.0];
    let table: toml::Table = toml_text
        .parse()
        .map_err(|e: toml::de::Error| InputErrorKind::FrontMatter(e.message().to_string()))?;
    let string = |key: &str| table.get(key).and_then(|v| v.as_str()).map(str::to_string);
    meta.title = string("title");
    meta.outlet = string("outlet");
    meta.url = string("url");
    if let Some(value) = table.get("published") {
        let date = match value {
            toml::Value::Datetime(dt) => dt
                .date
                .map(|d| chrono::NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)),
            toml::Value::String(s) => {
                Some(chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok())
            }
            _ => None,
        }
        .flatten()
        .ok_or_else(|| InputErrorKind::FrontMatter(format!("`published` is not a date: {value}")))?;
        meta.published = Some(date);
        meta.published_from = Some(DateSource::FrontMatter);
    }
    let end = start + open_len + close.1;
    blocks.push(Block {
        span: Span::new(start, end),
        kind: BlockKind::FrontMatter,
    });
    Ok(end)
}

/// Finds the closing fence: returns (end of TOML text, end of the fence line including newline).
fn find_close(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "+++" {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}
