"""The core never imports the site generator: that is what lets it move to another one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "scripts" / "pressroom"
# The site generator and its theme; `pressroom.mkdocs` is the only package that may use them.
ENGINE_PACKAGES = ("mkdocs", "properdocs", "material", "pressroom.mkdocs", "jinja2")
CORE_MODULES = sorted((PACKAGE / "core").rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_core_has_modules_to_check() -> None:
    assert len(CORE_MODULES) > 20


@pytest.mark.parametrize("module", CORE_MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_imports_nothing_from_the_site_generator(module: Path) -> None:
    engine = {
        name for name in imported_modules(module)
        if any(name == package or name.startswith(package + ".") for package in ENGINE_PACKAGES)
    }
    assert not engine, f"{module.relative_to(PACKAGE)} imports {sorted(engine)}"


@pytest.mark.parametrize("folder", ["cli", "importer"])
def test_staff_commands_run_without_the_site_generator(folder: str) -> None:
    for module in sorted((PACKAGE / folder).rglob("*.py")):
        engine = {name for name in imported_modules(module)
                  if name.split(".")[0] in {"mkdocs", "properdocs", "material"}
                  or name.startswith("pressroom.mkdocs")}
        assert not engine, f"{module.relative_to(PACKAGE)} imports {sorted(engine)}"


def test_the_layering_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "sneaky.py"
    module.write_text("from mkdocs.structure.files import File\nimport material.plugins\n")
    assert imported_modules(module) == {"mkdocs.structure.files", "material.plugins"}


def test_the_readme_map_names_every_module() -> None:
    readme = (PACKAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    modules = [
        path.relative_to(PACKAGE).as_posix() for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in ("__init__.py", "__main__.py") or path.parent.name == "importer"
    ]
    missing = [module for module in modules if f"- `{module}`: " not in readme]
    assert not missing, f"README's map of the code does not name {missing}"
