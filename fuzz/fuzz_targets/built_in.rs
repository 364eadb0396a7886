//! The session the fuzz targets check with: the built-in rules, no configuration, nothing read
//! from disk on a document's behalf.

use copydesk::pipeline::{ConfigChoice, FileAccess, Options, Session, SourceText};

/// A session of the built-in rules that checks every document against `source_texts`.
pub fn session(source_texts: Vec<SourceText>) -> Session {
    let options = Options {
        config: ConfigChoice::Isolated,
        source_texts,
        file_access: FileAccess::Off,
        ..Options::default()
    };
    match Session::prepare(options, Vec::new()) {
        Ok((session, _)) => session,
        Err(_) => panic!("the built-in pack loads"),
    }
}
