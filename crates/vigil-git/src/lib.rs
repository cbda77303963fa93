//! What a git repository holds, as blobs to scan.
//!
//! - [`Repo::history`]: every blob reachable from any ref, each once, with the oldest commit and
//!   path where it appeared (like Nosey Parker and Kingfisher, not per commit like `git log -p`:
//!   a blob kept unchanged through ten thousand commits is read once).
//! - [`Repo::staged`]: the blobs in the index that differ from `HEAD`, i.e. what `git commit`
//!   would record.
//!
//! Reading is done with gitoxide, in process; no `git` subprocess.

use gix::objs::FindExt;
use gix::ObjectId;
use std::collections::HashSet;
use std::path::Path;

/// A problem with the repository, worded for the user.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct GitError(pub String);

fn err(context: &str, e: impl std::fmt::Display) -> GitError {
    GitError(format!("{context}: {e}"))
}

/// A commit as a finding's provenance shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    pub id: String,
    /// `Name <email>`
    pub author: String,
    /// Author date, RFC 3339.
    pub date: String,
    /// Committer time, seconds since the epoch (orders commits).
    pub time: i64,
}

/// A blob to scan and the first place it was seen.
#[derive(Debug, Clone)]
pub struct Blob {
    pub id: ObjectId,
    /// Path in the repository, `/`-separated.
    pub path: String,
    /// Index into [`History::commits`]; `None` for staged blobs.
    pub commit: Option<usize>,
}

/// Every unique blob of the walked history.
#[derive(Debug, Default)]
pub struct History {
    pub commits: Vec<CommitInfo>,
    pub blobs: Vec<Blob>,
    /// Things not read, each with the reason (submodules, unreadable trees in a corrupt or
    /// shallow repository).
    pub skipped: Vec<String>,
}

/// An open repository. Cheap to share across threads: each thread reads through its own handle.
pub struct Repo {
    shared: gix::ThreadSafeRepository,
}

impl Repo {
    /// Opens the repository at or above `path`.
    pub fn discover(path: &Path) -> Result<Repo, GitError> {
        let shared = gix::ThreadSafeRepository::discover(path).map_err(|e| {
            GitError(format!(
                "{}: not inside a git repository ({e})",
                path.display()
            ))
        })?;
        Ok(Repo { shared })
    }

    /// Where git looks for hooks: `core.hooksPath` when set (relative to the working tree),
    /// else `hooks` in the git directory.
    pub fn hooks_dir(&self) -> std::path::PathBuf {
        let repo = self.local();
        let configured = repo
            .config_snapshot()
            .string("core.hooksPath")
            .map(|p| std::path::PathBuf::from(p.to_string()));
        match configured {
            Some(p) if p.is_absolute() => p,
            Some(p) => self.workdir().unwrap_or(self.shared.git_dir()).join(p),
            None => self.shared.git_dir().join("hooks"),
        }
    }

    /// The working tree's root, if the repository has one.
    pub fn workdir(&self) -> Option<&Path> {
        self.shared.work_dir()
    }

    fn local(&self) -> gix::Repository {
        let mut r = self.shared.to_thread_local();
        // A modest cache: trees are revisited across commits, blobs are read once.
        r.object_cache_size_if_unset(16 * 1024 * 1024);
        r
    }

    /// A reader for blobs, one per thread. Each blob is read once, so decoded objects are not
    /// cached (the pack's own delta-base cache still speeds up delta chains).
    pub fn reader(&self) -> BlobReader {
        let mut repo = self.shared.to_thread_local();
        repo.object_cache_size(0);
        BlobReader {
            repo,
            buf: Vec::new(),
        }
    }

    /// Resolves a revision (`main`, `origin/main`, `HEAD~3`, a commit id) to a commit id.
    pub fn resolve(&self, rev: &str) -> Result<ObjectId, GitError> {
        let repo = self.local();
        let id = repo
            .rev_parse_single(rev)
            .map_err(|e| err(&format!("revision `{rev}`"), e))?;
        let commit = id
            .object()
            .and_then(|o| o.peel_to_commit())
            .map_err(|e| err(&format!("revision `{rev}` is not a commit"), e))?;
        Ok(commit.id)
    }

