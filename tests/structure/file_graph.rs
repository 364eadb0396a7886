//! The file-level dependency graph of `src/`, read with syn.
//!
//! A file depends on another when it names an item the other file defines: in a `use`
//! (`crate::…`, `super::…`, `self::…`, a child module, a module it imported), or in a path
//! written in its code or in a macro's tokens (`$crate::…` included). A path is followed
//! through imports and re-exports to the file that defines the item, so
//! `use crate::rules::pack::Compiler` is an edge to `src/rules/pack/compiler.rs`, not to the
//! `mod.rs` that re-exports it. Not edges: declaring a module (`mod x;` lists a child, it does
//! not use it), a `pub use` (a name for others to follow), and code under `#[cfg(test)]`
//! (a test may build its input with any part of the crate).

use proc_macro2::{TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// A module path from the crate root: `["rules", "pack"]`.
type ModulePath = Vec<String>;

/// What a module (a file, or an inline `mod x { … }` in one) defines and imports.
#[derive(Default)]
struct Module {
    file: PathBuf,
    /// Names of the items it defines (a macro as `name!`).
    items: BTreeSet<String>,
    /// Names bound by its `use` declarations: name → absolute path.
    imports: BTreeMap<String, Vec<String>>,
    /// Its glob imports (`use x::*`), as absolute module paths.
    globs: Vec<Vec<String>>,
}

/// A path a file names, to be resolved to the file that defines it.
struct Named {
    file: PathBuf,
    /// The module the path is written in; `None` when the path is already absolute.
    module: Option<ModulePath>,
    segments: Vec<String>,
}

/// Every file of `src/` (but `main.rs`, another crate) and the files each one depends on.
pub struct FileGraph {
    pub edges: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
}

impl FileGraph {
    pub fn read(src: &Path) -> FileGraph {
        let mut files = Vec::new();
        rust_files(src, &mut files);
        let mut reader = Reader::default();
        for path in files {
            if path == src.join("main.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            let syntax = syn::parse_file(&text)
                .unwrap_or_else(|e| panic!("{}: not Rust syn can parse: {e}", path.display()));
            let module = module_of(src, &path);
            reader.file = path.clone();
            reader.module = module.clone();
            reader.modules.entry(module.clone()).or_default().file = path.clone();
            reader.edges.entry(path).or_default();
            reader.read_items(&syntax.items);
        }
        reader.resolve_all()
    }

    /// The strongly connected components of more than one file: each holds at least one
    /// cycle. Tarjan's algorithm, iterative.
    pub fn cycles(&self) -> Vec<Vec<PathBuf>> {
        let nodes: Vec<&PathBuf> = self.edges.keys().collect();
        let index_of: BTreeMap<&PathBuf, usize> =
            nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let successors: Vec<Vec<usize>> = nodes
            .iter()
            .map(|n| {
                self.edges[*n]
                    .iter()
                    .filter_map(|t| index_of.get(t).copied())
                    .collect()
            })
            .collect();
        let mut index = vec![usize::MAX; nodes.len()];
        let mut low = vec![0; nodes.len()];
        let mut on_stack = vec![false; nodes.len()];
        let mut stack = Vec::new();
        let mut components = Vec::new();
        let mut counter = 0;
        for root in 0..nodes.len() {
            if index[root] != usize::MAX {
                continue;
            }
            let mut work = vec![(root, 0)];
            while let Some((node, next)) = work.pop() {
                if next == 0 {
                    index[node] = counter;
                    low[node] = counter;
                    counter += 1;
                    stack.push(node);
                    on_stack[node] = true;
                }
                if let Some(&target) = successors[node].get(next) {
                    work.push((node, next + 1));
                    if index[target] == usize::MAX {
                        work.push((target, 0));
                    } else if on_stack[target] {
                        low[node] = low[node].min(index[target]);
                    }
                    continue;
                }
                if low[node] == index[node] {
                    let mut component = Vec::new();
                    while let Some(member) = stack.pop() {
                        on_stack[member] = false;
                        component.push(nodes[member].clone());
                        if member == node {
                            break;
                        }
                    }
                    if component.len() > 1 {
                        component.sort();
                        components.push(component);
                    }
                }
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[node]);
                }
            }
        }
        components
    }

    /// A shortest cycle through the first file of a component: the files in order, the
    /// first repeated at the end.
    pub fn shortest_cycle(&self, component: &[PathBuf]) -> Vec<PathBuf> {
        let start = &component[0];
        let mut previous: BTreeMap<&PathBuf, &PathBuf> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for target in &self.edges[node] {
                if target == start {
                    let mut cycle = vec![node.clone()];
                    while let Some(before) = previous.get(cycle.last().expect("not empty")) {
                        cycle.push((*before).clone());
                    }
                    cycle.reverse();
                    cycle.push(start.clone());
                    return cycle;
                }
                if component.contains(target) && target != start && !previous.contains_key(target) {
                    previous.insert(target, node);
                    queue.push_back(target);
                }
            }
        }
        component.to_vec()
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
}

