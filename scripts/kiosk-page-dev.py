#!/usr/bin/env python3
"""A DEVELOPMENT FAKE of cccdd's kiosk API, for working on and testing the reception page alone.

It is not the daemon: no card is read, no gateway is asked. It serves the page's files from
Sources/KioskWeb/Resources and plays scripted presentations of invented people through the HTTP/SSE
contract in the kiosk API document (session states, event types, ids, Last-Event-ID resume, login
token → cookie, Host/Origin checks, 401/422 answers), so the page can be developed and checked in a
real browser without building Swift. Tests against the real `cccdd --demo` use the same browser
harness with another base URL.

    python3 scripts/kiosk-page-dev.py [--port 8090] [--hold 30] [--pace 1.0]

prints one line `Kiosk: http://127.0.0.1:PORT/?token=…` like `cccdd --demo`. Python 3 stdlib only.
"""
import argparse
import datetime as dt
import http.server
import json
import os
import queue
import re
import secrets
import signal
import socketserver
import struct
import sys
import threading
import time
import urllib.parse
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, '..', 'Sources', 'KioskWeb', 'Resources')
CONTENT_TYPES = {'.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
                 '.js': 'text/javascript; charset=utf-8', '.woff2': 'font/woff2', '.svg': 'image/svg+xml'}
CSP = ("default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; connect-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def now_iso(offset=0.0):
    moment = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=offset)
    return moment.isoformat(timespec='milliseconds').replace('+00:00', 'Z')


def text(vi, en):
    return {'vi': vi, 'en': en}


def mask(id_number):
    return id_number[:4] + '****' + id_number[-4:]


# ---------------------------------------------------------------- invented people and their stories

YEAR = dt.date.today().year
PEOPLE = {
    'insured': ('Nguyễn Thị Mẫu', '1990-03-15', 'female', '001190006789'),
    'expiredCard': ('Trần Văn Thử', '1985-07-02', 'male', '001085004321'),
    'newCard003': ('Lê Thị Mới', '1972-11-20', 'female', '079172001122'),
    'clonedChip': ('Phạm Văn Giả', '1968-01-09', 'male', '036068009876'),
    'qrChipMismatch': ('Đỗ Minh Khác', '2001-05-30', 'male', '040201005555'),
    'gatewayDown': ('Hoàng Thị Chờ', '1995-12-24', 'female', '031195007777'),
    'untrustedSigner': ('Vũ Thị Chuỗi', '1979-04-18', 'female', '022179003333'),
    'cardPulled': ('Bùi Văn Vội', '1999-08-08', 'male', '001099002468'),
    'tamperedChip': ('Ngô Văn Sửa', '1988-02-29', 'male', '001088001357'),
}
LABELS = {
    'insured': text('Có thẻ BHYT còn hạn', 'Insured, valid card'),
    'expiredCard': text('Thẻ BHYT hết hạn', 'Expired BHYT card'),
    'newCard003': text('Đã cấp thẻ mới (003)', 'New card issued (003)'),
    'clonedChip': text('Chip sao chép', 'Cloned chip'),
    'qrChipMismatch': text('QR và chip khác người', 'QR and chip mismatch'),
    'gatewayDown': text('Cổng BHXH không trả lời', 'BHXH gateway down'),
    'untrustedSigner': text('Chưa có chứng chỉ gốc (chỉ bản giả lập)', 'No root certificate (fake only)'),
    'cardPulled': text('Nhấc thẻ khi đang đọc (chỉ bản giả lập)', 'Card pulled mid-read (fake only)'),
    'tamperedChip': text('Dữ liệu chip bị sửa (chỉ bản giả lập)', 'Tampered chip data (fake only)'),
}
PASSIVE = ['sod.structure', 'sod.contentType', 'sod.signature', 'sod.messageDigest', 'dg.hash.DG1', 'dg.hash.DG2',
           'dg.hash.DG13', 'dg.hash.DG14', 'documentSigner.chain', 'documentSigner.keyUsage',
           'documentSigner.validityAtSigning']


def checks(failed=(), not_supported=(), extra=()):
    names = PASSIVE + ['activeAuthentication', 'chipAuthentication'] + list(extra)
    status = lambda name: 'failed' if name in failed else 'notSupported' if name in not_supported else 'passed'
    return [{'name': name, 'status': status(name), 'detail': None} for name in names]


def card(code, valid_through_year=YEAR, new=False):
    return {'code': code, 'validFrom': f'{valid_through_year}-01-01', 'validThrough': f'{valid_through_year}-12-31',
            'registeredFacility': '01001', 'newCard': new}


