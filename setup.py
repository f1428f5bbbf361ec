"""Build hook: the wheel carries the default template and the sample year inside the package.

The files stay where editors and clerks find them in a checkout (templates/, inputs/); a wheel
gets copies under ncnsc_reports/shipped/ (`ncnsc_reports.resources` reads them), so the
installed tool needs no checkout. An editable install reads the checkout's own files.
"""

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("resources", HERE / "ncnsc_reports" / "resources.py")
resources = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(resources)


class BuildWithShippedFiles(build_py):
    """build_py, then copy `resources.SHIPPED` into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the editable package reads the checkout itself
        target = Path(self.build_lib) / "ncnsc_reports" / resources.INSTALLED
        for relative in resources.SHIPPED:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(HERE / relative, target / relative)


setup(cmdclass={"build_py": BuildWithShippedFiles})