/// `src/rules/pack/mod.rs` → `["rules", "pack"]`; `src/lib.rs` → `[]`.
fn module_of(src: &Path, path: &Path) -> ModulePath {
    let relative = path.strip_prefix(src).expect("a file under src/");
    let mut module: ModulePath = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
        module.pop();
    }
    module
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|ident| ident == "test")
    })
}

/// One path of a `use` declaration.
struct UseLine {
    file: PathBuf,
    module: ModulePath,
    /// The path as written.
    path: Vec<String>,
    /// The name it binds; `None` for a glob.
    bound: Option<String>,
    /// `pub use`, `pub(crate) use` …
    public: bool,
}

#[derive(Default)]
struct Reader {
    file: PathBuf,
    module: ModulePath,
    modules: BTreeMap<ModulePath, Module>,
    /// `#[macro_export]` macros, which live at the crate root whatever file defines them.
    exported_macros: BTreeMap<String, PathBuf>,
    named: Vec<Named>,
    /// The first identifier of every path each module writes outside its `use` lines, and
    /// every identifier in its macros' tokens: a `pub use` whose name is among them is used
    /// here too, not only offered to others.
    written: BTreeMap<ModulePath, BTreeSet<String>>,
    /// `use` lines of each module, resolved once every module's items are known.
    uses: Vec<UseLine>,
    edges: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
}

impl Reader {
    fn read_items(&mut self, items: &[syn::Item]) {
        for item in items {
            if is_test_only(item_attrs(item)) {
                continue;
            }
            if let Some(name) = item_name(item) {
                let module = self.modules.entry(self.module.clone()).or_default();
                module.items.insert(name);
            }
            match item {
                syn::Item::Use(declaration) => self.visit_item_use(declaration),
                syn::Item::Mod(module) => {
                    if let Some((_, content)) = &module.content {
                        let outer = self.module.clone();
                        self.module.push(module.ident.to_string());
                        self.modules.entry(self.module.clone()).or_default().file =
                            self.file.clone();
                        self.read_items(content);
                        self.module = outer;
                    }
                }
                syn::Item::Macro(definition) => {
                    let exported = definition
                        .attrs
                        .iter()
                        .any(|a| a.path().is_ident("macro_export"));
                    if let (true, Some(name)) = (exported, &definition.ident) {
                        self.exported_macros
                            .insert(format!("{name}!"), self.file.clone());
                    }
                    self.visit_macro(&definition.mac);
                }
                other => self.visit_item(other),
            }
        }
    }

    fn note(&mut self, segments: Vec<String>) {
        if let Some(first) = segments.first() {
            let written = self.written.entry(self.module.clone()).or_default();
            written.insert(first.trim_end_matches('!').to_owned());
        }
        if segments.len() > 1 || segments.first().is_some_and(|s| s.ends_with('!')) {
            let module = Some(self.module.clone());
            self.named.push(Named {
                file: self.file.clone(),
                module,
                segments,
            });
        }
    }