ELIGIBLE = {'class': 'eligible', 'code': '000', 'message': text('Thông tin thẻ chính xác', 'Card information correct'),
            'card': card('DN4010123456789')}
MISMATCH = ['qr.crossCheck.idNumber', 'qr.crossCheck.fullName']
NEXT_ELIGIBLE = text('Tiếp nhận khám BHYT đúng tuyến.', 'Register the visit under BHYT.')

OUTCOMES = {
    'insured': dict(verdict={'kind': 'authentic', 'reasons': [], 'checks': checks()},
                    eligibility=ELIGIBLE, nextStep=NEXT_ELIGIBLE),
    'expiredCard': dict(
        verdict={'kind': 'authentic', 'reasons': [], 'checks': checks()},
        eligibility={'class': 'notEligible', 'code': '010', 'message': text('Thẻ hết giá trị sử dụng', 'The card has expired'),
                     'card': card('HC4010987654321', YEAR - 1)},
        nextStep=text('Khám dịch vụ (tự trả phí) hoặc hướng dẫn người bệnh gia hạn thẻ BHYT.',
                      'Register as a paying patient, or help the patient renew the BHYT card.')),
    'newCard003': dict(
        verdict={'kind': 'authentic', 'reasons': [], 'checks': checks()},
        eligibility={'class': 'eligible', 'code': '003',
                     'message': text('Thẻ cũ hết giá trị sử dụng, đã được cấp thẻ mới', 'The old card has expired; a new card was issued'),
                     'card': card('GD4797912345678', new=True)},
        nextStep=text('Dùng mã thẻ mới khi lập hồ sơ khám.', 'Use the new card code for this visit.')),
    'clonedChip': dict(
        verdict={'kind': 'suspicious', 'checks': checks(failed=['activeAuthentication', 'chipAuthentication']),
                 'reasons': [{'code': 'verdict.chipNotGenuine',
                              'message': text('Dữ liệu đúng chữ ký nhưng chip không phải chip gốc của thẻ.',
                                              'The data is correctly signed but the chip is not the card’s original chip.')}]},
        eligibility=None,
        nextStep=text('Không tiếp nhận bằng thẻ này: kiểm tra giấy tờ khác và báo người phụ trách.',
                      'Do not register with this card: check another document and tell the person in charge.')),
    'qrChipMismatch': dict(
        verdict={'kind': 'invalid', 'checks': checks(failed=MISMATCH, extra=MISMATCH),
                 'reasons': [{'code': 'verdict.qrChipMismatch',
                              'message': text('Mã QR quét được không thuộc thẻ đang đặt trên đầu đọc.',
                                              'The scanned QR code does not belong to the card on the reader.')}]},
        eligibility=None,
        nextStep=text('Quét lại mã QR của chính thẻ đang đặt trên đầu đọc.', 'Scan the QR code of the card that is on the reader.')),
    'gatewayDown': dict(
        verdict={'kind': 'authentic', 'reasons': [], 'checks': checks()},
        eligibility={'class': 'transient', 'code': None,
                     'message': text('Cổng BHXH không trả lời trong thời gian chờ', 'The BHXH gateway did not answer in time'),
                     'card': None},
        nextStep=text('Tiếp nhận thủ công. Hệ thống sẽ tự tra cứu lại khi cổng hoạt động.',
                      'Register manually. The system will look up again when the gateway is back.')),
    'untrustedSigner': dict(
        verdict={'kind': 'authenticUnchained', 'reasons': [],
                 'checks': checks(not_supported=['documentSigner.chain'])},
        eligibility={'class': 'eligibleCheckDocuments', 'code': '001',
                     'message': text('Thẻ do BHXH Bộ Quốc phòng quản lý, đề nghị kiểm tra thẻ và giấy tờ tùy thân',
                                     'Card managed by the Ministry of Defence’s BHXH: check the card and an ID document'),
                     'card': card('QN5979711223344')},
        nextStep=text('Đối chiếu thẻ BHYT và giấy tờ tùy thân trước khi tiếp nhận.',
                      'Check the BHYT card and an ID document before registering.')),
    'tamperedChip': dict(
        verdict={'kind': 'invalid', 'checks': checks(failed=['dg.hash.DG13', 'vendor.extraCheck'], extra=['vendor.extraCheck']),
                 'reasons': []},
        eligibility=None,
        nextStep=text('Không dùng thông tin từ thẻ này; đề nghị người bệnh xuất trình giấy tờ khác.',
                      'Do not use this card’s data; ask for another document.')),
}


