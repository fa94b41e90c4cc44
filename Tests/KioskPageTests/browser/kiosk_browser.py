#!/usr/bin/env python3
"""Drives the kiosk page in a real headless Chromium and asserts what a person would see.

Speaks Chromium's DevTools protocol over `--remote-debugging-pipe` (Python stdlib only: no
chromedriver, no Selenium, no websocket library). Debian 12: `apt-get install chromium`.

    kiosk_browser.py --url 'http://127.0.0.1:PORT/?token=T' --size 1280x800 --screenshots DIR \\
        [--personal-data 'Nguyễn Thị Mẫu' ...] STEP...

The URL is the whole target, so the same steps run against the page's development fake or a real
`cccdd --demo`. Steps run in order; each wait polls until --timeout:

    wait-text:TEXT        visible text contains TEXT (whitespace collapsed)
    wait-no-text:TEXT     visible text no longer contains TEXT
    wait-selector:CSS     an element matching CSS is visible
    wait-gone:CSS         no element matching CSS is visible
    click:CSS             a real mouse click on the element's centre (fails if something covers it)
    click-text:TEXT       the same on the visible button/summary/label/link whose text is TEXT
    type:CSS=VALUE        click the field, replace its content, type VALUE
    screenshot:NAME       DIR/NAME.png of the viewport
    size:WxH              change the viewport
    sleep:SECONDS
    reload
    goto:URL              open another URL in the same browser (same cookies)
    signal-file:PATH      create PATH (rendezvous with a test that, e.g., restarts the daemon)
    await-file:PATH       wait (up to --rendezvous-timeout) until PATH exists

After the steps, and on any failure, the run fails if the page threw an uncaught exception, broke its
Content-Security-Policy, or if any --personal-data string appears in the console or in the page's
localStorage/sessionStorage. Exit status: 0 passed, 1 an assertion failed, 2 setup error. Failures
save DIR/FAILED.png and print the visible text.
"""
import argparse
import base64
import ctypes
import fcntl
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time


class Failure(Exception):
    """An assertion about the page that did not hold."""


class SetupError(Exception):
    """The browser could not be started or driven."""