    /// Paths in a macro's tokens: `a::b::c`, `$crate::x`, `name!`.
    fn note_tokens(&mut self, tokens: TokenStream) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                TokenTree::Group(group) => self.note_tokens(group.stream()),
                TokenTree::Ident(ident) => {
                    let dollar = i > 0
                        && matches!(&tokens[i - 1], TokenTree::Punct(p) if p.as_char() == '$');
                    let after_separator = i >= 2 && is_separator(&tokens, i - 2);
                    let mut segments = vec![if dollar {
                        format!("${ident}")
                    } else {
                        ident.to_string()
                    }];
                    while is_separator(&tokens, i + 1) {
                        let Some(TokenTree::Ident(next)) = tokens.get(i + 3) else {
                            break;
                        };
                        segments.push(next.to_string());
                        i += 3;
                    }
                    if !after_separator {
                        self.note(segments);
                    }
                }
                TokenTree::Punct(_) | TokenTree::Literal(_) => {}
            }
            i += 1;
        }
    }
}

/// Whether `tokens[i]` and `tokens[i + 1]` are `::`.
fn is_separator(tokens: &[TokenTree], i: usize) -> bool {
    let colon =
        |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == ':');
    colon(tokens.get(i)) && colon(tokens.get(i + 1))
}

impl<'ast> Visit<'ast> for Reader {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none() {
            let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
            self.note(segments);
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let mut segments: Vec<String> = mac
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        if let Some(last) = segments.last_mut() {
            last.push('!');
        }
        self.note(segments);
        self.note_tokens(mac.tokens.clone());
    }

    fn visit_item_use(&mut self, declaration: &'ast syn::ItemUse) {
        let public = !matches!(declaration.vis, syn::Visibility::Inherited);
        let mut trees = Vec::new();
        use_trees(&declaration.tree, Vec::new(), &mut trees);
        for (path, bound) in trees {
            self.uses.push(UseLine {
                file: self.file.clone(),
                module: self.module.clone(),
                path,
                bound,
                public,
            });
        }
    }

    fn visit_item_mod(&mut self, _: &'ast syn::ItemMod) {
        // Inline modules inside functions are rare; `read_items` handles those at item level.
    }

    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
        if let syn::Stmt::Item(item) = stmt
            && is_test_only(item_attrs(item))
        {
            return;
        }
        syn::visit::visit_stmt(self, stmt);
    }

    fn visit_impl_item(&mut self, item: &'ast syn::ImplItem) {
        let attrs = match item {
            syn::ImplItem::Fn(f) => &f.attrs,
            syn::ImplItem::Const(c) => &c.attrs,
            _ => return syn::visit::visit_impl_item(self, item),
        };
        if !is_test_only(attrs) {
            syn::visit::visit_impl_item(self, item);
        }
    }
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

fn item_name(item: &syn::Item) -> Option<String> {
    let ident = match item {
        syn::Item::Const(i) => &i.ident,
        syn::Item::Enum(i) => &i.ident,
        syn::Item::Fn(i) => &i.sig.ident,
        syn::Item::Mod(i) => &i.ident,
        syn::Item::Static(i) => &i.ident,
        syn::Item::Struct(i) => &i.ident,
        syn::Item::Trait(i) => &i.ident,
        syn::Item::Type(i) => &i.ident,
        syn::Item::Union(i) => &i.ident,
        syn::Item::Macro(i) => return i.ident.as_ref().map(|name| format!("{name}!")),
        _ => return None,
    };
    Some(ident.to_string())
}

/// Flattens a use tree: each path with the name it binds (`None` for a glob).
fn use_trees(
    tree: &syn::UseTree,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let extend = |name: &syn::Ident| {
        let mut path = prefix.clone();
        if name != "self" {
            path.push(name.to_string());
        }
        path
    };
    match tree {
        syn::UseTree::Path(p) => use_trees(&p.tree, extend(&p.ident), out),
        syn::UseTree::Name(n) => {
            let path = extend(&n.ident);
            let bound = path.last().cloned();
            out.push((path, bound));
        }
        syn::UseTree::Rename(r) => out.push((extend(&r.ident), Some(r.rename.to_string()))),
        syn::UseTree::Glob(_) => out.push((prefix, None)),
        syn::UseTree::Group(g) => {
            for item in &g.items {
                use_trees(item, prefix.clone(), out);
            }
        }
    }
}

