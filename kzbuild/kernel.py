"""The project's Jupyter kernel: its name, and the kernel a chapter runs in.

``make lab`` registers a kernel of the project's environment (``.venv``) under
:data:`NAME`, shown as :data:`DISPLAY_NAME`; the chapters name it in their kernelspec
(``make normalize`` writes it), so JupyterLab opens them in it and saving writes back the same
kernelspec. Where it is not registered (a plain ``make book``, CI, a replication run), a chapter
runs in ``python3``, the environment's own kernel, as ``nb_kernel_rgx_aliases`` in
``_config.yml`` tells myst-nb.
"""

from __future__ import annotations

import os

#: The kernel's name (its folder under ``share/jupyter/kernels``).
NAME = "kzdecentral"
#: What Jupyter shows for it.
DISPLAY_NAME = "Python 3 (kzdecentral)"
#: The kernelspec the chapters carry.
KERNELSPEC = {"display_name": DISPLAY_NAME, "language": "python", "name": NAME}
FALLBACK = "python3"


def apply_aliases(nb, aliases: dict[str, str]) -> None:
    """Rename the notebook's kernel as myst-nb does (``nb_kernel_rgx_aliases``: the first
    pattern that matches the whole name wins), so that the execution step caches the chapter
    under the key myst-nb looks up."""
    import re

    spec = nb.metadata.get("kernelspec") or {}
    name = spec.get("name")
    for rgx, alias in aliases.items():
        if name is not None and re.fullmatch(rgx, name):
            spec["name"] = alias
            break


def kernel_name(nb) -> str:
    """The chapter's kernel if it is installed, else ``python3``."""
    from jupyter_client.kernelspec import KernelSpecManager

    name = nb.metadata.get("kernelspec", {}).get("name", FALLBACK)
    if name != FALLBACK and name not in KernelSpecManager().find_kernel_specs():
        return FALLBACK
    return name


def kernel_manager(nb, sockets: str):
    """The chapter's kernel, talking over Unix sockets in a private folder rather than TCP
    ports on localhost: kernels started together cannot race for a port, and nothing else on
    the machine can connect to them (the kernels' "running over TCP without encryption"
    warning is gone with it)."""
    from jupyter_client.manager import KernelManager

    class QuietKernelManager(KernelManager):
        """The kernel process writes its own stderr (start-up notices, the noise of a shutdown
        racing its message threads) to ``kernel-stderr.log`` in the private folder, not into the
        build's output: what a chapter raises reaches the report through the kernel's messages."""

        def start_kernel(self, **kw):
            kw.setdefault("stderr", open(os.path.join(sockets, "kernel-stderr.log"), "ab"))  # noqa: SIM115
            return super().start_kernel(**kw)

    return QuietKernelManager(kernel_name=kernel_name(nb), transport="ipc", ip=os.path.join(sockets, "kernel"))


def install() -> None:
    """Register this environment's Python as the project's kernel (in the environment itself,
    ``--sys-prefix``), under :data:`NAME` and :data:`DISPLAY_NAME`."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "ipykernel", "install", "--sys-prefix", "--name", NAME, "--display-name", DISPLAY_NAME],
        check=True,
    )


if __name__ == "__main__":
    install()
