#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests: the installed app, driven through its accessibility tree.

Usage: run-e2e.py BUILD_DIR SOURCE_DIR [SCENARIO...]

Installs the build into a temporary directory (meson install --destdir),
compiles its GSettings schema there, starts the AT-SPI bus in the D-Bus
session the test runner provides and a data server on 127.0.0.1, then runs
each scenario against the installed stem-cell-atlas, with its own XDG
directories and a keyfile settings backend (so settings outlive a restart):
keyboard and mouse input is synthesised through AT-SPI, and what the app
shows is read from the accessibility tree, as a screen reader would.

Scenarios (all by default, else those named, in that order): browse,
search, refresh, refresh-untrusted, restart, compare, therapy, conditions,
guidance, preferences. Each saves wide (1200 px) and narrow (360 px)
screenshots of what it saw in BUILD_DIR/e2e-screenshots/, with the controls
found without an accessible name in unnamed-controls.txt there, and on
failure the accessibility tree.

The app refreshes only data signed with the publisher's keys, which ship in
its GResource. The refresh scenario serves the signed test fixture and, with
GLib's G_RESOURCE_OVERLAYS, puts the test key that signed it in place of one
publisher key, for the app under test only (see resource_overlays()).

Output is TAP, one line per scenario; diagnostics go to stderr. Needs an X
display of at least 1200x760 and a D-Bus session bus, which `build-aux/dev
test` provides (xvfb-run + dbus-run-session); without them it skips. Debian
packages: at-spi2-core, gir1.2-atspi-2.0, python3-gi, imagemagick, xdotool.
It runs with Debian's /usr/bin/python3, which has the GObject bindings.
ATLAS_E2E_KEEP=1 keeps the temporary directory (logs, settings) afterwards.
"""

import faulthandler
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import warnings

APP_ID = 'io.github.stemcellatlas.StemCellAtlas'
RESOURCE_PREFIX = '/io/github/stemcellatlas/StemCellAtlas'
SCHEMA_PATH = 'io/github/stemcellatlas/StemCellAtlas'
EXECUTABLE = 'stem-cell-atlas'
AT_SPI_BUS_LAUNCHER = '/usr/libexec/at-spi-bus-launcher'

WIDE = (1200, 760)
NARROW = (360, 760)
# Generous: CI machines and busy workstations can be many times slower.
TIMEOUT = 30          # seconds for anything a user would wait for
START_TIMEOUT = 90    # seconds for the app to start and load its data
POLL = 0.2

# Keysyms (X11/keysymdef.h).
KEY_BACKSPACE = 0xff08
CONTROL_MASK = 1 << 2

# Roles a user operates; a control of one of these needs a name.
CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'menu item',
    'check menu item', 'radio menu item', 'entry', 'password text', 'spin button',
    'slider', 'combo box', 'link', 'page tab', 'switch', 'list item', 'toggle',
}
# GTK 4.8 names an unlabelled widget after its type, or after its child's
# type (an icon-only button is "GtkImage").
TYPE_NAME = re.compile(r'^(Gtk|Adw|Atlas)[A-Z][A-Za-z]*$')
# A label's "_" marks its access key; in a name, a screen reader reads it out.
MNEMONIC = re.compile(r'_\w')
# Type names that say nothing about where a widget is.
UNINFORMATIVE_TYPES = ('AdwGizmo', 'AdwLeaflet', 'GtkStackPage', 'GtkImage')

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:  # pragma: no cover - reported as a test failure
    print('1..1')
    print(f'not ok 1 - set-up # the AT-SPI bindings are missing ({e}): '
          'install gir1.2-atspi-2.0 and python3-gi, and run with /usr/bin/python3')
    sys.exit(1)


class Skip(Exception):
    """The scenario cannot run against this build; says why."""


class Failure(Exception):
    """A check failed; @context is the accessible whose subtree explains why."""

    def __init__(self, message, context=None):
        super().__init__(message)
        self.context = context


T0 = time.monotonic()


def log(*args):
    print(f'# [{time.monotonic() - T0:6.1f}]', *args, file=sys.stderr, flush=True)


def wait_for(what, func, timeout=TIMEOUT, context=None):
    """Polls @func until it returns something true; fails after @timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = func()
            if value:
                return value
        except GLib.Error as e:
            # Objects come and go while the app updates its widgets.
            last_error = e
        if time.monotonic() > deadline:
            detail = f' (last error: {last_error.message})' if last_error else ''
            raise Failure(f'timed out after {timeout} s waiting for {what}{detail}', context)
        time.sleep(POLL)


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kwargs)


# ---------------------------------------------------------------------------
# The accessibility tree

def role(acc):
    return acc.get_role_name()


def name(acc):
    return acc.get_name() or ''


def children(acc):
    for i in range(acc.get_child_count()):
        try:
            child = acc.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield child


def find_all(root, pred, prune=None, limit=None):
    """The descendants of @root that match @pred, not looking inside those
    that match @prune (big subtrees that cannot hold what we look for). Every
    call asks the app afresh: each question is a D-Bus round trip, so callers
    keep the subtree small. (libatspi caches nothing without an event loop,
    which this script never runs; its clear_cache() can even crash while
    windows come and go, so it is never called.)"""
    if root is None:
        return []
    found = []

    def visit(acc):
        for child in children(acc):
            if limit is not None and len(found) >= limit:
                return
            try:
                if pred(child):
                    found.append(child)
                if prune is None or not prune(child):
                    visit(child)
            except GLib.Error:
                pass

    visit(root)
    return found


def find_one(root, pred, prune=None):
    found = find_all(root, pred, prune, limit=1)
    return found[0] if found else None


def not_chrome(acc):
    """Prunes pages and lists (all in scrolled windows) when looking for the
    header bars, the search bar or toasts."""
    return role(acc) in ('list', 'scroll pane', 'label', 'table')


PAGE_NAME = re.compile(r'^Atlas\w*Page$')


def is_page(acc):
    """The content pages: AtlasCountryPage, AtlasComparisonPage, …"""
    return bool(PAGE_NAME.match(name(acc)))


def off_screen(acc):
    """GTK 4.8 keeps a stack's hidden pages in the tree, with every state of a
    shown one; only their size, zero, tells them apart."""
    if role(acc) not in ('scroll pane', 'filler'):
        return False
    r = extents(acc)
    return r.width <= 0 or r.height <= 0


def on_screen(acc):
    return not off_screen(acc)


def by_role_name(wanted_role, wanted_name):
    return lambda a: role(a) == wanted_role and name(a) == wanted_name


def has_state(acc, state):
    return acc.get_state_set().contains(state)


def text_of(acc):
    return Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc))


def extents(acc):
    """Position and size relative to the window: GTK 4 cannot give screen
    coordinates (asking for them logs a warning)."""
    return Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)


def describe(acc):
    try:
        states = [s.value_nick for s in acc.get_state_set().get_states()
                  if s in (Atspi.StateType.SELECTED, Atspi.StateType.FOCUSED, Atspi.StateType.CHECKED)]
        desc = acc.get_description()
        line = f'[{role(acc)}] {name(acc)!r}'
        if desc:
            line += f' (description {desc!r})'
        if states:
            line += ' ' + ','.join(states)
        return line
    except GLib.Error as e:
        return f'<gone: {e.message}>'