    /// Every blob reachable from `tip` (the commit a push sends), or from every ref (branches,
    /// tags, remotes, `HEAD`) without one, each once, with the oldest commit (parents before
    /// children, then by committer time) and path where it appears. With `since`, commits
    /// reachable from `since` and the blobs of its tree are left out: what is new on top of it.
    pub fn history(
        &self,
        tip: Option<ObjectId>,
        since: Option<ObjectId>,
    ) -> Result<History, GitError> {
        let repo = self.local();
        let mut history = History::default();
        let tips = match tip {
            Some(t) => vec![t],
            None => ref_tips(&repo, &mut history.skipped)?,
        };
        if tips.is_empty() {
            return Ok(history);
        }
        if repo.is_shallow().unwrap_or(false) {
            history.skipped.push(
                "shallow clone: commits before the clone's boundary are not available, so a \
                 secret may have been introduced earlier than the commit shown (fetch with \
                 `git fetch --unshallow` to search all of it)"
                    .into(),
            );
        }
        let mut walk = repo.rev_walk(tips);
        if let Some(s) = since {
            walk = walk.with_hidden([s]);
        }
        let walk = walk.all().map_err(|e| err("walking the commits", e))?;
        let mut commits: Vec<WalkedCommit> = Vec::new();
        for info in walk {
            let info = match info {
                Ok(i) => i,
                Err(e) => {
                    // A shallow clone ends at its boundary; a corrupt one may end anywhere.
                    history.skipped.push(format!("history ends early: {e}"));
                    break;
                }
            };
            let commit = match info.object() {
                Ok(c) => c,
                Err(e) => {
                    history.skipped.push(format!("commit {}: {e}", info.id));
                    continue;
                }
            };
            let tree = match commit.tree_id() {
                Ok(t) => t.detach(),
                Err(e) => {
                    history.skipped.push(format!("commit {}: {e}", info.id));
                    continue;
                }
            };
            commits.push(WalkedCommit {
                id: info.id,
                parents: info.parent_ids.iter().copied().collect(),
                info: commit_info(&commit),
                tree,
            });
        }
        // Oldest first, so the first sight of a blob is its introduction.
        let commits = parents_first(commits);
        let mut walker = TreeWalker::new(&repo, true);
        if let Some(s) = since {
            // What the base already has is not new, even where a new commit carries it on.
            if let Ok(tree) = repo
                .find_commit(s)
                .and_then(|c| c.tree_id().map(|t| t.detach()))
            {
                walker.walk(tree, "", None);
                walker.blobs.clear();
            }
        }
        for WalkedCommit { info, tree, .. } in commits {
            let index = history.commits.len();
            history.commits.push(info);
            walker.walk(tree, "", Some(index));
        }
        history.blobs = walker.blobs;
        history.skipped.extend(walker.skipped);
        Ok(history)
    }

    /// The index entries whose content differs from `HEAD` (added or changed): what the next
    /// commit will record. In a repository without commits, every entry.
    pub fn staged(&self) -> Result<Vec<Blob>, GitError> {
        let repo = self.local();
        let index = repo
            .index_or_empty()
            .map_err(|e| err("reading the index", e))?;
        let mut head: std::collections::HashMap<String, ObjectId> = Default::default();
        if let Ok(tree) = repo.head_tree_id() {
            // Every path of HEAD, even where two paths share a blob.
            let mut walker = TreeWalker::new(&repo, false);
            walker.walk(tree.detach(), "", None);
            head = walker.blobs.into_iter().map(|b| (b.path, b.id)).collect();
        }
        let mut out = Vec::new();
        for entry in index.entries() {
            if entry.stage() != gix::index::entry::Stage::Unconflicted {
                continue;
            }
            use gix::index::entry::Mode;
            if !(entry.mode == Mode::FILE || entry.mode == Mode::FILE_EXECUTABLE) {
                continue;
            }
            let path = entry.path(&index).to_string();
            if head.get(&path) == Some(&entry.id) {
                continue;
            }
            out.push(Blob {
                id: entry.id,
                path,
                commit: None,
            });
        }
        Ok(out)
    }
}

/// Reads blobs by id with a reused buffer.
pub struct BlobReader {
    repo: gix::Repository,
    buf: Vec<u8>,
}

impl BlobReader {
    /// The blob's bytes, valid until the next read.
    pub fn read(&mut self, id: &ObjectId) -> Result<&[u8], GitError> {
        let blob = self
            .repo
            .objects
            .find_blob(id, &mut self.buf)
            .map_err(|e| err(&format!("blob {id}"), e))?;
        Ok(blob.data)
    }
}

/// A commit met by the history walk.
struct WalkedCommit {
    id: ObjectId,
    parents: Vec<ObjectId>,
    info: CommitInfo,
    tree: ObjectId,
}