class Browser:
    """One headless Chromium with one page, driven over the DevTools pipe (fds 3 and 4)."""

    def __init__(self, executable, width, height, profile):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Moved above 9 first, so the dup2 onto 3 and 4 in the child can never clobber one of them.
        child_in = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def in_child():
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)
            # Nothing else inheritable may reach Chromium: a pipe of whoever started this harness,
            # held by a lingering Chromium helper, would keep that parent waiting for EOF.
            for name in os.listdir('/proc/self/fd'):
                try:   # the listing's own descriptor is in the list, already closed
                    if int(name) > 4 and not fcntl.fcntl(int(name), fcntl.F_GETFD) & fcntl.FD_CLOEXEC:
                        os.close(int(name))
                except OSError:
                    pass
            try:   # the browser dies with the harness, even when the harness is SIGKILLed
                ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
            except (OSError, AttributeError):
                pass

        self.log_path = os.path.join(profile, 'chromium.log')
        arguments = [executable, '--headless', '--remote-debugging-pipe', f'--user-data-dir={profile}',
                     f'--window-size={width},{height}', '--force-device-scale-factor=1', '--hide-scrollbars',
                     '--no-first-run', '--no-default-browser-check', '--disable-gpu', '--disable-extensions',
                     '--disable-background-networking', '--disable-component-update', '--disable-sync',
                     '--disable-features=Translate,MediaRouter,OptimizationHints', '--password-store=basic',
                     '--mute-audio', '--lang=vi']
        if os.geteuid() == 0:
            arguments.append('--no-sandbox')   # Chromium refuses to run as root with its sandbox
        with open(self.log_path, 'wb') as log:
            self.process = subprocess.Popen(arguments + ['about:blank'], stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=log, close_fds=False, preexec_fn=in_child)
        os.close(child_in)
        os.close(child_out)
        self.writer = os.fdopen(to_browser_w, 'wb', buffering=0)
        self.reader = os.fdopen(from_browser_r, 'rb', buffering=0)
        self.inbox = queue.Queue()
        self.next_id = 0
        self.session = None
        self.console, self.exceptions, self.violations = [], [], []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b''
        while True:
            chunk = self.reader.read(65536)
            if not chunk:
                self.inbox.put(None)
                return
            buffer += chunk
            while b'\0' in buffer:
                message, buffer = buffer.split(b'\0', 1)
                self.inbox.put(json.loads(message))

    def call(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        request = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session and self.session:
            request['sessionId'] = self.session
        self.writer.write(json.dumps(request).encode() + b'\0')
        deadline = time.monotonic() + timeout
        while True:
            try:
                message = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise SetupError(f'Chromium did not answer {method} within {timeout} s') from None
            if message is None:
                raise SetupError(f'Chromium exited (see {self.log_path})')
            if message.get('id') == request['id']:
                if 'error' in message:
                    raise SetupError(f'{method}: {message["error"].get("message")}')
                return message.get('result', {})
            self._note(message)

    def pump(self):
        """Takes in events that arrived while no command was waiting."""
        while True:
            try:
                message = self.inbox.get_nowait()
            except queue.Empty:
                return
            if message is not None:
                self._note(message)

    def _note(self, message):
        method, params = message.get('method'), message.get('params', {})
        if method == 'Runtime.consoleAPICalled':
            self.console.append(' '.join(str(arg.get('value', arg.get('description', ''))) for arg in params.get('args', [])))
        elif method == 'Runtime.exceptionThrown':
            details = params.get('exceptionDetails', {})
            self.exceptions.append(details.get('exception', {}).get('description') or details.get('text', '?'))
        elif method == 'Log.entryAdded':
            entry = params.get('entry', {})
            self.console.append(entry.get('text', ''))
            if entry.get('source') in ('security', 'violation') and entry.get('level') == 'error':
                self.violations.append(entry.get('text', ''))

    def open_page(self, width, height):
        target = self.call('Target.createTarget', {'url': 'about:blank'}, session=False)['targetId']
        self.session = self.call('Target.attachToTarget', {'targetId': target, 'flatten': True}, session=False)['sessionId']
        for domain in ('Page', 'Runtime', 'Log'):
            self.call(f'{domain}.enable')
        self.resize(width, height)

    def resize(self, width, height):
        self.call('Emulation.setDeviceMetricsOverride', {'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': False})

    def evaluate(self, expression):
        result = self.call('Runtime.evaluate', {'expression': expression, 'returnByValue': True, 'awaitPromise': True})
        if 'exceptionDetails' in result:
            raise SetupError(f'evaluating in the page failed: {result["exceptionDetails"].get("text")}')
        return result.get('result', {}).get('value')

    def navigate(self, url, timeout):
        answer = self.call('Page.navigate', {'url': url})
        if answer.get('errorText'):
            raise Failure(f'cannot open {redact(url)}: {answer["errorText"]}')
        wait_until(lambda: self.evaluate('document.readyState') == 'complete', timeout, 'the page did not finish loading')

    def close(self):
        try:
            self.call('Browser.close', session=False, timeout=5)
        except (SetupError, OSError):
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                print(f'kiosk_browser: Chromium (pid {self.process.pid}) did not exit after SIGKILL', file=sys.stderr)


# JavaScript run in the page: find a visible element and where to click it.
FIND = r'''
(function (kind, arg) {
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  let el = null;
  if (kind === 'css') el = [...document.querySelectorAll(arg)].find(visible) || null;
  else {
    const all = [...document.querySelectorAll('button, summary, a, label, [role=button]')].filter(visible);
    el = all.find((e) => squash(e.innerText) === arg) || all.find((e) => squash(e.innerText).includes(arg)) || null;
  }
  if (!el) return null;
  el.scrollIntoView({block: 'center', inline: 'center'});
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const top = document.elementFromPoint(x, y);
  const covered = top && top !== el && !el.contains(top) && !top.contains(el);
  return {x, y, covered: covered ? (top.id ? '#' + top.id : top.tagName.toLowerCase()) : null};
})'''
VISIBLE_TEXT = "document.body ? document.body.innerText.replace(/\\s+/g, ' ') : ''"


def wait_until(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return
        if time.monotonic() > deadline:
            raise Failure(f'{message} within {timeout:g} s')
        time.sleep(0.1)


def redact(url):
    return url.split('?')[0] + ('?…' if '?' in url else '')


def click(browser, kind, arg, timeout):
    found = {}
    def ready():
        found['at'] = browser.evaluate(f'{FIND}({json.dumps(kind)}, {json.dumps(arg)})')
        return found['at'] is not None and not found['at']['covered']
    try:
        wait_until(ready, timeout, 'nothing to click')
    except Failure:
        where = found.get('at')
        if where and where['covered']:
            raise Failure(f'{arg!r} is covered by {where["covered"]}') from None
        raise Failure(f'no visible element {arg!r} to click within {timeout:g} s') from None
    x, y = found['at']['x'], found['at']['y']
    browser.call('Input.dispatchMouseEvent', {'type': 'mouseMoved', 'x': x, 'y': y})
    for kind_ in ('mousePressed', 'mouseReleased'):
        browser.call('Input.dispatchMouseEvent', {'type': kind_, 'x': x, 'y': y, 'button': 'left', 'clickCount': 1})


def run_step(browser, step, options):
    kind, _, arg = step.partition(':')
    timeout = options.timeout
    visible_text = lambda: browser.evaluate(VISIBLE_TEXT)
    squashed = ' '.join(arg.split())
    if kind == 'wait-text':
        wait_until(lambda: squashed in visible_text(), timeout, f'text {arg!r} not shown')
    elif kind == 'wait-no-text':
        wait_until(lambda: squashed not in visible_text(), timeout, f'text {arg!r} still shown')
    elif kind == 'wait-selector':
        wait_until(lambda: browser.evaluate(f'{FIND}("css", {json.dumps(arg)})') is not None, timeout, f'{arg} not visible')
    elif kind == 'wait-gone':
        wait_until(lambda: browser.evaluate(f'{FIND}("css", {json.dumps(arg)})') is None, timeout, f'{arg} still visible')
    elif kind == 'click':
        click(browser, 'css', arg, timeout)
    elif kind == 'click-text':
        click(browser, 'text', squashed, timeout)
    elif kind == 'type':
        selector, _, value = arg.partition('=')
        click(browser, 'css', selector, timeout)
        browser.evaluate(f'(() => {{ const el = document.querySelector({json.dumps(selector)}); el.focus(); el.select(); }})()')
        browser.call('Input.insertText', {'text': value})
    elif kind == 'screenshot':
        data = browser.call('Page.captureScreenshot', {'format': 'png'})['data']
        path = os.path.join(options.screenshots, f'{arg}.png')
        with open(path, 'wb') as file:
            file.write(base64.b64decode(data))
        print(f'kiosk_browser: screenshot {path}')
    elif kind == 'size':
        width, height = parse_size(arg)
        browser.resize(width, height)
    elif kind == 'sleep':
        time.sleep(float(arg))
    elif kind == 'goto':
        # Another page in the same browser (same cookie jar): e.g. a hostile page on another local port.
        browser.navigate(arg, timeout)
    elif kind == 'reload':
        browser.call('Page.reload')
        time.sleep(0.2)
        wait_until(lambda: browser.evaluate('document.readyState') == 'complete', timeout, 'the page did not reload')
    elif kind == 'signal-file':
        with open(arg, 'w'):
            pass
    elif kind == 'await-file':
        wait_until(lambda: os.path.exists(arg), options.rendezvous_timeout, f'{arg} did not appear')
    else:
        raise SetupError(f'unknown step {step!r}')


def check_hygiene(browser, personal):
    """No uncaught exceptions, no CSP violations, no personal data in the console or web storage."""
    browser.pump()
    if browser.exceptions:
        raise Failure(f'the page threw: {browser.exceptions[0]}')
    if browser.violations:
        raise Failure(f'the page broke its Content-Security-Policy: {browser.violations[0]}')
    storage = browser.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])') or ''
    for value in personal:
        if any(value in line for line in browser.console):
            raise Failure(f'personal data ({len(value)} characters) was written to the browser console')
        if value in storage:
            raise Failure(f'personal data ({len(value)} characters) was stored in web storage')