impl Reader {
    /// The absolute form of a path written in `module`, or `None` when it leaves the crate
    /// (std, a dependency) or names a local.
    fn absolute(&self, module: &ModulePath, segments: &[String]) -> Option<Vec<String>> {
        let (first, rest) = segments.split_first()?;
        let mut base = match first.as_str() {
            "crate" | "$crate" => Vec::new(),
            "self" => module.clone(),
            "super" => {
                let mut base = module.clone();
                base.pop();
                let supers = rest.iter().take_while(|s| *s == "super").count();
                base.truncate(base.len().saturating_sub(supers));
                base.extend(rest[supers..].iter().cloned());
                return Some(base);
            }
            _ => {
                let mut child = module.clone();
                child.push(first.clone());
                if self.modules.contains_key(&child) {
                    child
                } else {
                    self.modules.get(module)?.imports.get(first)?.clone()
                }
            }
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The file that defines what an absolute path names.
    fn resolve(&self, path: &[String], depth: usize) -> Option<PathBuf> {
        let length = (0..=path.len())
            .rev()
            .find(|n| self.modules.contains_key(&path[..*n]))?;
        let module = &self.modules[&path[..length]];
        let Some(name) = path.get(length) else {
            return Some(module.file.clone());
        };
        if length == 0 && name.ends_with('!') && !module.items.contains(name) {
            return self.exported_macros.get(name).cloned();
        }
        if module.items.contains(name) || depth > 16 {
            return Some(module.file.clone());
        }
        if let Some(target) = module.imports.get(name) {
            let mut target = target.clone();
            target.extend(path[length + 1..].iter().cloned());
            return self.resolve(&target, depth + 1);
        }
        for glob in &module.globs {
            let mut target = glob.clone();
            target.extend(path[length..].iter().cloned());
            if let Some(file) = self.resolve(&target, depth + 1)
                && self.modules.get(glob).is_none_or(|g| g.file != file)
            {
                return Some(file);
            }
        }
        Some(module.file.clone())
    }

    fn resolve_all(mut self) -> FileGraph {
        // Imports first: paths in code are written against them.
        let uses = std::mem::take(&mut self.uses);
        for line in &uses {
            let Some(absolute) = self.absolute(&line.module, &line.path) else {
                continue;
            };
            let entry = self.modules.entry(line.module.clone()).or_default();
            match &line.bound {
                Some(name) => {
                    entry.imports.insert(name.clone(), absolute);
                }
                None => entry.globs.push(absolute),
            }
        }
        for line in uses {
            let Some(absolute) = self.absolute(&line.module, &line.path) else {
                continue;
            };
            // A private import of an item, or a glob, is a use; a `pub use` is a name for
            // others, unless this module writes that name too.
            let item = line.bound.is_none() || !self.modules.contains_key(&absolute);
            let written = self.written.get(&line.module);
            let written_here = line
                .bound
                .as_ref()
                .is_some_and(|name| written.is_some_and(|w| w.contains(name)));
            if item && (!line.public || written_here) {
                self.named.push(Named {
                    file: line.file,
                    module: None,
                    segments: absolute,
                });
            }
        }
        let named = std::mem::take(&mut self.named);
        for Named {
            file,
            module,
            segments,
        } in named
        {
            let absolute = match module {
                None => Some(segments),
                Some(module) => self.absolute(&module, &segments),
            };
            let Some(target) = absolute.and_then(|a| self.resolve(&a, 0)) else {
                continue;
            };
            if target != file {
                self.edges.entry(file).or_default().insert(target);
            }
        }
        FileGraph { edges: self.edges }
    }
}