def dump(acc, depth=0, lines=None, max_depth=60, max_nodes=800):
    if lines is None:
        lines = []
    if len(lines) >= max_nodes:
        if len(lines) == max_nodes:
            lines.append('… (more not shown)')
        return lines
    lines.append('  ' * depth + describe(acc))
    if depth < max_depth:
        try:
            for child in children(acc):
                dump(child, depth + 1, lines, max_depth, max_nodes)
        except GLib.Error as e:
            lines.append('  ' * (depth + 1) + f'<error: {e.message}>')
    return lines


# ---------------------------------------------------------------------------
# Processes and the environment

class Sandbox:
    """The installed app and what every scenario shares: the AT-SPI bus, a
    local data server, the screenshot directory."""

    def __init__(self, build_dir, source_dir):
        self.build_dir = os.path.abspath(build_dir)
        self.source_dir = os.path.abspath(source_dir)
        self.tmp = tempfile.mkdtemp(prefix='atlas-e2e-')
        self.shots = os.path.join(self.build_dir, 'e2e-screenshots')
        shutil.rmtree(self.shots, ignore_errors=True)
        os.makedirs(self.shots)
        self.processes = []
        self.bus_launcher = None
        self.server = None
        self.apps = []
        self.unnamed = {}

    # Installation

    def install(self):
        destdir = os.path.join(self.tmp, 'install')
        started = time.monotonic()
        try:
            run(['meson', 'install', '-C', self.build_dir, '--destdir', destdir, '--quiet'])
        except subprocess.CalledProcessError as e:
            raise Failure(f'meson install failed:\n{e.stdout}')
        log(f'installed into {destdir} in {time.monotonic() - started:.1f} s')

        self.exe = self.schema_dir = self.share_dir = None
        for root, dirs, files in os.walk(destdir):
            if os.path.basename(root) == 'bin' and EXECUTABLE in files:
                self.exe = os.path.join(root, EXECUTABLE)
            if root.endswith(os.path.join('share', 'glib-2.0', 'schemas')):
                self.schema_dir = root
                self.share_dir = os.path.dirname(os.path.dirname(root))
        if self.exe is None:
            raise Failure(f'meson install put no bin/{EXECUTABLE} under {destdir}')
        schema = os.path.join(self.schema_dir or '', APP_ID + '.gschema.xml')
        if self.schema_dir is None or not os.path.exists(schema):
            raise Failure(f'meson install put no {APP_ID}.gschema.xml under {destdir}')
        # gnome.post_install skips this when installing into a DESTDIR.
        run(['glib-compile-schemas', '--strict', self.schema_dir])

    # The AT-SPI bus

    def name_has_owner(self, bus_name):
        out = run(['gdbus', 'call', '--session', '--dest', 'org.freedesktop.DBus',
                   '--object-path', '/org/freedesktop/DBus',
                   '--method', 'org.freedesktop.DBus.NameHasOwner', bus_name]).stdout
        return 'true' in out

    def start_accessibility_bus(self):
        if not self.name_has_owner('org.a11y.Bus'):
            if not os.access(AT_SPI_BUS_LAUNCHER, os.X_OK):
                raise Failure(f'{AT_SPI_BUS_LAUNCHER} is missing: install at-spi2-core')
            self.bus_launcher = self.spawn([AT_SPI_BUS_LAUNCHER, '--launch-immediately'],
                                           os.path.join(self.tmp, 'at-spi-bus.log'))
            wait_for('the AT-SPI bus (org.a11y.Bus) on the session bus',
                     lambda: self.name_has_owner('org.a11y.Bus'))
        else:
            log('the AT-SPI bus was already running in this session')
        Atspi.init()
        # The registry daemon starts on demand; asking for the desktop starts it.
        wait_for('the AT-SPI registry (at-spi2-registryd)',
                 lambda: Atspi.get_desktop(0).get_child_count() >= 0)

    def spawn(self, cmd, log_path, env=None):
        logfile = open(log_path, 'wb')
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=logfile, stderr=subprocess.STDOUT,
                                env=env, start_new_session=True)
        logfile.close()
        self.processes.append(proc)
        return proc

    # The local data server

    def start_server(self):
        """Serves the test data on 127.0.0.1, which the refresher allows over
        plain http: /atlas.json with its signature, and /untrusted/atlas.json
        with a signature by a key the app does not trust."""
        tests = os.path.join(self.source_dir, 'tests')
        signed = os.path.join(tests, 'fixtures', 'signatures', 'atlas.json')
        minimal = os.path.join(tests, 'fixtures', 'valid', 'minimal.json')
        # The app checks the publisher's signature (a minisign .minisig beside
        # the data) when the tree has resources/keys/. The signed fixture is the
        # minimal one; serve exactly the bytes that were signed.
        self.signing = (os.path.isdir(os.path.join(self.source_dir, 'resources', 'keys'))
                        and os.path.exists(signed + '.minisig'))
        files = {'/atlas.json': signed if self.signing else minimal}
        if self.signing:
            files['/atlas.json.minisig'] = signed + '.minisig'
            files['/untrusted/atlas.json'] = signed
            files['/untrusted/atlas.json.minisig'] = signed + '.untrusted.minisig'
        with open(files['/atlas.json']) as f:
            self.served_countries = sorted(c['name'] for c in json.load(f)['countries'])
        bodies = {}
        for path, filename in files.items():
            with open(filename, 'rb') as f:
                bodies[path] = f.read()
        requests = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                path = self.path.split('?')[0]
                requests.append(path)
                if path not in bodies:
                    self.send_error(404)
                    return
                self.send_response(200)
                content_type = 'application/json' if path.endswith('.json') else 'text/plain'
                self.send_header('Content-Type', content_type)
                self.send_header('Content-Length', str(len(bodies[path])))
                self.end_headers()
                self.wfile.write(bodies[path])

            def log_message(self, fmt, *args):
                log('http server:', fmt % args)

        self.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.server.requests = requests
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base_url = f'http://127.0.0.1:{self.server.server_address[1]}'
        self.data_url = self.base_url + '/atlas.json'

    def resource_overlays(self):
        """The app trusts only the publisher's keys, from its GResource. GLib's
        G_RESOURCE_OVERLAYS puts the test key (tests/keys/test-1.pub, which
        signed the fixture) in place of the first of them, for this process
        only: the installed binary is unchanged, and still refuses any other key."""
        keys = os.path.join(self.source_dir, 'resources', 'keys')
        test_key = os.path.join(self.source_dir, 'tests', 'keys', 'test-1.pub')
        if not self.signing or not os.path.exists(test_key):
            return None
        publisher_keys = sorted(k for k in os.listdir(keys) if k.endswith('.pub'))
        if not publisher_keys:
            return None
        return f'{RESOURCE_PREFIX}/keys/{publisher_keys[0]}={test_key}'

    # Clean-up, also after a failure

    def stop_process(self, proc, timeout=5):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()

    def cleanup(self, keep=False):
        for proc in reversed(self.processes):
            self.stop_process(proc)
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if not keep:
            shutil.rmtree(self.tmp, ignore_errors=True)