/// Orders commits so that every commit comes after its parents (those walked), and otherwise
/// the oldest by committer time first. Sorting by time alone is not enough: commits made in the
/// same second (scripts, CI, rebases) tie, and a blob would be credited to a child of the
/// commit that introduced it.
fn parents_first(commits: Vec<WalkedCommit>) -> Vec<WalkedCommit> {
    use std::cmp::Reverse;
    use std::collections::{BinaryHeap, HashMap};
    let position: HashMap<ObjectId, usize> =
        commits.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let mut waiting_on = vec![0usize; commits.len()];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); commits.len()];
    for (i, c) in commits.iter().enumerate() {
        let mut parents: Vec<usize> = c
            .parents
            .iter()
            .filter_map(|p| position.get(p).copied())
            .collect();
        parents.sort_unstable();
        parents.dedup();
        waiting_on[i] = parents.len();
        for p in parents {
            children[p].push(i);
        }
    }
    // Ready commits, oldest first; the walk's order (children before parents) breaks ties, the
    // later in the walk first.
    let mut ready: BinaryHeap<Reverse<(i64, Reverse<usize>)>> = BinaryHeap::new();
    for (i, c) in commits.iter().enumerate() {
        if waiting_on[i] == 0 {
            ready.push(Reverse((c.info.time, Reverse(i))));
        }
    }
    let mut order = Vec::with_capacity(commits.len());
    while let Some(Reverse((_, Reverse(i)))) = ready.pop() {
        order.push(i);
        for &child in &children[i] {
            waiting_on[child] -= 1;
            if waiting_on[child] == 0 {
                ready.push(Reverse((commits[child].info.time, Reverse(child))));
            }
        }
    }
    let mut slots: Vec<Option<WalkedCommit>> = commits.into_iter().map(Some).collect();
    let mut sorted: Vec<WalkedCommit> = order.into_iter().filter_map(|i| slots[i].take()).collect();
    // History has no cycles, so nothing is left over; were anything left, it is still scanned.
    sorted.extend(slots.into_iter().flatten());
    sorted
}

fn ref_tips(repo: &gix::Repository, skipped: &mut Vec<String>) -> Result<Vec<ObjectId>, GitError> {
    let mut tips = Vec::new();
    let refs = repo.references().map_err(|e| err("reading the refs", e))?;
    for r in refs.all().map_err(|e| err("reading the refs", e))? {
        let mut r = match r {
            Ok(r) => r,
            Err(e) => {
                skipped.push(format!("a ref could not be read: {e}"));
                continue;
            }
        };
        // Tags may point at trees or blobs; only commits start a walk.
        match r.peel_to_commit() {
            Ok(c) => tips.push(c.id),
            Err(_) => continue,
        }
    }
    if let Ok(head) = repo.head_id() {
        tips.push(head.detach());
    }
    tips.sort();
    tips.dedup();
    Ok(tips)
}

fn commit_info(commit: &gix::Commit<'_>) -> CommitInfo {
    let (author, date) = match commit.author() {
        Ok(a) => {
            let date = a
                .time()
                .map(|t| t.format_or_unix(gix::date::time::format::ISO8601_STRICT))
                .unwrap_or_default();
            (format!("{} <{}>", a.name, a.email), date)
        }
        Err(_) => (String::new(), String::new()),
    };
    CommitInfo {
        id: commit.id.to_string(),
        author,
        date,
        time: commit.time().map(|t| t.seconds).unwrap_or(0),
    }
}

/// Lists the blobs of trees. With `once`, a tree or blob met before is skipped, so over many
/// commits walked oldest first each blob is listed once, with the commit that brought it in;
/// without, every path is listed.
struct TreeWalker<'r> {
    repo: &'r gix::Repository,
    once: bool,
    seen_trees: HashSet<ObjectId>,
    seen_blobs: HashSet<ObjectId>,
    blobs: Vec<Blob>,
    /// What could not be read, and submodules.
    skipped: Vec<String>,
}

impl<'r> TreeWalker<'r> {
    fn new(repo: &'r gix::Repository, once: bool) -> Self {
        TreeWalker {
            repo,
            once,
            seen_trees: HashSet::new(),
            seen_blobs: HashSet::new(),
            blobs: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn walk(&mut self, tree: ObjectId, prefix: &str, commit: Option<usize>) {
        if self.once && !self.seen_trees.insert(tree) {
            // Everything below was listed with an older or the same commit.
            return;
        }
        let mut buf = Vec::new();
        let entries = match self.repo.objects.find_tree(&tree, &mut buf) {
            Ok(t) => t.entries,
            Err(e) => {
                self.skipped
                    .push(format!("tree {tree} under `{prefix}`: {e}"));
                return;
            }
        };
        for e in entries {
            let path = if prefix.is_empty() {
                e.filename.to_string()
            } else {
                format!("{prefix}/{}", e.filename)
            };
            let id = e.oid.to_owned();
            if e.mode.is_tree() {
                self.walk(id, &path, commit);
            } else if e.mode.is_commit() {
                // A submodule: its commits live in another repository.
                if commit.is_some() && self.seen_blobs.insert(id) {
                    self.skipped.push(format!(
                        "submodule `{path}` (scan its repository on its own)"
                    ));
                }
            } else if e.mode.is_blob() && (!self.once || self.seen_blobs.insert(id)) {
                self.blobs.push(Blob { id, path, commit });
            }
        }
    }
}
