"""One namespace: the agent installs as ``tinyagent.*`` and an app with its own ``tools`` and
``graph`` packages imports it beside them; no module of the agent reaches a top-level name."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_an_app_with_its_own_tools_and_graph_packages_imports_tinyagent_beside_them(tmp_path):
    for name in ("tools", "graph", "nodes", "store"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(f"OWNER = 'app {name}'\n")
    code = textwrap.dedent("""
        import pkgutil, sys
        import tools, graph, nodes, store
        import tinyagent.graph, tinyagent.nodes, tinyagent.tools, tinyagent.store, tinyagent.finetune
        # every module of the agent, the fine-tuning package included
        names = []
        for pkg in (tinyagent.graph, tinyagent.nodes, tinyagent.tools, tinyagent.store, tinyagent.finetune):
            for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
                __import__(info.name)
                names.append(info.name)
        assert (tools.OWNER, graph.OWNER, nodes.OWNER, store.OWNER) == (
            "app tools", "app graph", "app nodes", "app store")
        from tinyagent.graph import build_graph
        from tinyagent.tools import default_tools
        top = sorted(m for m in sys.modules if m.split(".")[0] in ("tools", "graph", "nodes", "store", "finetune")
                     and m not in ("tools", "graph", "nodes", "store"))
        assert not top, top  # an agent module imported by a top-level name would land here
        print(len(names))
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert int(proc.stdout.split()[-1]) >= 40  # the walk did import the agent's modules


def test_the_console_script_and_module_entry_points_use_the_namespace(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tinyagent.finetune", "--help"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "generate" in proc.stderr + proc.stdout
    from importlib.metadata import entry_points
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "tinyagent"]
    assert script.value == "tinyagent.graph.cli:main"


def _imports(path):
    import ast
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            yield node.module or ""
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names)


def test_layers_point_one_way():
    """store and tools import nothing from nodes or graph; nodes nothing from graph; inside nodes the
    sub-packages import only those below them (plans < model < request < rules < report), and none
    of them the node files at the top."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    below = {"store": ("nodes", "graph"), "tools": ("nodes", "graph"), "nodes": ("graph",)}
    wrong = []
    for layer, above in below.items():
        for path in (root / layer).rglob("*.py"):
            wrong += [f"{path.relative_to(root)}: {n}" for n in _imports(path)
                      if n.split(".")[:2] in (["tinyagent", a] for a in above) or n.split(".")[0] in above]
    order = ["plans", "model", "request", "rules", "report"]
    assert sorted(p.name for p in (root / "nodes").iterdir() if (p / "__init__.py").exists()) == sorted(order)
    for i, sub in enumerate(order):
        allowed = {f"tinyagent.nodes.{s}" for s in order[:i + 1]}
        for path in (root / "nodes" / sub).glob("*.py"):
            wrong += [f"{path.relative_to(root)}: {n}" for n in _imports(path) if n.startswith("tinyagent.nodes")
                      and ".".join(n.split(".")[:3]) not in allowed]
    assert not wrong, wrong


def test_the_studio_entry_point_does_not_load_the_terminal_chat(tmp_path):
    code = textwrap.dedent("""
        import sys
        import tinyagent.graph.bootstrap, tinyagent.graph.graph
        loaded = [m for m in sys.modules if m in ("tinyagent.graph.chat", "tinyagent.graph.view", "prompt_toolkit")]
        assert not loaded, loaded
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    app = (__import__("pathlib").Path(__file__).resolve().parent.parent / "graph" / "app.py").read_text()
    assert "tinyagent.graph.chat" not in app and "tinyagent.graph.view" not in app
