//! Message templates (`{match}`, `{preferred}`) and the case a replacement is written in.

/// Replaces each `{name}` in `template` with its value; unknown names are left as written
/// (pack loading rejects them before any check runs).
pub fn fill_template(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{placeholders}` used in a template, with their byte offsets.
pub fn placeholders(template: &str) -> impl Iterator<Item = (usize, &str)> {
    template.match_indices('{').filter_map(move |(open, _)| {
        let after = &template[open + 1..];
        let close = after.find('}')?;
        Some((open, &after[..close]))
    })
}

/// `replacement` written with the capitalisation of `original`: all caps, a leading capital,
/// or as given.
pub fn keep_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return replacement.to_uppercase();
    }
    let first_upper = original.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if first_upper && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => replacement.to_owned(),
    }
}