class Home:
    """A scenario's own XDG directories and settings."""

    def __init__(self, sandbox, label, data_url=None, **settings):
        self.sandbox = sandbox
        self.dir = os.path.join(sandbox.tmp, 'home-' + label)
        for sub in ('config', 'data', 'cache', 'runtime'):
            os.makedirs(os.path.join(self.dir, sub), exist_ok=True)
        os.chmod(os.path.join(self.dir, 'runtime'), 0o700)
        # A blinking cursor would keep the screen from ever settling.
        os.makedirs(os.path.join(self.dir, 'config', 'gtk-4.0'), exist_ok=True)
        with open(os.path.join(self.dir, 'config', 'gtk-4.0', 'settings.ini'), 'w') as f:
            f.write('[Settings]\ngtk-cursor-blink=false\n')
        self.keyfile = os.path.join(self.dir, 'config', 'glib-2.0', 'settings', 'keyfile')
        os.makedirs(os.path.dirname(self.keyfile), exist_ok=True)
        values = {
            'window-width': str(WIDE[0]),
            'window-height': str(WIDE[1]),
            # No scenario may reach the real network, and none refreshes unasked.
            'data-url': gvariant_string(data_url or sandbox.data_url),
            'auto-refresh': 'false',
        }
        values.update(settings)
        with open(self.keyfile, 'w') as f:
            f.write(f'[{SCHEMA_PATH}]\n')
            for key, value in values.items():
                f.write(f'{key}={value}\n')

    def env(self):
        env = dict(os.environ)
        for var in ('G_DEBUG', 'NO_AT_BRIDGE', 'GTK_A11Y', 'GSETTINGS_SCHEMA_DIR', 'http_proxy',
                    'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY'):
            env.pop(var, None)
        system_data_dirs = os.environ.get('XDG_DATA_DIRS') or '/usr/local/share:/usr/share'
        env.update({
            'HOME': self.dir,
            'XDG_CONFIG_HOME': os.path.join(self.dir, 'config'),
            'XDG_DATA_HOME': os.path.join(self.dir, 'data'),
            'XDG_CACHE_HOME': os.path.join(self.dir, 'cache'),
            'XDG_RUNTIME_DIR': os.path.join(self.dir, 'runtime'),
            'XDG_DATA_DIRS': self.sandbox.share_dir + ':' + system_data_dirs,
            'GSETTINGS_SCHEMA_DIR': self.sandbox.schema_dir,
            # Settings in a file in XDG_CONFIG_HOME: no dconf, and they
            # outlive the process, for the restart scenario.
            'GSETTINGS_BACKEND': 'keyfile',
            'GIO_USE_PROXY_RESOLVER': 'dummy',
            'GSK_RENDERER': 'cairo',
            'LC_ALL': 'C.UTF-8',
            'LANGUAGE': '',
        })
        overlays = self.sandbox.resource_overlays()
        if overlays:
            env['G_RESOURCE_OVERLAYS'] = overlays
        return env

    def setting(self, key):
        """The value of @key in the keyfile, as GVariant text, or None."""
        try:
            with open(self.keyfile) as f:
                for line in f:
                    if line.startswith(key + '='):
                        return line[len(key) + 1:].strip()
        except FileNotFoundError:
            pass
        return None


def gvariant_string(s):
    return "'" + s.replace('\\', '\\\\').replace("'", "\\'") + "'"


# ---------------------------------------------------------------------------
# The app

