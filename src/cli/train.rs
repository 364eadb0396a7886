//! `copydesk train`: cross-validate a classifier on labelled texts, print its figures at the
//! threshold given, and write the weights fitted on all of them.

use super::flags::TrainArgs;
use super::{EXIT_CLEAN, EXIT_ERROR};
use crate::train::{self, Labelled, Metrics, Settings};
use std::io::{self, Write};
use std::path::Path;

pub fn train(args: &TrainArgs, out: &mut dyn Write) -> io::Result<u8> {
    let (examples, settings) = match read_inputs(args) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    let positives = examples.iter().filter(|e| e.positive).count();
    writeln!(
        out,
        "{} texts ({positives} {}, {} other); {}-fold cross-validation at threshold {}",
        examples.len(),
        args.positive,
        examples.len() - positives,
        settings.folds,
        settings.threshold
    )?;
    let folds = train::cross_validate(&examples, &settings);
    write_folds(&folds, out)?;
    let model = train::fit(&examples, &settings);
    for path in &args.evaluate {
        match evaluate(&model, path, args, settings.threshold) {
            Ok(metrics) => {
                writeln!(
                    out,
                    "\nthe model fitted on all texts, on {}:",
                    path.display()
                )?;
                write_row("held out", &metrics, out)?;
            }
            Err(message) => {
                eprintln!("error: {message}");
                return Ok(EXIT_ERROR);
            }
        }
    }
    write_strongest(&model, out)?;
    match &args.out {
        Some(path) => write_weights(&model, args, path, out),
        None => Ok(EXIT_CLEAN),
    }
}

fn read_inputs(args: &TrainArgs) -> Result<(Vec<Labelled>, Settings), String> {
    if !(0.0..=1.0).contains(&args.threshold) {
        return Err(format!(
            "--threshold {} is not a probability (0 to 1)",
            args.threshold
        ));
    }
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let examples = train::read_labelled(&read(&args.data)?, &args.positive)
        .map_err(|e| format!("{}: {e}", args.data.display()))?;
    let mut vocabulary = match &args.vocabulary {
        Some(path) => Some(train::read_vocabulary(&read(path)?)),
        None => None,
    };
    if let Some(words) = vocabulary.as_mut() {
        for path in &args.exclude {
            for word in train::read_vocabulary(&read(path)?) {
                words.remove(&word);
            }
        }
    }
    let settings = Settings {
        folds: usize::from(args.folds),
        threshold: args.threshold,
        l2: args.l2,
        min_count: args.min_count,
        prune: args.prune,
        vocabulary,
    };
    Ok((examples, settings))
}

/// The model's calls on a labelled file.
fn evaluate(
    model: &crate::rules::linear::Model,
    path: &Path,
    args: &TrainArgs,
    threshold: f64,
) -> Result<Metrics, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let examples = train::read_labelled(&text, &args.positive)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut metrics = Metrics::default();
    for example in &examples {
        metrics.add(
            example.positive,
            model.score(&example.text).probability >= threshold,
        );
    }
    Ok(metrics)
}

fn write_folds(folds: &[Metrics], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "\n{:<8} {:>6} {:>9} {:>10} {:>7} {:>6} {:>13}",
        "fold", "texts", "accuracy", "precision", "recall", "F1", "false alarms"
    )?;
    let mut all = Metrics::default();
    for (index, fold) in folds.iter().enumerate() {
        write_row(&(index + 1).to_string(), fold, out)?;
        all += *fold;
    }
    write_row("all", &all, out)
}

fn write_row(name: &str, m: &Metrics, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{name:<8} {:>6} {:>9.4} {:>10.4} {:>7.4} {:>6.4} {:>13.4}",
        m.total(),
        m.accuracy(),
        m.precision(),
        m.recall(),
        m.f1(),
        m.false_alarms()
    )
}

fn write_strongest(model: &crate::rules::linear::Model, out: &mut dyn Write) -> io::Result<()> {
    let (up, down) = model.strongest(20);
    writeln!(
        out,
        "\n{} features; bias {:+.3}",
        model.weights.len(),
        model.bias
    )?;
    writeln!(
        out,
        "\n{:<40} strongest away from it",
        "strongest towards the label"
    )?;
    for row in 0..up.len().max(down.len()) {
        let cell = |list: &[(crate::rules::linear::Feature, f64)]| {
            list.get(row)
                .map(|(f, w)| format!("{:<32} {w:+.2}", f.key()))
                .unwrap_or_default()
        };
        writeln!(out, "{:<40} {}", cell(&up), cell(&down))?;
    }
    Ok(())
}

fn write_weights(
    model: &crate::rules::linear::Model,
    args: &TrainArgs,
    path: &Path,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let header = format!(
        "copydesk classifier weights: `feature<TAB>weight`, bias first.\n\
         Trained by `copydesk train` on {} (positive label {:?}), vocabulary {} less {}, \
         l2 {}, min-count {}, prune {}.",
        args.data
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        args.positive,
        args.vocabulary
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| "none".to_owned(), |n| n.to_string_lossy().into_owned()),
        if args.exclude.is_empty() {
            "nothing".to_owned()
        } else {
            let names = args.exclude.iter().filter_map(|p| p.file_name());
            names
                .map(|n| n.to_string_lossy())
                .collect::<Vec<_>>()
                .join(", ")
        },
        args.l2,
        args.min_count,
        args.prune,
    );
    let text = model.to_weights_file(&header);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let written = tempfile::NamedTempFile::new_in(dir).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.persist(path).map_err(|e| e.error)
    });
    match written {
        Ok(_) => {
            writeln!(out, "\nwrote {} ({} bytes)", path.display(), text.len())?;
            Ok(EXIT_CLEAN)
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            Ok(EXIT_ERROR)
        }
    }
}
