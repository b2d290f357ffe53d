#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the flatpak manifest without building it.

Usage: check-flatpak-manifest.py MANIFEST SCHEMA APP_ID COMMAND MESON_BUILD

Checks that MANIFEST
- has the shape SCHEMA describes (the flatpak-builder keys the project uses,
  and finish-args limited to an allow-list: no filesystem, no session bus);
- is for APP_ID and runs COMMAND, the executable meson installs;
- asks for every permission the app needs (windows, GPU, the network to
  refresh) and nothing else;
- builds the app itself last, with meson, from this source tree;
- has a module for every library MESON_BUILD requires that the GNOME runtime
  does not ship.
Exits 0 when all of that holds, 1 otherwise, naming each problem.
"""

import json
import re
import sys

import jsonschema

# Exactly what the app needs; the schema's allow-list is the same set, and
# here each one is also required, so the app does not lose a window or its
# refresh to a missing permission.
REQUIRED_FINISH_ARGS = {
    "--share=ipc": "X11 shared memory",
    "--socket=wayland": "windows on Wayland",
    "--socket=fallback-x11": "windows on X11, only without Wayland",
    "--device=dri": "GPU rendering",
    "--share=network": "refreshing the data",
}

# Libraries org.gnome.Sdk ships, as meson's dependency() names them.
RUNTIME_LIBRARIES = {
    "glib-2.0", "gio-2.0", "gobject-2.0", "gmodule-2.0", "json-glib-1.0", "libsoup-3.0", "gtk4", "libadwaita-1",
}

DEPENDENCY = re.compile(r"dependency\(\s*'([^']+)'([^)]*)\)")


def required_libraries(meson_build):
    with open(meson_build, encoding="utf-8") as f:
        text = f.read()
    names = set()
    for name, rest in DEPENDENCY.findall(text):
        if re.search(r"required\s*:\s*false", rest):
            continue
        names.add(name)
    return names


def main(argv):
    if len(argv) != 6:
        print(__doc__.strip())
        return 2
    manifest_path, schema_path, app_id, command, meson_build = argv[1:]

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except json.JSONDecodeError as e:
        print(f"FAIL: {manifest_path} is not JSON: {e}")
        return 1

    problems = []

    validator = jsonschema.Draft7Validator(schema)
    for error in sorted(validator.iter_errors(manifest), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        problems.append(f"{where}: {error.message}")

    if manifest.get("id") != app_id:
        problems.append(f"id is {manifest.get('id')!r}, the app id is {app_id!r}")
    if manifest.get("command") != command:
        problems.append(f"command is {manifest.get('command')!r}, the executable is {command!r}")

    finish_args = manifest.get("finish-args", [])
    for arg, reason in REQUIRED_FINISH_ARGS.items():
        if arg not in finish_args:
            problems.append(f"finish-args lack {arg} ({reason})")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    if modules:
        app = modules[-1]
        if app.get("name") != command or app.get("buildsystem") != "meson":
            problems.append("the last module must build the app itself with meson, "
                            f"named {command!r}: found {app.get('name')!r} ({app.get('buildsystem')!r})")
        if app.get("sources") != [{"type": "dir", "path": ".."}]:
            problems.append("the app's module must build this source tree (a dir source with path '..')")

    names = {m.get("name") for m in modules}
    for library in sorted(required_libraries(meson_build) - RUNTIME_LIBRARIES):
        if library not in names:
            problems.append(f"meson.build requires {library!r}, which the GNOME runtime does not ship, "
                            "and no module builds it")

    if problems:
        print(f"FAIL: {manifest_path}:")
        for problem in problems:
            print(f"  {problem}")
        return 1

    print(f"OK: {manifest_path} is for {app_id}, runs {command}, builds {len(modules)} modules "
          f"and asks only for {', '.join(finish_args)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
