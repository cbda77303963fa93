//! `vigil hook install|uninstall`: git hooks that run the gate before a commit or a push.
//!
//! A hook Vigil did not write is never overwritten: it is renamed `<hook>.pre-vigil` and
//! Vigil's hook runs it first, passing on its arguments and standard input, and stops when it
//! fails. Uninstalling puts it back.

use crate::UsageError;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Marks a hook as Vigil's, so install updates it and uninstall removes only it.
const MARKER: &str =
    "# vigil-hook: installed by `vigil hook install`; remove with `vigil hook uninstall`";
const CHAINED_SUFFIX: &str = ".pre-vigil";

pub fn run(action: crate::HookAction) -> Result<ExitCode, UsageError> {
    match action {
        crate::HookAction::Install { pre_push, repo } => {
            let dir = hooks_dir(&repo)?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            let vigil = std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| "vigil".into());
            install(&dir, "pre-commit", &pre_commit_script(&vigil))?;
            if pre_push {
                install(&dir, "pre-push", &pre_push_script(&vigil))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        crate::HookAction::Uninstall { repo } => {
            let dir = hooks_dir(&repo)?;
            let mut removed = 0;
            for name in ["pre-commit", "pre-push"] {
                removed += uninstall(&dir, name)? as usize;
            }
            if removed == 0 {
                eprintln!("vigil: no Vigil hook in {}", dir.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn hooks_dir(repo: &Path) -> Result<PathBuf, UsageError> {
    let repo = vigil_git::Repo::discover(repo).map_err(|e| e.to_string())?;
    Ok(repo.hooks_dir())
}

fn is_ours(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.contains(MARKER))
}

fn install(dir: &Path, name: &str, script: &str) -> Result<(), UsageError> {
    let hook = dir.join(name);
    let chained = dir.join(format!("{name}{CHAINED_SUFFIX}"));
    if hook.exists() && !is_ours(&hook) {
        if chained.exists() {
            return Err(format!(
                "{} exists and so does {}: move one of them away, then install again",
                hook.display(),
                chained.display()
            )
            .into());
        }
        std::fs::rename(&hook, &chained)
            .map_err(|e| format!("cannot rename {}: {e}", hook.display()))?;
        eprintln!(
            "vigil: kept your {name} hook as {} and chained it: it runs first",
            chained.display()
        );
    }
    std::fs::write(&hook, script).map_err(|e| format!("cannot write {}: {e}", hook.display()))?;
    make_executable(&hook)?;
    eprintln!("vigil: installed {}", hook.display());
    Ok(())
}

fn uninstall(dir: &Path, name: &str) -> Result<bool, UsageError> {
    let hook = dir.join(name);
    if !hook.exists() || !is_ours(&hook) {
        return Ok(false);
    }
    std::fs::remove_file(&hook).map_err(|e| format!("cannot remove {}: {e}", hook.display()))?;
    let chained = dir.join(format!("{name}{CHAINED_SUFFIX}"));
    if chained.exists() {
        std::fs::rename(&chained, &hook)
            .map_err(|e| format!("cannot restore {}: {e}", chained.display()))?;
        eprintln!("vigil: removed the {name} hook and restored the one it chained to");
    } else {
        eprintln!("vigil: removed {}", hook.display());
    }
    Ok(true)
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), UsageError> {
    use std::os::unix::fs::PermissionsExt;
    let mut perms = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .permissions();
    perms.set_mode(0o755);
    std::fs::set_permissions(path, perms).map_err(|e| format!("{}: {e}", path.display()).into())
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> Result<(), UsageError> {
    Ok(())
}

/// Shell-quotes a path for the hook script.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Finds the binary: the one that installed the hook, else `vigil` on the PATH (it may have
/// moved since).
fn locate(vigil: &str) -> String {
    format!("vigil={}\n[ -x \"$vigil\" ] || vigil=vigil\n", quote(vigil))
}

fn pre_commit_script(vigil: &str) -> String {
    format!(
        r#"#!/bin/sh
{MARKER}
# Stops the commit when what is staged holds a credential. Skip once with `git commit --no-verify`.
{locate}chained="$0{CHAINED_SUFFIX}"
if [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi
exec "$vigil" secrets --staged
"#,
        locate = locate(vigil)
    )
}

fn pre_push_script(vigil: &str) -> String {
    format!(
        r#"#!/bin/sh
{MARKER}
# Stops the push when the commits being pushed hold a credential. Skip once with `git push --no-verify`.
{locate}input=$(cat)
chained="$0{CHAINED_SUFFIX}"
if [ -x "$chained" ]; then
  printf '%s\n' "$input" | "$chained" "$@" || exit $?
fi
zero=0000000000000000000000000000000000000000
status=0
printf '%s\n' "$input" | {{
  while read -r local_ref local_sha remote_ref remote_sha; do
    [ -z "$local_sha" ] && continue
    [ "$local_sha" = "$zero" ] && continue   # deleting a remote branch
    # Only the commits being pushed: a secret on a local branch that is not pushed does not
    # stop the push of another.
    if [ "$remote_sha" = "$zero" ] || ! git cat-file -e "$remote_sha^{{commit}}" 2>/dev/null; then
      # A new remote branch, or one holding commits this clone has not fetched (a forced
      # push): all of the pushed commit's history.
      "$vigil" secrets --history --rev "$local_sha" || status=$?
    else
      "$vigil" secrets --history --rev "$local_sha" --since "$remote_sha" || status=$?
    fi
  done
  exit $status
}}
"#,
        locate = locate(vigil)
    )
}