def idle():
    return {'id': None, 'state': 'idle', 'startedAt': None, 'clearsAt': None, 'source': None, 'progress': None,
            'holder': None, 'verdict': None, 'eligibility': None, 'nextStep': None, 'error': None}


class Kiosk:
    """The fake daemon's state: one session, a bounded event backlog, and the open SSE streams."""

    def __init__(self, hold, pace, demo):
        self.hold, self.pace, self.demo = hold, pace, demo
        self.lock = threading.Lock()
        self.session = None
        self.next_session = 1
        self.event_id = 0
        self.backlog = []
        self.streams = set()
        self.generation = 0
        self.gateway = 'ok'

    def view(self):
        return self.session or idle()

    def status(self):
        present = bool(self.session and self.session['source'] == 'chip' and self.session['state'] != 'idle')
        return {'readers': [{'name': 'Dev fake reader', 'cardPresent': present}],
                'scanners': [{'name': 'Dev fake scanner', 'connected': True}],
                'gateway': {'state': self.gateway, 'adapter': 'dev-fake'}, 'ledger': {'records': self.next_session - 1},
                'version': 'dev-fake', 'demo': self.demo}

    def publish(self, kind, **changes):
        with self.lock:
            if kind not in ('sessionCleared', 'status') and self.session is None:
                return
            if kind == 'sessionCleared':
                self.session = None
            elif changes:
                self.session.update(changes)
            self.event_id += 1
            payload = {'type': kind, 'at': now_iso()}
            if kind == 'status':
                payload['status'] = self.status()
            else:
                payload['session'] = json.loads(json.dumps(self.view()))
            event = (self.event_id, kind, json.dumps(payload, ensure_ascii=False))
            self.backlog = (self.backlog + [event])[-200:]
            for stream in list(self.streams):
                stream.put(event)

    def events_after(self, last_id):
        with self.lock:
            return [event for event in self.backlog if event[0] > last_id] if last_id <= self.event_id else []

    def begin(self, source, holder=None):
        with self.lock:
            self.generation += 1
            number = self.next_session
            self.next_session += 1
            self.session = {**idle(), 'id': f's-{number}', 'state': 'waitingForCard', 'startedAt': now_iso(),
                            'source': source, 'holder': holder}
            return self.generation

    def sleep(self, seconds, generation):
        time.sleep(seconds * self.pace)
        return generation == self.generation

    def finish(self, generation, **changes):
        clears = now_iso(self.hold)
        self.publish('result' if changes.get('state') == 'done' else 'error', clearsAt=clears, **changes)
        threading.Thread(target=self.clear_later, args=(generation,), daemon=True).start()

    def clear_later(self, generation):
        time.sleep(self.hold)
        if generation == self.generation and self.session:
            self.publish('sessionCleared')

    # ---- scripted presentations

    def present(self, patient):
        name, dob, sex, id_number = PEOPLE[patient]
        holder = {'fullName': name, 'dateOfBirth': dob, 'sex': sex, 'idMasked': mask(id_number), 'hasPhoto': False}
        if self.gateway != 'ok':
            self.gateway = 'ok'
            self.publish('status')
        generation = self.begin('cccdQr', holder)
        threading.Thread(target=self.play, args=(patient, holder, generation), daemon=True).start()

    def play(self, patient, holder, generation):
        self.publish('scanReceived')
        if not self.sleep(1.0, generation): return
        expected = 20480
        self.publish('cardDetected', state='reading', source='chip', progress={'bytesRead': 0, 'bytesExpected': expected})
        for read in (3072, 7168, 11264, 15360, 20480):
            if not self.sleep(0.5, generation): return
            if patient == 'cardPulled' and read > 10000:
                self.publish('cardRemoved', state='failed', progress=None)
                self.finish(generation, state='failed', error={
                    'code': 'chip.cardRemoved',
                    'message': text('Thẻ bị nhấc khỏi đầu đọc khi đang đọc chip. Đặt lại thẻ và giữ yên.',
                                    'The card was lifted off the reader while the chip was read. Put it back and keep it still.')})
                return
            self.publish('readingProgress', progress={'bytesRead': read, 'bytesExpected': expected})
        self.publish('readingProgress', state='verifying')
        if not self.sleep(0.8, generation): return
        outcome = OUTCOMES[patient]
        self.publish('verified', state='lookingUp', progress=None, verdict=outcome['verdict'],
                     holder={**holder, 'hasPhoto': True})
        if outcome['eligibility'] is None:
            self.finish(generation, state='done', nextStep=outcome['nextStep'])
            return
        self.publish('lookupStarted')
        if patient == 'gatewayDown':
            self.gateway = 'down'
            self.publish('status')
            if not self.sleep(2.5, generation): return
        elif not self.sleep(1.2, generation): return
        self.finish(generation, state='done', eligibility=outcome['eligibility'], nextStep=outcome['nextStep'])

    def manual(self, body):
        """Checks a manual entry as the daemon would; returns (status, answer)."""
        problem = manual_problem(body)
        if problem:
            return 422, {'error': problem}
        if 'bhytCardCode' in body:
            # As the daemon: the name and date of birth BHXH matched on, no ID number.
            holder = {'fullName': body['fullName'], 'dateOfBirth': body['dateOfBirth'], 'sex': None, 'idMasked': None,
                      'hasPhoto': False}
            eligibility = {**ELIGIBLE, 'card': card(body['bhytCardCode'])}
        else:
            sex = 'female' if body['idNumber'][3] in '13579' else 'male'
            holder = {'fullName': body['fullName'], 'dateOfBirth': body['dateOfBirth'], 'sex': sex,
                      'idMasked': mask(body['idNumber']), 'hasPhoto': False}
            eligibility = ELIGIBLE
        generation = self.begin('manual', holder)
        with self.lock:
            self.session.update(state='lookingUp')
        threading.Thread(target=self.look_up, args=(generation, eligibility), daemon=True).start()
        return 202, self.view()

    def look_up(self, generation, eligibility):
        self.publish('lookupStarted')
        if self.sleep(1.2, generation):
            self.finish(generation, state='done', eligibility=eligibility, nextStep=NEXT_ELIGIBLE)

    def retry(self):
        with self.lock:
            if not self.session or self.session['state'] not in ('done', 'failed'):
                return 409, {'error': {'code': 'session.nothingToRetry',
                                       'message': text('Không có lượt tra cứu nào để thử lại.', 'There is no lookup to retry.')}}
            self.generation += 1
            generation = self.generation
            self.session.update(state='lookingUp', eligibility=None, clearsAt=None, nextStep=None, error=None)
        self.gateway = 'ok'
        threading.Thread(target=self.look_up, args=(generation, ELIGIBLE), daemon=True).start()
        return 202, self.view()


