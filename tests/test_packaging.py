"""What `pip install .` / `pipx install .` installs: every package, the demo and the stylesheet,
so an installed `sidebyside` runs the demo away from the repository."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_has_every_package_the_demo_and_the_stylesheet(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("sidebyside-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for d in ("sidebyside", "tui", "widgets")
               for p in (ROOT / d).rglob("*.py")}
    assert sources <= names, sorted(sources - names)
    assert "tui/app.tcss" in names
    demo = {p.relative_to(ROOT).as_posix() for p in (ROOT / "sidebyside" / "demo").iterdir()
            if p.suffix in (".txt", ".md")}
    assert demo and demo <= names
    models = {p.relative_to(ROOT).as_posix() for p in (ROOT / "sidebyside" / "models").rglob("*")
              if p.is_file()}
    assert {"sidebyside/models/minilm-int8/model.onnx",
            "sidebyside/models/minilm-static/vectors.int8.npy"} <= models <= names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "sidebyside = sidebyside.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_version_flag():
    out = subprocess.run([sys.executable, "-m", "sidebyside.cli", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("sidebyside ")
