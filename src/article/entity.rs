//! Character references in markup (`&ldquo;`, `&#8220;`, `&#x201C;`), read where the text
//! around a quotation mark matters. Quotation marks, spaces and dashes are named; any other
//! named reference stands for a letter (`&eacute;`), which is all the quotation finder needs.

/// The longest reference this reads, `&` and `;` included.
pub const LONGEST: usize = 12;

/// The character that the reference at the start of `text` stands for, and its length in
/// bytes; `None` when `text` does not start with a well-formed reference.
pub fn decode(text: &str) -> Option<(char, usize)> {
    let body = text.strip_prefix('&')?;
    let end = body.bytes().take(LONGEST).position(|b| b == b';')?;
    let name = &body[..end];
    let c = match name.strip_prefix('#') {
        Some(number) => {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
        None if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()) => named(name),
        None => return None,
    };
    Some((c, end + 2))
}

/// The characters of the named references that bear on quotations.
fn named(name: &str) -> char {
    match name {
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "lpar" => '(',
        "rpar" => ')',
        _ => 'a',
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(decode("&ldquo;Yes"), Some(('“', 7)));
        assert_eq!(decode("&#8221; he"), Some(('”', 7)));
        assert_eq!(decode("&#x201C;"), Some(('“', 8)));
        assert_eq!(decode("&quot;"), Some(('"', 6)));
        assert_eq!(decode("&eacute;"), Some(('a', 8)));
        assert_eq!(decode("& then"), None);
        assert_eq!(decode("&#xZZ;"), None);
        assert_eq!(decode("&#1114112;"), None);
        assert_eq!(decode("&averyveryverylongname;"), None);
    }
}