def manual_problem(body):
    """The daemon's checks on a manual entry, in the contract's 422 shape."""
    def error(code, vi, en):
        return {'code': code, 'message': text(vi, en)}
    if not isinstance(body, dict):
        return error('manual.body.invalid', 'Yêu cầu không hợp lệ.', 'The request is not valid.')
    if 'bhytCardCode' in body:
        if not re.fullmatch(r'[A-Z]{2}\d{13}', str(body['bhytCardCode'])):
            return error('manual.bhytCardCode.invalid', 'Mã thẻ BHYT không đúng dạng.', 'The BHYT card code is malformed.')
        # BHXH matches on name and date of birth whichever identifier is given (the daemon requires both).
        if not str(body.get('fullName', '')).strip():
            return error('manual.fullName.missing', 'Thiếu họ và tên.', 'The full name is missing.')
        try:
            dt.date.fromisoformat(str(body.get('dateOfBirth', '')))
        except ValueError:
            return error('manual.dateOfBirth.invalid', 'Ngày sinh không hợp lệ.', 'The date of birth is not valid.')
        return None
    id_number, name, dob = (str(body.get(key, '')) for key in ('idNumber', 'fullName', 'dateOfBirth'))
    if not re.fullmatch(r'\d{12}', id_number):
        return error('manual.idNumber.invalid', 'Số định danh phải gồm 12 chữ số.', 'The ID number must be 12 digits.')
    if not 1 <= int(id_number[:3]) <= 96:
        return error('manual.idNumber.province', 'Ba chữ số đầu của số định danh không phải mã tỉnh.',
                     'The first three digits of the ID number are not a province code.')
    if not name.strip():
        return error('manual.fullName.missing', 'Thiếu họ và tên.', 'The full name is missing.')
    try:
        birth = dt.date.fromisoformat(dob)
    except ValueError:
        return error('manual.dateOfBirth.invalid', 'Ngày sinh không hợp lệ.', 'The date of birth is not valid.')
    century = 1900 + 100 * (int(id_number[3]) // 2)
    if birth > dt.date.today() or century + int(id_number[4:6]) != birth.year:
        return error('manual.idNumber.birthYearMismatch',
                     'Số định danh không khớp với năm sinh (chữ số 4–6 ghi thế kỷ và năm sinh).',
                     'The ID number does not match the year of birth (digits 4–6 encode century and year).')
    return None


# ---------------------------------------------------------------- an invented portrait (a drawn silhouette)

def portrait_png(width=240, height=320):
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            head = (x - 120) ** 2 + (y - 125) ** 2 < 58 ** 2
            body = y > 205 and (x - 120) ** 2 / 115 ** 2 + (y - 330) ** 2 / 125 ** 2 < 1
            shade = 214 - y // 8
            row += bytes((92, 110, 128) if head or body else (shade - 12, shade, shade + 14))
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(b''.join(rows))) + chunk(b'IEND', b''))


