"""Progress of a long conversion: the step being run, shown in notebooks and
interactive terminals, quiet in scripts unless asked for (`verbose=`)."""

from __future__ import annotations

import sys


def interactive() -> bool:
    """True in a notebook or IPython shell, and in the interactive interpreter."""
    ipython = sys.modules.get("IPython")
    if ipython is not None and getattr(ipython, "get_ipython", lambda: None)() is not None:
        return True
    return hasattr(sys, "ps1") or bool(sys.flags.interactive)


def wanted(verbose: bool | None) -> bool:
    return interactive() if verbose is None else bool(verbose)


class Progress:
    """A bar over edge-convert's steps (tqdm's notebook or terminal bar where tqdm is
    installed, as it is with ai-edge-litert; else one line rewritten on stderr)."""

    def __init__(self, enabled: bool, what: str):
        self.enabled = enabled
        self.what = what
        self.bar = None
        self.line = False

    def update(self, step: int, total: int, message: str) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            try:
                from tqdm.auto import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                fmt = "{desc}: {percentage:3.0f}%|{bar}| {n}/{total} [{elapsed}] {postfix}"
                self.bar = tqdm(total=total, desc=self.what, bar_format=fmt, leave=False)
        if self.bar is not None:
            self.bar.total = total
            self.bar.n = step
            self.bar.set_postfix_str(message, refresh=True)
        else:
            sys.stderr.write(f"\r{self.what}: [{step}/{total}] {message:<60}")
            sys.stderr.flush()
            self.line = True

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        if self.line:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()
            self.line = False
