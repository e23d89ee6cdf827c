"""The replication package stands alone: unzipped in an empty folder outside the repository,
installed from what it holds (the wheel, with --no-deps; the lock's packages are reused from
this environment), every notebook reruns without error, and each says first what it needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

from kzbuild import replication, wheel
from kzdecentral import paths

RUNNER = textwrap.dedent("""
    import sys, nbformat
    from nbclient import NotebookClient
    for path in sys.argv[1:]:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": "."}}).execute()
        print("ran", path, flush=True)
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys, kzdecentral, kzdecentral.paths as p; print(sys.executable); "
        "print(kzdecentral.__file__); print(p.data_dir())")])
    NotebookClient(probe, kernel_name="python3").execute()
    print(probe.cells[0].outputs[0]["text"])
""")


def _archive() -> Path:
    built = paths.ROOT / "_build" / "html" / "_downloads" / replication.ZIP
    if not built.is_file():
        pytest.skip("no built book: run make book")
    return built


def test_every_notebook_says_first_what_it_needs():
    with zipfile.ZipFile(_archive()) as zf:
        names = zf.namelist()
        notebooks = [n for n in names if n.endswith(".ipynb")]
        assert len(notebooks) >= 10
        for n in notebooks:
            nb = json.loads(zf.read(n))
            first = nb["cells"][0]
            assert first["cell_type"] == "markdown"
            text = "".join(first["source"])
            assert "Python 3.11" in text and wheel.wheel_name() in text and "requirements.txt" in text
            assert "data/" in text
            assert nb["metadata"]["kernelspec"]["name"] == "python3"
        readme = zf.read(f"{replication.NAME}/README.md").decode()
    for section in ("Data availability", "Computational requirements", "Instructions", "List of outputs"):
        assert f"## {section}" in readme
    assert "Python 3.11" in readme and "Run time measured" in readme
    for n in notebooks:
        assert f"`notebooks/{Path(n).name}`" in readme
    assert f"{replication.NAME}/{wheel.wheel_name()}" in names
    assert f"{replication.NAME}/requirements.txt" in names and f"{replication.NAME}/data/datapackage.json" in names


def test_the_package_reruns_every_notebook_outside_the_repository(tmp_path):
    with zipfile.ZipFile(_archive()) as zf:
        zf.extractall(tmp_path)
    pkg = tmp_path / replication.NAME
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # reuse this environment's locked packages (not its editable kzdecentral: a plain path
    # entry does not run the editable install's import hook)
    site = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    here = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    Path(site, "_kzdec_lock.pth").write_text(here + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KZDEC_DATA_DIR", "VIRTUAL_ENV")}
    env["JUPYTER_PATH"] = str(env_dir / "share" / "jupyter")
    install = subprocess.run(
        [py, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(pkg / wheel.wheel_name())],
        capture_output=True,
        text=True,
        env=env,
    )
    assert install.returncode == 0, install.stderr
    notebooks = sorted(p.name for p in (pkg / "notebooks").glob("*.ipynb"))
    out = subprocess.run(
        [py, "-c", RUNNER, *notebooks], cwd=pkg / "notebooks", env=env, capture_output=True, text=True, timeout=1800
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-4000:]
    assert out.stdout.count("\nran ") + out.stdout.startswith("ran ") == len(notebooks)
    executable, module, data_dir = out.stdout.strip().splitlines()[-3:]
    assert str(tmp_path) in module and str(paths.ROOT) not in module, module
    assert data_dir == str((pkg / "data").resolve())