# ---------------------------------------------------------------- HTTP

class Handler(http.server.BaseHTTPRequestHandler):
    server_version = 'kiosk-page-dev'
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        # Paths only (no query: it may carry the login token); bodies are never logged.
        sys.stderr.write(f'kiosk-page-dev: {self.command} {self.path.split("?")[0]} {args[1] if len(args) > 1 else ""}\n')

    @property
    def kiosk(self):
        return self.server.kiosk

    def send(self, status, body=b'', content_type='application/json; charset=utf-8', headers=()):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        self.send_header('Cache-Control', 'no-store')
        self.send_header('X-Content-Type-Options', 'nosniff')
        self.send_header('Referrer-Policy', 'no-referrer')
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def send_json(self, status, value):
        self.send(status, json.dumps(value, ensure_ascii=False).encode())

    def refuse(self, status, code, vi, en):
        self.send_json(status, {'error': {'code': code, 'message': text(vi, en)}})

    def authorised(self):
        cookies = dict(part.strip().split('=', 1) for part in self.headers.get('Cookie', '').split(';') if '=' in part)
        bearer = self.headers.get('Authorization', '')
        secret = self.server.cookie
        return secrets.compare_digest(cookies.get('cccdd_session', ''), secret) or \
            secrets.compare_digest(bearer, f'Bearer {secret}')

    def checked(self):
        """Host, then authentication; answers and returns False when the request is refused."""
        port = self.server.server_address[1]
        if self.headers.get('Host') not in (f'127.0.0.1:{port}', f'localhost:{port}'):
            self.refuse(421, 'http.host', 'Sai tên máy chủ.', 'Wrong host.')
            return False
        if not self.authorised():
            self.refuse(401, 'http.unauthorized', 'Cần đăng nhập.', 'Sign-in required.')
            return False
        return True

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == '/healthz':
            return self.send(200, b'ok', 'text/plain')
        token = urllib.parse.parse_qs(url.query).get('token', [None])[0]
        if url.path == '/' and token is not None:
            if self.server.token and secrets.compare_digest(token, self.server.token):
                self.server.token = None   # one-time
                cookie = f'cccdd_session={self.server.cookie}; HttpOnly; SameSite=Strict; Path=/'
                return self.send(303, headers=[('Location', '/'), ('Set-Cookie', cookie)])
            return self.refuse(401, 'http.unauthorized', 'Mã đăng nhập không hợp lệ.', 'The login token is not valid.')
        if not self.checked():
            return
        routes = {'/api/v1/session': lambda: self.send_json(200, self.kiosk.view()),
                  '/api/v1/status': lambda: self.send_json(200, self.kiosk.status()),
                  '/api/v1/events': self.stream, '/api/v1/session/photo': self.photo,
                  '/api/v1/demo/patients': self.patients}
        if url.path in routes:
            return routes[url.path]()
        name = 'index.html' if url.path == '/' else url.path.lstrip('/')
        path = os.path.join(self.server.resources, name)
        if '/' in name or not os.path.isfile(path):
            return self.refuse(404, 'http.notFound', 'Không tìm thấy.', 'Not found.')
        with open(path, 'rb') as file:
            body = file.read()
        self.send(200, body, CONTENT_TYPES.get(os.path.splitext(name)[1], 'application/octet-stream'),
                  headers=[('Content-Security-Policy', CSP)])

    def photo(self):
        session = self.kiosk.session
        if not session or not (session.get('holder') or {}).get('hasPhoto'):
            return self.refuse(404, 'session.noPhoto', 'Không có ảnh.', 'No photo.')
        self.send(200, self.server.portrait, 'image/png')

    def patients(self):
        if not self.kiosk.demo:
            return self.refuse(404, 'http.notFound', 'Không tìm thấy.', 'Not found.')
        self.send_json(200, [{'id': key, 'label': label} for key, label in LABELS.items()])

    def stream(self):
        self.send_response(200)
        self.send_header('Content-Type', 'text/event-stream; charset=utf-8')
        self.send_header('Cache-Control', 'no-store')
        self.send_header('Connection', 'close')
        self.end_headers()
        self.close_connection = True
        inbox = queue.Queue()
        with self.kiosk.lock:
            self.kiosk.streams.add(inbox)
        try:
            last = self.headers.get('Last-Event-ID')
            self.wfile.write(b'retry: 1000\n\n')
            if last and last.isdigit():
                for event in self.kiosk.events_after(int(last)):
                    inbox.put(event)
            self.wfile.flush()
            while not self.server.stopping.is_set():
                try:
                    number, kind, data = inbox.get(timeout=15)
                    self.wfile.write(f'id: {number}\nevent: {kind}\ndata: {data}\n\n'.encode())
                except queue.Empty:
                    self.wfile.write(b': keep-alive\n\n')
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self.kiosk.lock:
                self.kiosk.streams.discard(inbox)

    def do_POST(self):
        # The body is read first, so a refused request leaves the kept-alive connection clean.
        length = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(min(length, 65536)) if length else b''
        if length > 65536:
            self.close_connection = True
            return self.refuse(413, 'http.tooLarge', 'Yêu cầu quá lớn.', 'Request too large.')
        if not self.checked():
            return
        port = self.server.server_address[1]
        if self.headers.get('Origin') not in (f'http://127.0.0.1:{port}', f'http://localhost:{port}'):
            return self.refuse(403, 'http.origin', 'Nguồn yêu cầu không được phép.', 'Request origin not allowed.')
        if not self.headers.get('Content-Type', '').startswith('application/json'):
            return self.refuse(415, 'http.contentType', 'Cần JSON.', 'JSON required.')
        try:
            body = json.loads(raw or b'{}')
        except ValueError:
            return self.refuse(400, 'http.json', 'JSON không hợp lệ.', 'Invalid JSON.')
        path = urllib.parse.urlsplit(self.path).path
        if path == '/api/v1/session/manual':
            return self.send_json(*self.kiosk.manual(body))
        if path == '/api/v1/session/retry':
            return self.send_json(*self.kiosk.retry())
        if path == '/api/v1/session/clear':
            if self.kiosk.session:
                self.kiosk.generation += 1
                self.kiosk.publish('sessionCleared')
            return self.send(204)
        if path == '/api/v1/demo/present' and self.kiosk.demo:
            patient = body.get('patient') if isinstance(body, dict) else None
            if patient not in PEOPLE:
                return self.refuse(422, 'demo.patient.unknown', 'Không có người bệnh mẫu này.', 'No such sample patient.')
            self.kiosk.present(patient)
            return self.send_json(202, self.kiosk.view())
        self.refuse(404, 'http.notFound', 'Không tìm thấy.', 'Not found.')


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser(description='Development fake of the cccdd kiosk API (not the daemon).')
    parser.add_argument('--port', type=int, default=0, help='127.0.0.1 port (0: any free port)')
    parser.add_argument('--hold', type=float, default=30, help='seconds a finished session stays on screen')
    parser.add_argument('--pace', type=float, default=1.0, help='multiplies every scripted delay (0.3 = faster)')
    parser.add_argument('--token', help='the one-time login token (default: random)')
    parser.add_argument('--cookie', help='the per-boot session cookie value (default: random, like a new boot)')
    parser.add_argument('--no-demo', action='store_true', help='status says demo: false; no demo endpoints')
    parser.add_argument('--resources', default=RESOURCES, help='the page files to serve')
    options = parser.parse_args()

    server = Server(('127.0.0.1', options.port), Handler)
    server.kiosk = Kiosk(options.hold, options.pace, not options.no_demo)
    server.token = options.token or secrets.token_urlsafe(24)
    server.cookie = options.cookie or secrets.token_urlsafe(32)
    server.resources = os.path.abspath(options.resources)
    server.portrait = portrait_png()
    server.stopping = threading.Event()

    def stop(*_):
        server.stopping.set()
        threading.Thread(target=server.shutdown, daemon=True).start()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f'Kiosk: http://127.0.0.1:{server.server_address[1]}/?token={server.token}', flush=True)
    server.serve_forever(poll_interval=0.2)


if __name__ == '__main__':
    main()
