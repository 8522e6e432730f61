"""Nothing POSIX-only runs on Windows or macOS: such calls live only inside a platform guard."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cramplog"

# Calls that are missing, or mean something else, on Windows (os.kill(pid, 0) sends
# CTRL_C_EVENT there; os.fchmod exists only from Python 3.13) or on macOS (/proc).
POSIX_ONLY_CALLS = frozenset(
    {
        "os.fchmod",
        "os.fchown",
        "os.chown",
        "os.lchown",
        "os.kill",
        "os.killpg",
        "os.getuid",
        "os.geteuid",
        "os.getpgid",
        "os.setsid",
        "os.mkfifo",
        "os.mknod",
        "os.sync",
        "os.O_NOFOLLOW",
        "signal.SIGKILL",
        "signal.SIGHUP",
    }
)
POSIX_ONLY_MODULES = frozenset({"fcntl", "pwd", "grp", "termios", "resource"})
# A test of any of these opens a platform guard.
GUARDS = ("sys.platform", "os.name", "hasattr(os")


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def unguarded_posix_calls(source: str, name: str) -> list[str]:
    """Each POSIX-only use in `source` that no `if` on the platform encloses."""
    tree = ast.parse(source)
    found: list[str] = []

    def visit(node: ast.AST, guarded: bool) -> None:
        if isinstance(node, ast.If) and any(g in ast.unparse(node.test) for g in GUARDS):
            # The platform branch (body or else) is the guarded code.
            for child in node.body + node.orelse:
                visit(child, True)
            return
        if not guarded:
            if isinstance(node, ast.Attribute) and _dotted(node) in POSIX_ONLY_CALLS:
                found.append(f"{name}:{node.lineno} uses {_dotted(node)}")
            elif isinstance(node, ast.Import | ast.ImportFrom):
                modules = (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                )
                for module in modules:
                    if module and module.split(".")[0] in POSIX_ONLY_MODULES:
                        found.append(f"{name}:{node.lineno} imports {module}")
        for inner in ast.iter_child_nodes(node):
            visit(inner, guarded)

    visit(tree, False)
    return found


def test_no_posix_only_call_runs_outside_a_platform_guard() -> None:
    found = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        for problem in unguarded_posix_calls(
            path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE))
        )
    ]
    assert found == []


def test_the_checker_catches_an_unguarded_call_and_accepts_a_guarded_one() -> None:
    sneaky = "import os\ndef f(fd):\n    os.fchmod(fd, 0o600)\n    import fcntl\n"
    assert unguarded_posix_calls(sneaky, "sneaky.py") == [
        "sneaky.py:3 uses os.fchmod",
        "sneaky.py:4 imports fcntl",
    ]
    careful = (
        "import os, sys\n"
        "def alive(pid):\n"
        "    if sys.platform == 'win32':\n"
        "        return windows(pid)\n"
        "    else:\n"
        "        os.kill(pid, 0)\n"
    )
    assert unguarded_posix_calls(careful, "careful.py") == []
