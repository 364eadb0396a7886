//! `copydesk._copydesk`, the native module of the Python package: the whole command line
//! ([`run_cli`], behind the package's `copydesk` command) and a loaded session
//! ([`session::NativeSession`], behind `copydesk.Session`). Everything here calls the library's
//! own front-end functions — `cli::main`, the pipeline, the HTTP API's answer — so Python sees
//! exactly what the command line and the server give; the Python side (`python/copydesk/`)
//! only turns their JSON into dicts. Every call releases the GIL while it works.

mod session;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use std::ffi::OsString;

create_exception!(
    copydesk,
    CopydeskError,
    PyException,
    "Anything copydesk refuses: the base of its exceptions."
);
create_exception!(
    copydesk,
    ConfigError,
    CopydeskError,
    "A configuration or rule pack that does not load, or a selector that matches no rule; the \
     message locates the error in its file as `copydesk check` does."
);
create_exception!(
    copydesk,
    RecordError,
    CopydeskError,
    "A record that `check --input jsonl` could not read; the message names its place."
);

/// Runs the command line with `args` (the program's name first), on this process's standard
/// streams; returns the exit code. The GIL is released while it runs.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<OsString>) -> u8 {
    py.detach(|| copydesk::cli::main(args))
}

#[pymodule]
fn _copydesk(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add_function(wrap_pyfunction!(run_cli, module)?)?;
    module.add_function(wrap_pyfunction!(session::merge_evidence, module)?)?;
    module.add_function(wrap_pyfunction!(session::find_config, module)?)?;
    module.add_class::<session::NativeSession>()?;
    module.add("CopydeskError", py.get_type::<CopydeskError>())?;
    module.add("ConfigError", py.get_type::<ConfigError>())?;
    module.add("RecordError", py.get_type::<RecordError>())?;
    module.add("SCHEMA_VERSION", copydesk::render::json::SCHEMA_VERSION)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