class App:
    def __init__(self, sandbox, home, label):
        self.sandbox = sandbox
        self.home = home
        self.label = label
        self.proc = None
        self.acc = None
        self.frame = None
        self.window_id = None
        self.log_path = os.path.join(home.dir, f'{label}.log')
        # The runner stops the scenario's apps after it has reported a failure.
        sandbox.apps.append(self)

    def start(self):
        started = time.monotonic()
        self.proc = self.sandbox.spawn([self.sandbox.exe], self.log_path, env=self.home.env())
        self.acc = wait_for(f'{EXECUTABLE} (pid {self.proc.pid}) on the AT-SPI bus', self.find_app,
                            timeout=START_TIMEOUT)
        self.frame = wait_for("its window 'Stem Cell Atlas'",
                              lambda: find_one(self.acc, by_role_name('frame', 'Stem Cell Atlas')),
                              timeout=START_TIMEOUT, context=self.acc)
        self.window_id = wait_for('its X window (xdotool search --pid)', self.find_window_id)
        self.countries = wait_for("the sidebar list 'Countries'",
                                  lambda: find_one(self.frame, by_role_name('list', 'Countries'),
                                                   prune=lambda a: role(a) == 'list' or is_page(a)),
                                  context=self.frame)
        wait_for('countries in the sidebar', lambda: self.country_rows(), timeout=START_TIMEOUT,
                 context=self.countries)
        # Widgets that live as long as the window: found once, read many times.
        self.title_label = wait_for("the content pane's title", self.find_content_title,
                                    context=self.frame)
        self.page = wait_for('the country page',
                             lambda: find_one(self.frame, lambda a: name(a) == 'AtlasCountryPage'),
                             context=self.frame)
        self.wait_for_size(*WIDE)
        log(f'{self.label}: started in {time.monotonic() - started:.1f} s')

    def find_app(self):
        if self.proc.poll() is not None:
            raise Failure(f'{EXECUTABLE} exited with status {self.proc.returncode} while starting:\n'
                          + self.log_tail())
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == self.proc.pid:
                    return app
            except GLib.Error:
                pass
        return None

    def find_window_id(self):
        result = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        ids = result.stdout.split()
        return ids[0] if ids else None

    def geometry(self):
        out = run(['xdotool', 'getwindowgeometry', '--shell', self.window_id]).stdout
        values = dict(line.split('=', 1) for line in out.split())
        return int(values['X']), int(values['Y']), int(values['WIDTH']), int(values['HEIGHT'])

    def log_tail(self, n=30):
        try:
            with open(self.log_path, errors='replace') as f:
                lines = f.readlines()
        except FileNotFoundError:
            return '(no log)'
        return ''.join(lines[-n:]) or '(empty log)'

    def log_lines(self):
        try:
            with open(self.log_path, errors='replace') as f:
                return [line.rstrip() for line in f]
        except FileNotFoundError:
            return []

    def criticals(self):
        return [line for line in self.log_lines() if 'CRITICAL' in line or '-ERROR' in line]

    # Input, synthesised through AT-SPI's device event controller

    def focus(self):
        """Keyboard events go to the focused X window; there is no window
        manager to give it focus."""
        x, y, w, h = self.geometry()
        Atspi.generate_mouse_event(x + w // 2, y + 12, 'abs')
        try:
            subprocess.run(['xdotool', 'windowfocus', '--sync', self.window_id], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
        except subprocess.TimeoutExpired:
            log(f'{self.label}: the window did not report the focus; typing anyway')

    def key(self, keysym, ctrl=False):
        self.focus()
        if ctrl:
            Atspi.generate_keyboard_event(CONTROL_MASK, None, Atspi.KeySynthType.LOCKMODIFIERS)
        try:
            Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        finally:
            if ctrl:
                Atspi.generate_keyboard_event(CONTROL_MASK, None, Atspi.KeySynthType.UNLOCKMODIFIERS)

    def type_text(self, text):
        self.focus()
        Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)

    def click(self, acc):
        """A left click in the middle of @acc, as a person would."""
        r = extents(acc)
        if r.width <= 0 or r.height <= 0:
            raise Failure(f'cannot click {describe(acc)}: it has no size on screen', acc)
        x, y, _, _ = self.geometry()
        Atspi.generate_mouse_event(x + r.x + r.width // 2, y + r.y + r.height // 2, 'b1c')

    def scroll_into_view(self, get_row, what):
        """Turns the mouse wheel over the sidebar list until the row that
        @get_row returns is inside the list's visible area, as a person would.
        Rows below the fold may have no size yet: the list lays out only what
        is near the view."""
        viewport = self.countries.get_parent()  # the scrolled window
        for _ in range(40):
            row = get_row()
            if row is None:
                raise Failure(f'no row {what} in the sidebar', self.countries)
            r, v = extents(row), extents(viewport)
            if r.height > 0 and r.y >= v.y and r.y + r.height <= v.y + v.height:
                return row
            # Above the view only if it has a size and lies above; else below.
            button = 4 if r.height > 0 and r.y < v.y else 5
            x, y, _, _ = self.geometry()
            Atspi.generate_mouse_event(x + v.x + v.width // 2, y + v.y + v.height // 2, f'b{button}c')
            time.sleep(POLL)
        raise Failure(f'could not scroll the row {what} into view', self.countries)

    def scroll_page_until(self, get, what):
        """Turns the mouse wheel down over the country page until @get finds
        @what, as a person reading on would: the page makes its lower groups
        as they come near the view."""
        page = self.country_page()
        for _ in range(60):
            found = get()
            if found is not None:
                return found
            r = extents(page)
            x, y, _, _ = self.geometry()
            Atspi.generate_mouse_event(x + r.x + r.width // 2, y + r.y + r.height // 2, 'b5c')
            time.sleep(POLL)
        raise Failure(f'scrolled down the page without finding {what}', page)

    def click_country(self, country):
        """Clicks @country's row in the sidebar, scrolling to it first."""
        wait_for(f"a row '{country}' in the sidebar", lambda: self.country_row(country),
                 context=self.countries)
        row = self.scroll_into_view(lambda: self.country_row(country), repr(country))
        self.click(find_one(row, by_role_name('label', country)))

    def press_button(self, acc):
        """Activates a button through its AT-SPI action, as a screen reader does."""
        for i in range(acc.get_n_actions()):
            # get_action_name() is deprecated for get_name(), which GObject
            # introspection cannot reach: Accessible.get_name() hides it.
            with warnings.catch_warnings():
                warnings.simplefilter('ignore', DeprecationWarning)
                action = acc.get_action_name(i)
            if action == 'click':
                acc.do_action(i)
                return
        raise Failure(f'{describe(acc)} has no "click" action', acc)

    # What the window shows

    def country_rows(self):
        """The names on the sidebar's rows, top to bottom."""
        names = []
        for row in self.country_list_items():
            label = find_one(row, lambda a: role(a) == 'label')
            names.append(name(label) if label else '')
        return names

    def country_list_items(self):
        return find_all(self.countries, lambda a: role(a) == 'list item',
                        prune=lambda a: role(a) == 'list item')

    def country_row(self, country):
        for row in self.country_list_items():
            if find_one(row, by_role_name('label', country)):
                return row
        return None

    def find_content_title(self):
        """The label of the content pane's header bar title (an AdwWindowTitle);
        the sidebar's says "Stem Cell Atlas"."""
        for title in find_all(self.frame, lambda a: name(a) == 'AdwWindowTitle', prune=not_chrome):
            label = find_one(title, lambda a: role(a) == 'label')
            if label is not None and name(label) != 'Stem Cell Atlas':
                return label
        return None

    def content_title(self):
        return name(self.title_label)

    def country_page(self):
        return self.page

    def regulator_containing(self, text):
        """A row of the country page's 'Regulators' list whose title has @text."""
        regulators = find_one(self.country_page(), by_role_name('list', 'Regulators'),
                              prune=lambda a: role(a) == 'list')
        if regulators is None:
            return None
        return find_one(regulators, lambda a: role(a) == 'label' and text in name(a))

    def wait_for_back_button(self):
        """A folded leaflet shows the content header's Back button (GTK leaves
        hidden widgets out of the tree)."""
        return wait_for('the Back button of the folded (narrow) layout',
                        lambda: find_one(self.frame, lambda a: role(a) == 'push button'
                                         and (name(a) == 'Back' or a.get_description() == 'Back'),
                                         prune=not_chrome),
                        context=self.frame)

    def wait_for_size(self, width, height):
        def resized():
            x, y, w, h = self.geometry()
            return abs(w - width) <= 16 and abs(h - height) <= 16
        wait_for(f'the window to be {width}x{height}', resized)

    def resize(self, width, height):
        run(['xdotool', 'windowsize', self.window_id, str(width), str(height)])
        self.wait_for_size(width, height)
        # The accessibility tree follows once GTK has laid the window out.
        wait_for(f'the window contents to be {width} px wide',
                 lambda: abs(extents(self.frame).width - width) <= 12)

    # Screenshots

    def capture(self):
        x, y, w, h = self.geometry()
        raw = subprocess.run(['import', '-window', 'root', '-crop', f'{w}x{h}+{x}+{y}', '+repage',
                              '-depth', '8', 'rgb:-'], check=True, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL).stdout
        return raw, w, h

    def screenshot(self, filename, settle=3.0):
        """Saves the window once two captures in a row agree (animations have
        finished), or after @settle seconds."""
        deadline = time.monotonic() + settle
        raw, w, h = self.capture()
        while time.monotonic() < deadline:
            time.sleep(0.15)
            again, w2, h2 = self.capture()
            if (again, w2, h2) == (raw, w, h):
                break
            raw, w, h = again, w2, h2
        path = os.path.join(self.sandbox.shots, filename)
        subprocess.run(['convert', '-size', f'{w}x{h}', '-depth', '8', 'rgb:-', path],
                       input=raw, check=True)
        return path

    def screenshots(self, scenario, narrow_check=None, audit=True):
        """Wide, then narrow, then wide again, so the scenario can go on. With
        @audit, also records the controls on screen that have no name (a walk
        of the whole window: scenarios that show nothing new skip it)."""
        self.screenshot(f'{scenario}-wide.png')
        if audit:
            audit_unnamed(self.sandbox, self, scenario)
        self.resize(*NARROW)
        if narrow_check is not None:
            narrow_check()
        self.screenshot(f'{scenario}-narrow.png')
        if audit:
            # Only the header bars change when the window folds.
            audit_unnamed(self.sandbox, self, scenario + ' (narrow)', prune=not_chrome)
        self.resize(*WIDE)

    # Quitting

    def quit(self):
        """Ctrl+Q, as a person would; the app must exit by itself, cleanly."""
        self.key(ord('q'), ctrl=True)
        try:
            status = self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure(f'{EXECUTABLE} did not exit within {TIMEOUT} s of Ctrl+Q', self.frame)
        if status != 0:
            raise Failure(f'{EXECUTABLE} exited with status {status} after Ctrl+Q:\n' + self.log_tail())
        criticals = self.criticals()
        if criticals:
            raise Failure(f'{EXECUTABLE} logged {len(criticals)} critical messages or errors:\n'
                          + '\n'.join(criticals))
        warnings_ = [line for line in self.log_lines() if 'WARNING' in line]
        if warnings_:
            log(f'{self.label}: the app logged warnings:\n#   ' + '\n#   '.join(warnings_))

    def stop(self):
        if self.proc is not None:
            self.sandbox.stop_process(self.proc)


def audit_unnamed(sandbox, app, where, prune=None):
    """Records controls with no accessible name (or one that shows a mnemonic
    underscore), for the report: one walk of every window of the app,
    carrying the names of the ancestors."""

    def visit(acc, path):
        for child in children(acc):
            try:
                r, n = role(child), name(child)
                problem = None
                if r in CONTROL_ROLES and (not n or TYPE_NAME.match(n)):
                    problem = 'no name'
                elif r in CONTROL_ROLES and MNEMONIC.search(n):
                    problem = 'mnemonic underscore in the name'
                if problem:
                    desc = child.get_description() or ''
                    # Rows of one list, and buttons in rows, count once per list.
                    where_path = ' < '.join(p for p in reversed(path[-4:])
                                            if not p.startswith('list item'))
                    key = (problem, r, n, '' if r == 'list item' else desc, where_path)
                    sandbox.unnamed.setdefault(key, set()).add(where)
                step = None
                if n and r not in ('label', 'panel', 'filler', 'scroll pane') and not TYPE_NAME.match(n):
                    step = f'{r} {n!r}'
                elif n and TYPE_NAME.match(n) and n not in UNINFORMATIVE_TYPES:
                    step = n
                if (prune is None or not prune(child)) and not off_screen(child):
                    visit(child, path + [step] if step else path)
            except GLib.Error:
                pass

    visit(app.acc, [])


# ---------------------------------------------------------------------------
# Scenarios

def scenario_browse(sandbox):
    """Click "Japan" in the sidebar: its page lists its regulator, the MHLW."""
    app = App(sandbox, Home(sandbox, 'browse'), 'browse')
    app.start()
    app.click_country('Japan')
    wait_for("the content title 'Japan' after clicking its row", lambda: app.content_title() == 'Japan',
             context=app.frame)
    wait_for("the row 'Japan' to be selected",
             lambda: has_state(app.country_row('Japan'), Atspi.StateType.SELECTED), context=app.countries)
    regulator = wait_for("a regulator containing 'MHLW' in the 'Regulators' list of Japan's page",
                         lambda: app.regulator_containing('MHLW'), context=app.country_page())
    log(f'browse: regulator shown: {name(regulator)!r}')
    # Each source's button is named by its row, not only "Open Website".
    # The page makes its lower groups as the reader scrolls down to them.
    sources = app.scroll_page_until(
        lambda: find_one(app.country_page(), by_role_name('list', 'Sources'),
                         prune=lambda a: role(a) == 'list'),
        "the 'Sources' list of Japan's page")
    buttons = find_all(sources, lambda a: role(a) == 'push button')
    if not buttons or any(len(name(b)) <= len('Open Website') for b in buttons):
        raise Failure("the sources' buttons are not each named by their source: "
                      f"{[name(b) for b in buttons]!r}", sources)
    log(f'browse: {len(buttons)} source buttons, the first named {name(buttons[0])!r}')
    products = find_one(app.country_page(), by_role_name('list', 'Products'),
                        prune=lambda a: role(a) == 'list')
    check_rows_named(products, "Japan's 'Products' list")

    def folded_on_japan():
        # Narrow, the leaflet shows one pane: Japan's page, with a way back.
        app.wait_for_back_button()
        if app.content_title() != 'Japan':
            raise Failure(f"the narrow window shows {app.content_title()!r}, not 'Japan'", app.frame)
    app.screenshots('browse', folded_on_japan)
    app.quit()


def scenario_search(sandbox):
    """Ctrl+F and type "kor": one row, South Korea. Clear it: every row again."""
    app = App(sandbox, Home(sandbox, 'search'), 'search')
    app.start()
    all_rows = app.country_rows()
    if len(all_rows) < 10 or 'South Korea' not in all_rows:
        raise Failure(f'expected the bundled countries (with South Korea) in the sidebar, found {all_rows}',
                      app.countries)

    app.key(ord('f'), ctrl=True)
    entry = wait_for('the search entry to have the keyboard focus after Ctrl+F',
                     lambda: find_one(app.frame, lambda a: role(a) == 'entry'
                                      and has_state(a, Atspi.StateType.FOCUSED), prune=not_chrome),
                     context=app.frame)
    app.type_text('kor')
    wait_for("'kor' in the search entry", lambda: text_of(entry) == 'kor', context=entry)
    wait_for("the list to shrink to one row, 'South Korea'", lambda: app.country_rows() == ['South Korea'],
             context=app.countries)
    app.screenshots('search')

    for _ in range(3):
        app.key(KEY_BACKSPACE)
    wait_for('an empty search entry after three Backspaces', lambda: text_of(entry) == '', context=entry)
    wait_for(f'all {len(all_rows)} rows back after clearing the search',
             lambda: app.country_rows() == all_rows, context=app.countries)
    app.screenshot('search-cleared-wide.png')
    app.quit()


def find_toast(app, *prefixes):
    """The text of a toast that starts with one of @prefixes, or None. A toast
    is an AdwToastWidget over the window, its title a label; it goes after a
    few seconds, and its label with it, so this returns the text."""
    for toast in find_all(app.frame, lambda a: name(a) == 'AdwToastWidget', prune=not_chrome):
        label = find_one(toast, lambda a: role(a) == 'label' and name(a).startswith(prefixes))
        if label is not None:
            return name(label)
    return None


def dismiss_toast(app, text):
    """Presses the close button of the toast that says @text, if it has not
    timed out yet, and waits for it to go."""
    for toast in find_all(app.frame, lambda a: name(a) == 'AdwToastWidget', prune=not_chrome):
        if find_one(toast, lambda a: role(a) == 'label' and name(a) == text) is not None:
            button = find_one(toast, lambda a: role(a) == 'push button')
            if button is None:
                raise Failure(f'no close button on the toast {text!r}', toast)
            try:
                app.press_button(button)
            except GLib.Error:
                pass  # It timed out meanwhile.
    wait_for(f'the toast {text!r} to close', lambda: find_toast(app, text) is None, context=app.frame)


def scenario_refresh(sandbox):
    """Refresh from the local server: "Updated to data version 3", and the
    sidebar shows the new data; refresh again: "Already up to date"."""
    app = App(sandbox, Home(sandbox, 'refresh'), 'refresh')
    app.start()
    asked = len(sandbox.server.requests)

    app.key(ord('r'), ctrl=True)
    text = wait_for("a toast after Ctrl+R (expected 'Updated to data version 3')",
                    lambda: find_toast(app, 'Updated to', 'Could not'), context=app.frame)
    if not text.startswith('Updated to data version 3'):
        raise Failure(f"the toast after Ctrl+R says {text!r}, not 'Updated to data version 3…'; "
                      f'the server was asked for {sandbox.server.requests[asked:]}', app.frame)
    log(f'refresh: toast {text!r}')
    if '/atlas.json' not in sandbox.server.requests[asked:]:
        raise Failure('the app reported an update but never asked the local server for /atlas.json')
    wait_for(f"the sidebar to list the new data's countries, {sandbox.served_countries}",
             lambda: sorted(app.country_rows()) == sandbox.served_countries, context=app.countries)
    app.screenshots('refresh-updated')

    dismiss_toast(app, text)
    asked = len(sandbox.server.requests)
    button = wait_for("the button 'Refresh Data'",
                      lambda: find_one(app.frame, by_role_name('push button', 'Refresh Data'),
                                       prune=not_chrome),
                      context=app.frame)
    app.press_button(button)
    text = wait_for("the toast 'Already up to date' after pressing 'Refresh Data'",
                    lambda: find_toast(app, 'Already up to date', 'Could not', 'Updated to'),
                    context=app.frame)
    if text != 'Already up to date':
        raise Failure(f"the toast after the second refresh says {text!r}, not 'Already up to date'",
                      app.frame)
    if '/atlas.json' not in sandbox.server.requests[asked:]:
        raise Failure('the app said "Already up to date" without asking the server')
    app.screenshots('refresh-up-to-date', audit=False)
    app.quit()


def scenario_refresh_untrusted(sandbox):
    """Data signed by a key the app does not trust is refused, and the
    bundled data stays."""
    if not sandbox.signing:
        raise Skip('this tree has no signed refresh (no resources/keys/)')
    home = Home(sandbox, 'refresh-untrusted', data_url=sandbox.base_url + '/untrusted/atlas.json')
    app = App(sandbox, home, 'refresh-untrusted')
    app.start()
    before = app.country_rows()
    app.key(ord('r'), ctrl=True)
    text = wait_for("a toast after Ctrl+R (expected 'Could not refresh: …signature…')",
                    lambda: find_toast(app, 'Updated to', 'Could not'), context=app.frame)
    log(f'refresh-untrusted: toast {text!r}')
    if not text.startswith('Could not refresh') or 'signature' not in text:
        raise Failure(f'data signed by an untrusted key gave the toast {text!r}', app.frame)
    if '/untrusted/atlas.json.minisig' not in sandbox.server.requests:
        raise Failure(f'the app refused the data without fetching its signature: {sandbox.server.requests}')
    if app.country_rows() != before:
        raise Failure(f'the sidebar changed after a refused refresh: {app.country_rows()}', app.countries)
    app.screenshots('refresh-untrusted', audit=False)
    app.quit()


def scenario_restart(sandbox):
    """Choose Japan, quit with Ctrl+Q, start again: Japan is selected and shown."""
    home = Home(sandbox, 'restart')
    first = App(sandbox, home, 'restart-first')
    first.start()
    first.click_country('Japan')
    wait_for("the content title 'Japan'", lambda: first.content_title() == 'Japan', context=first.frame)
    first.screenshot('restart-before-wide.png')
    first.quit()
    saved = home.setting('selected-country')
    if saved != "'jp'":
        raise Failure(f"after Ctrl+Q the settings hold selected-country={saved}, not 'jp'")

    second = App(sandbox, home, 'restart-second')
    second.start()
    wait_for("the content title 'Japan' after the restart", lambda: second.content_title() == 'Japan',
             context=second.frame)
    wait_for("the row 'Japan' selected after the restart",
             lambda: has_state(second.country_row('Japan') or second.frame, Atspi.StateType.SELECTED),
             context=second.countries)
    wait_for("Japan's regulator (containing 'MHLW') after the restart",
             lambda: second.regulator_containing('MHLW'), context=second.country_page())
    second.screenshots('restart-after', audit=False)
    second.quit()


def open_view(app, view, page_name):
    """Clicks @view ("Compare Countries", "Therapy Types") in the sidebar's
    'Views' list and returns its page, @page_name, once it alone is on
    screen; skips on a build without it."""
    views = find_one(app.frame, by_role_name('list', 'Views'),
                     prune=lambda a: role(a) == 'list' or is_page(a))
    label = find_one(views, by_role_name('label', view)) if views else None
    if label is None:
        raise Skip(f"this build has no '{view}' in the sidebar")
    # The views' icons are for the eye; their rows are named.
    icons = find_all(views, lambda a: role(a) == 'image')
    if icons:
        raise Failure(f"the 'Views' list shows {len(icons)} icons to a screen reader", views)
    app.click(label)
    wait_for(f"the content title '{view}' after clicking it in the sidebar",
             lambda: app.content_title() == view, context=app.frame)
    page = wait_for(f'the page {page_name}',
                    lambda: find_one(app.frame, lambda a: name(a) == page_name,
                                     prune=lambda a: role(a) == 'list' or is_page(a)),
                    context=app.frame)
    # Never shown before, so a size means it is shown now (a page that was
    # shown once keeps its size when hidden).
    wait_for(f'{page_name} on screen', lambda: on_screen(page), context=app.frame)
    return page


def comparison_columns(page):
    """The column headings of the comparison table on screen: each has an
    'Options for <country>' button."""
    table = find_one(page, lambda a: name(a) == 'AtlasSideBySide')
    if table is None:
        return []
    buttons = find_all(table, lambda a: role(a) == 'push button' and name(a).startswith('Options for '),
                       prune=lambda a: role(a) == 'push button')
    columns = []
    for b in buttons:
        if name(b)[len('Options for '):] not in columns:
            columns.append(name(b)[len('Options for '):])
    return columns


def add_to_comparison(app, page, country, first):
    """Chooses @country in an 'Add Country' menu: the empty page's for the
    @first country, else the one beside the table (it has a tooltip)."""
    def add_button(a):
        return (role(a) == 'push button' and name(a) == 'Add Country'
                and bool(a.get_description()) != first)
    button = wait_for("the 'Add Country' button", lambda: find_one(page, add_button), context=page)
    app.press_button(button)
    # The GtkMenuButton holds the button and, beside it, the popover.
    menu_button = button.get_parent()
    item = wait_for(f"'{country}' in the 'Add Country' menu",
                    lambda: find_one(menu_button, by_role_name('menu item', country)), context=page)
    app.press_button(item)


def scenario_compare(sandbox):
    """Open "Compare Countries", add Japan and South Korea from the 'Add
    Country' menu: two columns, in that order, and their regulators."""
    app = App(sandbox, Home(sandbox, 'compare'), 'compare')
    app.start()
    page = open_view(app, 'Compare Countries', 'AtlasComparisonPage')
    add_to_comparison(app, page, 'Japan', first=True)
    wait_for("a column for 'Japan'", lambda: comparison_columns(page) == ['Japan'], context=page)
    add_to_comparison(app, page, 'South Korea', first=False)
    expected = ['Japan', 'South Korea']
    wait_for('two columns, Japan and South Korea', lambda: comparison_columns(page) == expected,
             context=page)
    log(f'compare: columns {comparison_columns(page)}')
    check_flags_silent(sandbox, page, 'the comparison')
    wait_for("the heading 'Japan and South Korea'",
             lambda: find_one(page, by_role_name('label', 'Japan and South Korea')), context=page)
    wait_for("Japan's regulator (MHLW) in the table",
             lambda: find_one(page, lambda a: role(a) == 'label' and name(a).startswith('MHLW')),
             context=page)
    app.screenshots('compare')
    app.quit()


def scenario_therapy(sandbox):
    """Open "Therapy Types": every cell source of the bundled data is listed."""
    expected = [c['name'] for c in bundled_data(sandbox)['cell_sources']]
    app = App(sandbox, Home(sandbox, 'therapy'), 'therapy')
    app.start()
    page = open_view(app, 'Therapy Types', 'AtlasTherapyPage')
    cell_sources = wait_for("the list 'Cell Sources'",
                            lambda: find_one(page, by_role_name('list', 'Cell Sources')), context=page)

    def listed():
        # Each source is an expander row; its contents are rows too.
        rows = find_all(cell_sources, lambda a: role(a) == 'list item' and name(a) in expected,
                        prune=lambda a: role(a) == 'list item' and name(a) in expected)
        return [name(r) for r in rows]
    shown = wait_for(f'the {len(expected)} cell sources of the bundled data in the list',
                     lambda: sorted(listed()) == sorted(expected) and listed(), context=cell_sources)
    log(f'therapy: cell sources listed: {shown}')
    check_rows_named(cell_sources, "the 'Cell Sources' list")
    app.screenshots('therapy')
    app.quit()


def bundled_data(sandbox):
    with open(os.path.join(sandbox.source_dir, 'resources', 'data', 'atlas.json')) as f:
        return json.load(f)


def check_rows_named(root, where):
    """Every row in @root has a name: a screen reader moving through the list
    says what each one is."""
    unnamed = find_all(root, lambda a: role(a) == 'list item' and not name(a))
    if unnamed:
        raise Failure(f'{where}: rows without a name ({len(unnamed)})', root)


def check_flags_silent(sandbox, root, where):
    """A flag beside a country's name is for the eye: a screen reader that
    read it would say the country twice."""
    flags = {c['flag'] for c in bundled_data(sandbox)['countries'] if c.get('flag')}
    read = find_all(root, lambda a: name(a) in flags)
    if read:
        raise Failure(f'{where}: flags in the accessibility tree: {[name(a) for a in read]!r}', root)


def scenario_conditions(sandbox):
    """Open "Conditions" and pick Parkinson's disease from its list: the
    countries of the bundled data with something for it are listed, with
    Japan's product; clicking the product opens Japan's page."""
    data = bundled_data(sandbox)
    country_names = {c['id']: c['name'] for c in data['countries']}
    product_names = {p['id']: p['name'] for c in data['countries'] for p in c.get('products', [])}
    condition = next(c for c in data['conditions'] if c['name'] == "Parkinson's disease")
    expected = sorted(country_names[s['country']] for s in condition['statuses'])
    products = [(country_names[s['country']], product_names[p])
                for s in condition['statuses'] for p in s.get('products') or []]
    if not products:
        raise Failure(f"the bundled data has no product for {condition['name']!r} to open")

    app = App(sandbox, Home(sandbox, 'conditions'), 'conditions')
    app.start()
    page = open_view(app, 'Conditions', 'AtlasConditionsPage')
    combo = wait_for("the combo box 'Condition'",
                     lambda: find_one(page, by_role_name('combo box', 'Condition')), context=page)
    app.click(combo)
    # The popover's list: the only label with that exact name until it is chosen.
    item = wait_for(f"{condition['name']!r} in the list of conditions",
                    lambda: find_one(app.acc, lambda a: by_role_name('label', condition['name'])(a)
                                     and on_screen(a)), context=app.acc)
    app.click(item)
    wait_for(f"the summary of {condition['name']!r} on the page",
             lambda: find_one(page, by_role_name('label', condition['summary'])), context=page)
    by_country = wait_for("the list 'By Country'",
                          lambda: find_one(page, by_role_name('list', 'By Country')), context=page)

    def listed():
        rows = find_all(by_country, lambda a: role(a) == 'list item' and name(a) in country_names.values(),
                        prune=lambda a: role(a) == 'list item' and name(a) in country_names.values())
        return sorted(name(r) for r in rows)
    wait_for(f'the countries {expected} in the list', lambda: listed() == expected, context=by_country)
    country, product = products[0]
    row = wait_for(f"{country}'s product {product!r} in the list",
                   lambda: find_one(by_country, by_role_name('list item', product)), context=by_country)
    log(f'conditions: {condition["name"]!r} lists {listed()}, with {product!r} for {country}')
    check_flags_silent(sandbox, by_country, "the 'By Country' list")
    check_rows_named(by_country, "the 'By Country' list")
    app.screenshots('conditions')

    app.click(find_one(row, by_role_name('label', product)))
    wait_for(f"the content title {country!r} after clicking {product!r}",
             lambda: app.content_title() == country, context=app.frame)
    app.quit()


def scenario_guidance(sandbox):
    """Open "For Patients": every question, warning sign and fact of the
    bundled data is listed, and every source they cite, each with a button
    named by its source."""
    data = bundled_data(sandbox)
    titles = sorted(g['title'] for g in data['guidance'])
    source_titles = {s['id']: s['title'] for s in data['sources']}
    cited = sorted({source_titles[i] for g in data['guidance'] for i in g.get('sources', [])})

    app = App(sandbox, Home(sandbox, 'guidance'), 'guidance')
    app.start()
    page = open_view(app, 'For Patients', 'AtlasGuidancePage')

    def rows_of(wanted):
        rows = find_all(page, lambda a: role(a) == 'list item' and name(a) in wanted,
                        prune=lambda a: role(a) == 'list item')
        return sorted(name(r) for r in rows)
    wait_for(f'the {len(titles)} points of the bundled guidance', lambda: rows_of(titles) == titles,
             context=page)
    sources = wait_for("the list 'Sources'",
                       lambda: find_one(page, by_role_name('list', 'Sources')), context=page)
    wait_for(f'the {len(cited)} sources the guidance cites', lambda: rows_of(cited) == cited, context=sources)
    buttons = find_all(sources, lambda a: role(a) == 'push button')
    unnamed = [name(b) for b in buttons if not name(b).startswith('Open Website ')]
    if len(buttons) != len(cited) or unnamed:
        raise Failure(f'{len(buttons)} source buttons for {len(cited)} sources, '
                      f'not named by their source: {unnamed!r}', sources)
    log(f'guidance: {len(titles)} points and {len(cited)} sources listed')
    app.screenshots('guidance')
    app.quit()


def scenario_preferences(sandbox):
    """The main menu offers Preferences; the Preferences window shows the
    settings the app was started with (automatic refresh off)."""
    app = App(sandbox, Home(sandbox, 'preferences'), 'preferences')
    app.start()
    # A GtkMenuButton is two buttons in the tree; the inner one has the action.
    menu = wait_for("the 'Main Menu' button",
                    lambda: find_one(app.frame, lambda a: role(a) == 'push button'
                                     and a.get_description() == 'Main Menu' and a.get_n_actions() > 0,
                                     prune=not_chrome), context=app.frame)
    app.press_button(menu)
    wanted = ['Refresh Data', 'Preferences', 'About Stem Cell Atlas']
    popover = menu.get_parent()  # the GtkMenuButton, which holds the popover too

    def menu_items():
        return [name(i) for i in find_all(popover, lambda a: role(a) == 'menu item') if name(i) in wanted]
    wait_for(f'the main menu with {wanted}', lambda: menu_items() == wanted, context=popover)
    app.screenshot('main-menu-wide.png')
    audit_unnamed(sandbox, app, 'main menu')
    app.press_button(find_one(popover, by_role_name('menu item', 'Preferences')))

    window = wait_for("the window 'Preferences'",
                      lambda: find_one(app.acc, by_role_name('frame', 'Preferences'), prune=lambda a: True),
                      context=app.acc)
    switch = wait_for("the switch 'Refresh Automatically'",
                      lambda: find_one(window, lambda a: role(a) in ('check box', 'switch', 'toggle button')
                                       and name(a) == 'Refresh Automatically'), context=window)
    if has_state(switch, Atspi.StateType.CHECKED):
        raise Failure("'Refresh Automatically' is on, but the settings say auto-refresh=false", window)
    # Preferences is a window of its own: take the whole screen.
    run(['import', '-window', 'root', os.path.join(sandbox.shots, 'preferences-screen.png')])
    audit_unnamed(sandbox, app, 'preferences')
    close = find_one(window, by_role_name('push button', 'Close'), prune=lambda a: is_page(a))
    app.press_button(close)
    wait_for("the 'Preferences' window to close",
             lambda: find_one(app.acc, by_role_name('frame', 'Preferences'), prune=lambda a: True) is None,
             context=app.acc)
    app.quit()


SCENARIOS = [
    ('browse', scenario_browse),
    ('search', scenario_search),
    ('refresh', scenario_refresh),
    ('refresh-untrusted', scenario_refresh_untrusted),
    ('restart', scenario_restart),
    ('compare', scenario_compare),
    ('therapy', scenario_therapy),
    ('conditions', scenario_conditions),
    ('guidance', scenario_guidance),
    ('preferences', scenario_preferences),
]


# ---------------------------------------------------------------------------

def report_failure(sandbox, scenario, error):
    log(f'{scenario}: FAILED: {error}')
    context = getattr(error, 'context', None)
    if context is not None:
        lines = dump(context)
        path = os.path.join(sandbox.shots, f'{scenario}-failure-tree.txt')
        with open(path, 'w') as f:
            f.write('\n'.join(lines) + '\n')
        log(f'{scenario}: accessibility tree of {describe(context)} ({len(lines)} nodes, all in {path}):')
        for line in lines[:120]:
            log('  ' + line)
        if len(lines) > 120:
            log(f'  … {len(lines) - 120} more in {path}')
    try:
        run(['import', '-window', 'root', os.path.join(sandbox.shots, f'{scenario}-failure.png')])
    except (subprocess.CalledProcessError, FileNotFoundError):
        pass
    for home in sorted(os.listdir(sandbox.tmp)):
        if home == f'home-{scenario}':
            for logname in sorted(os.listdir(os.path.join(sandbox.tmp, home))):
                if logname.endswith('.log'):
                    with open(os.path.join(sandbox.tmp, home, logname), errors='replace') as f:
                        tail = f.read()[-3000:]
                    log(f'{scenario}: {logname}:\n' + (tail or '(empty)'))


def write_audit(sandbox):
    path = os.path.join(sandbox.shots, 'unnamed-controls.txt')
    lines = []
    for (problem, r, n, desc, where), seen in sorted(sandbox.unnamed.items()):
        lines.append(f'{problem}: {r} named {n!r}' + (f', tooltip {desc!r}' if desc else '')
                     + f'; in {where or "the window"}; seen in: {", ".join(sorted(seen))}')
    with open(path, 'w') as f:
        f.write('Controls without an accessible name (GTK 4.8 then falls back to a type name or to\n'
                'nothing), or whose name shows a mnemonic underscore:\n')
        f.write('\n'.join(lines) + '\n')
    log(f'{len(lines)} controls without an accessible name, listed in {path}:')
    for line in lines:
        log('  ' + line)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    build_dir, source_dir = argv[1], argv[2]
    wanted = argv[3:]
    unknown = [n for n in wanted if n not in dict(SCENARIOS)]
    if unknown:
        print(f'unknown scenarios {unknown}; there are {[n for n, _ in SCENARIOS]}', file=sys.stderr)
        return 2
    scenarios = [(n, dict(SCENARIOS)[n]) for n in wanted] if wanted else SCENARIOS

    if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        print('1..0 # SKIP needs an X display and a D-Bus session: run `build-aux/dev test`')
        return 0
    for tool in ('meson', 'glib-compile-schemas', 'gdbus', 'xdotool', 'import', 'convert'):
        if shutil.which(tool) is None:
            print('1..1')
            print(f'not ok 1 - set-up # {tool} is missing (packages: xdotool imagemagick libglib2.0-bin)')
            return 1

    # A crash in the AT-SPI bindings should still say where it happened.
    faulthandler.enable()
    # meson stops a test that runs out of time with SIGTERM: clean up then too.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    print(f'1..{len(scenarios) + 2}', flush=True)
    sandbox = Sandbox(build_dir, source_dir)
    failed = 0
    started = time.monotonic()
    try:
        try:
            sandbox.install()
            sandbox.start_server()
            sandbox.start_accessibility_bus()
            screen = run(['xdotool', 'getdisplaygeometry']).stdout.split()
            if int(screen[0]) < WIDE[0] or int(screen[1]) < WIDE[1]:
                raise Failure(f'the screen is {screen[0]}x{screen[1]}; the scenarios need at least '
                              f'{WIDE[0]}x{WIDE[1]} (xvfb-run -s "-screen 0 1280x800x24")')
            print('ok 1 - set-up: install, schemas, AT-SPI bus, local server', flush=True)
        except Exception as e:
            report_failure(sandbox, 'set-up', e)
            print(f'not ok 1 - set-up # {str(e).splitlines()[0]}', flush=True)
            for i, (n, _) in enumerate(scenarios, start=2):
                print(f'not ok {i} - {n} # not run: set-up failed', flush=True)
            return 1

        for i, (n, func) in enumerate(scenarios, start=2):
            t0 = time.monotonic()
            try:
                func(sandbox)
                print(f'ok {i} - {n} ({time.monotonic() - t0:.1f} s)', flush=True)
            except Skip as e:
                log(f'{n}: skipped: {e}')
                print(f'ok {i} - {n} # SKIP {e}', flush=True)
            except Exception as e:
                failed += 1
                if not isinstance(e, Failure):
                    traceback.print_exc()
                report_failure(sandbox, n, e)
                first_line = str(e).splitlines()[0] if str(e) else type(e).__name__
                print(f'not ok {i} - {n} # {first_line}', flush=True)
            finally:
                for app in sandbox.apps:
                    app.stop()
                sandbox.apps.clear()
        write_audit(sandbox)
        # Buttons and entries are what a screen-reader user acts on: ours must
        # all have names (a name that is a type name, like 'GtkImage', is none). Rows of lists are named by their content where GTK
        # 4.8 allows it, and libadwaita's own toast button and the preferences
        # window's built-in search are not ours to name.
        unnamed = [f'{r} {n!r} in {where}' for (problem, r, n, desc, where) in sandbox.unnamed
                   if r in ('push button', 'toggle button', 'entry', 'text')
                   # GTK 4.8 shows a menu button as a nameless wrapper around a
                   # button that carries the name; an unnamed inner button is
                   # still caught, named after its image.
                   and n != 'GtkMenuButton'
                   and 'AdwToastWidget' not in where
                   and not (r == 'entry' and "frame 'Preferences'" in where and n == 'GtkSearchEntry')]
        number = len(scenarios) + 2
        if unnamed:
            failed += 1
            log('controls without a usable accessible name:\n#   ' + '\n#   '.join(sorted(unnamed)))
            print(f'not ok {number} - accessible-names # {len(unnamed)} controls without a name', flush=True)
        else:
            print(f'ok {number} - accessible-names: every button and entry of ours has a name', flush=True)
    finally:
        sandbox.cleanup(keep=bool(os.environ.get('ATLAS_E2E_KEEP')))
        log(f'total {time.monotonic() - started:.1f} s; screenshots in {sandbox.shots}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