def parse_size(text):
    try:
        width, height = (int(part) for part in text.lower().split('x'))
        return width, height
    except ValueError:
        raise SetupError(f'a size is WIDTHxHEIGHT, not {text!r}') from None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--url', required=True, help='the page, with its login token if it needs one')
    parser.add_argument('--size', default='1280x800')
    parser.add_argument('--screenshots', required=True, help='directory for the PNG files')
    parser.add_argument('--timeout', type=float, default=15, help='seconds each wait may take')
    parser.add_argument('--rendezvous-timeout', type=float, default=60)
    parser.add_argument('--deadline', type=float, default=120, help='seconds the whole run may take')
    parser.add_argument('--personal-data', action='append', default=[], help='a string that must never leak')
    parser.add_argument('--chromium', default=shutil.which('chromium') or shutil.which('chromium-browser') or 'chromium')
    parser.add_argument('steps', nargs='*')
    options = parser.parse_args()

    os.makedirs(options.screenshots, exist_ok=True)
    # A parent that spawned this from a thread with signals blocked (Swift's Process does) would pass
    # that mask on to Chromium, whose processes rely on SIGTERM and SIGCHLD.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])

    def overran(*_):
        raise Failure(f'the whole run exceeded its deadline of {options.deadline:g} s')
    signal.signal(signal.SIGALRM, overran)
    signal.setitimer(signal.ITIMER_REAL, options.deadline)
    browser, step = None, 'start'
    with tempfile.TemporaryDirectory(prefix='kiosk-browser-') as profile:
        try:
            if not os.path.exists(options.chromium):
                raise SetupError(f'no Chromium at {options.chromium} (Debian: apt-get install chromium)')
            width, height = parse_size(options.size)
            browser = Browser(options.chromium, width, height, profile)
            browser.open_page(width, height)
            step = 'open'
            browser.navigate(options.url, options.timeout)
            for step in options.steps:
                run_step(browser, step, options)
                browser.pump()
                if browser.exceptions or browser.violations:
                    check_hygiene(browser, options.personal_data)
            step = 'end checks'
            check_hygiene(browser, options.personal_data)
            print(f'kiosk_browser: passed {len(options.steps)} steps at {options.size}')
            return 0
        except Failure as failure:
            print(f'kiosk_browser: FAILED at step {step!r} ({options.size}): {failure}', file=sys.stderr)
            try:
                print(f'kiosk_browser: visible text: {browser.evaluate(VISIBLE_TEXT)[:1500]}', file=sys.stderr)
                data = browser.call('Page.captureScreenshot', {'format': 'png'}, timeout=10)['data']
                with open(os.path.join(options.screenshots, 'FAILED.png'), 'wb') as file:
                    file.write(base64.b64decode(data))
            except (SetupError, OSError, TypeError, AttributeError, Failure):
                pass
            if browser and 'deadline' in str(failure):
                with open(browser.log_path, errors='replace') as log:
                    print(f'kiosk_browser: Chromium log: {log.read()[-1500:]}', file=sys.stderr)
            return 1
        except (SetupError, OSError) as error:
            print(f'kiosk_browser: SETUP ERROR at step {step!r}: {error}', file=sys.stderr)
            if browser:
                with open(browser.log_path, errors='replace') as log:
                    print(log.read()[-2000:], file=sys.stderr)
            return 2
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if browser:
                browser.close()


if __name__ == '__main__':
    sys.exit(main())
