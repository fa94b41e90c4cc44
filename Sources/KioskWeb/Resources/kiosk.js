// The reception page: renders the daemon's current session from its event stream.
//
// Personal data (names, dates of birth, photos) lives only in the DOM and in `current` while a
// session is shown; it is never written to localStorage or the console, and is dropped when the
// session clears. Only the language choice is remembered.
'use strict';

(() => {
  const text = window.KioskText;
  const $ = (id) => document.getElementById(id);
  const EVENT_TYPES = ['scanReceived', 'cardDetected', 'cardRemoved', 'qrNeeded', 'readingProgress', 'verified',
    'lookupStarted', 'result', 'error', 'sessionCleared', 'status'];
  const LANGUAGE_KEY = 'cccdd.kiosk.language';
  /** How long the stream may be down before the page says so (a daemon restart takes about this). */
  const LOST_BADGE_AFTER_MS = 3000;

  let lang = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
  let current = null;          // the SessionView on screen
  let status = null;           // the last StatusView
  let photo = { sessionId: null, url: null };
  let clearTimer = null;
  let events = null;
  let lostSince = null;
  let retryDelay = 1000;
  let reconnecting = false;  // a reconnection attempt is scheduled or running
  let eventsSeen = 0;          // bumps on each event, so a slower fetch never overwrites a newer event
  let demoLoaded = false;

  const t = (key) => text.strings[lang][key] ?? key;
  const localized = (value) => (value && (value[lang] ?? value.vi)) || '';

  // ---------------------------------------------------------------- language

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
    const other = lang === 'vi' ? 'en' : 'vi';
    const button = $('lang-switch');
    button.lang = other;
    button.textContent = t('switchLanguage');
    button.setAttribute('aria-label', t('switchLanguageLabel'));
    $('devices').setAttribute('aria-label', t('devices'));
    render(current);
    renderStatus();
  }

  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LANGUAGE_KEY, lang);
    applyLanguage();
  });

  // ---------------------------------------------------------------- session rendering

  /** The view a session needs: waiting, progress (prompts and pending steps) or result. */
  function viewFor(session) {
    if (!session || session.state === 'idle' || isExpired(session)) return 'waiting';
    switch (session.state) {
      case 'waitingForQR': case 'waitingForCard': case 'reading': case 'verifying': return 'progress';
      case 'lookingUp': return session.holder ? 'result' : 'progress';
      default: return 'result';
    }
  }

  function isExpired(session) {
    return Boolean(session.clearsAt) && Date.parse(session.clearsAt) <= Date.now();
  }

  function render(session) {
    const view = viewFor(session);
    if (view === 'waiting') session = null;
    if (current && (!session || session.id !== current.id)) dropPhoto();
    current = session;
    const body = document.body;
    if (body.dataset.view === 'locked') return;
    body.dataset.view = view;
    body.dataset.state = session ? session.state : 'idle';
    body.dataset.verdict = session?.verdict?.kind ?? '';
    body.dataset.eligibility = session?.eligibility?.class ?? '';
    for (const name of ['waiting', 'progress', 'result', 'locked']) $(`view-${name}`).hidden = name !== view;
    if (view === 'progress') renderProgress(session);
    if (view === 'result') renderResult(session);
    if (view === 'waiting') clearResult();
    scheduleClear(session);
  }

  function renderProgress(session) {
    const headings = {
      waitingForQR: ['promptQR', 'promptQRText'], waitingForCard: ['promptCard', 'promptCardText'],
      reading: ['reading', null], verifying: ['verifying', 'verifyingText'], lookingUp: ['lookingUp', 'lookingUpText'],
    };
    const [heading, detail] = headings[session.state] ?? ['lookingUp', null];
    $('progress-heading').textContent = t(heading);
    $('progress-text').textContent = detail ? t(detail) : '';
    const progress = session.progress;
    const bar = $('progress-bar');
    const showsBar = session.state === 'reading' || session.state === 'verifying';
    bar.hidden = !showsBar;
    let percent = session.state === 'verifying' ? 100 : 0;
    // `fraction` covers the whole read (files done plus this file's share) and only grows; the
    // byte counts are the current file's.
    if (progress && typeof progress.fraction === 'number') {
      percent = Math.min(100, Math.round(100 * progress.fraction));
    } else if (progress && progress.bytesExpected > 0) {
      percent = Math.min(100, Math.round((100 * progress.bytesRead) / progress.bytesExpected));
    }
    bar.classList.toggle('progress-indeterminate', session.state === 'reading' && !progress);
    $('progress-fill').style.width = `${percent}%`;
    bar.setAttribute('aria-valuenow', String(percent));
    bar.setAttribute('aria-label', t(heading));
    $('progress-percent').textContent = session.state === 'reading' && progress ? `${percent}%` : '';
  }

  function renderResult(session) {
    renderHolder(session);
    renderVerdict(session);
    renderEligibility(session);
    const error = session.error;
    $('panel-error').hidden = !error;
    $('error-message').textContent = error ? localized(error.message) : '';
    $('error-message').lang = lang;
    $('next-step').textContent = localized(session.nextStep);
    $('next-step').lang = lang;
    const eligibilityClass = session.eligibility?.class;
    // Retry re-runs the lookup: worth offering only when the gateway could not answer — `transient`,
    // or `skipped` when the chain fell back to its offline adapter (how an outage ends with
    // `gateway.chain = ["bhxh", "offline"]`).
    const canRetry = eligibilityClass === 'transient' || eligibilityClass === 'skipped';
    const wantsManual = session.state === 'failed' || ['transient', 'skipped', 'notFound', 'demographicMismatch', 'badInput']
      .includes(eligibilityClass);
    $('retry').hidden = !canRetry;
    $('manual-from-error').hidden = !wantsManual;
    $('result-actions').hidden = $('retry').hidden && $('manual-from-error').hidden;
    $('panel-next').hidden = !session.nextStep && $('result-actions').hidden;
    $('next-label').hidden = !session.nextStep;
  }

  function renderHolder(session) {
    const holder = session.holder;
    $('patient-name').textContent = holder ? holder.fullName : t('noHolder');
    $('patient-name').classList.toggle('muted', !holder);
    $('patient-dob').textContent = holder ? formatDate(holder.dateOfBirth) : '—';
    $('patient-sex').textContent = holder?.sex ? t(holder.sex) : '—';
    $('patient-id').textContent = holder?.idMasked ?? '—';
    const sourceKeys = { cccdQr: 'sourceCccdQr', chip: 'sourceChip', vneidQr: 'sourceVneidQr', bhytQr: 'sourceBhytQr', manual: 'sourceManual' };
    $('patient-source').textContent = session.source ? t(sourceKeys[session.source] ?? session.source) : '—';
    if (holder?.hasPhoto) loadPhoto(session.id); else dropPhoto();
  }

  function renderVerdict(session) {
    const verdict = session.verdict;
    const kinds = {
      authentic: ['good', 'verdictAuthentic', 'verdictAuthenticText'],
      authenticUnchained: ['warn', 'verdictUnchained', 'verdictUnchainedText'],
      suspicious: ['bad', 'verdictSuspicious', 'verdictSuspiciousText'],
      invalid: ['bad', 'verdictInvalid', 'verdictInvalidText'],
    };
    const panel = $('panel-verdict');
    if (!verdict) {
      // A session still reading the chip has no verdict yet; one from a QR or manual entry never will.
      panel.hidden = session.source === 'chip' && session.state !== 'done' && session.state !== 'failed';
      setTone(panel, 'neutral');
      $('verdict-title').textContent = t('verdictNone');
      $('verdict-text').textContent = t(session.source === 'chip' ? 'verdictNoneChipText' : 'verdictNoneText');
      fillList($('verdict-reasons'), []);
      $('verdict-failed').hidden = true;
      $('verdict-unsupported').hidden = true;
      return;
    }
    panel.hidden = false;
    const [tone, title, explanation] = kinds[verdict.kind] ?? ['neutral', null, null];
    setTone(panel, tone);
    $('verdict-title').textContent = title ? t(title) : verdict.kind;
    $('verdict-text').textContent = explanation ? t(explanation) : '';
    fillList($('verdict-reasons'), (verdict.reasons ?? []).map((reason) => ({ text: localized(reason.message) })));
    const checks = verdict.checks ?? [];
    const failed = checks.filter((check) => check.status === 'failed');
    const unsupported = checks.filter((check) => check.status === 'notSupported');
    $('verdict-failed').hidden = failed.length === 0;
    fillList($('verdict-failed-list'), failed.map(describe));
    $('verdict-unsupported').hidden = unsupported.length === 0;
    fillList($('verdict-unsupported-list'), unsupported.map(describe));
  }

  /** A check in plain words, its dotted name kept beside it for staff who report problems. */
  function describe(check) {
    const phrase = text.describeCheck(check.name, lang);
    return phrase ? { text: phrase, code: check.name } : { text: check.name, raw: true };
  }

  function renderEligibility(session) {
    const eligibility = session.eligibility;
    const panel = $('panel-bhyt');
    if (!eligibility) {
      const pending = session.state === 'lookingUp';
      panel.hidden = !pending;
      setTone(panel, 'pending');
      $('bhyt-title').textContent = t('bhytPending');
      $('bhyt-detail').hidden = true;
      $('bhyt-card').hidden = true;
      $('bhyt-new-card').hidden = true;
      $('bhyt-official').hidden = true;
      return;
    }
    panel.hidden = false;
    const known = text.eligibility[eligibility.class];
    setTone(panel, known ? known.tone : 'neutral');
    $('bhyt-title').textContent = known ? known[lang] : eligibility.class;
    $('bhyt-detail').hidden = !known?.detail;
    $('bhyt-detail').textContent = known?.detail ? known.detail[lang] : '';
    const card = eligibility.card;
    $('bhyt-card').hidden = !card;
    $('bhyt-code').textContent = card?.code ?? '';
    $('bhyt-validity').textContent = card ? `${formatDate(card.validFrom)} – ${formatDate(card.validThrough)}` : '';
    $('bhyt-facility').textContent = card?.registeredFacility ?? '';
    $('bhyt-new-card').hidden = !card?.newCard;
    const official = localized(eligibility.message);
    $('bhyt-official').hidden = !official;
    $('bhyt-official-text').textContent = official;
    // Only a result code makes the wording the gateway's own; otherwise it is the daemon's explanation.
    $('bhyt-official-label').textContent = t(eligibility.code ? 'gatewaySays' : 'gatewayDetail');
    $('bhyt-official-text').lang = lang;
    $('bhyt-official-code').textContent = eligibility.code ? `(${t('resultCode')} ${eligibility.code})` : '';
  }

  function clearResult() {
    for (const id of ['patient-name', 'patient-dob', 'patient-sex', 'patient-id', 'patient-source', 'verdict-title',
      'verdict-text', 'bhyt-title', 'bhyt-code', 'bhyt-validity', 'bhyt-facility', 'bhyt-official-text', 'next-step',
      'error-message']) $(id).textContent = '';
    fillList($('verdict-failed-list'), []);
    fillList($('verdict-reasons'), []);
    dropPhoto();
  }

  function setTone(element, tone) {
    element.classList.remove('tone-good', 'tone-warn', 'tone-bad', 'tone-neutral', 'tone-pending');
    element.classList.add(`tone-${tone}`);
    element.dataset.tone = tone;
  }

  function fillList(list, items) {
    list.replaceChildren(...items.map((item) => {
      const entry = document.createElement('li');
      entry.lang = item.raw ? 'en' : lang;
      if (item.raw) {
        const code = document.createElement('code');
        code.textContent = item.text;
        entry.append(code);
      } else {
        entry.append(item.text);
        if (item.code) {
          const code = document.createElement('code');
          code.className = 'check-name';
          code.textContent = item.code;
          entry.append(' ', code);
        }
      }
      return entry;
    }));
  }

  /** ISO `1990-03-15` → `15/03/1990`, the way dates are written in Vietnam; anything else as given. */
  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
    return match ? `${match[3]}/${match[2]}/${match[1]}` : (iso ?? '—');
  }

  // ---------------------------------------------------------------- photo

  async function loadPhoto(sessionId) {
    if (photo.sessionId === sessionId) return;
    dropPhoto();
    photo.sessionId = sessionId;
    try {
      // Not cached: the photo belongs to this session only.
      const response = await fetch('/api/v1/session/photo', { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok || photo.sessionId !== sessionId) return;
      const blob = await response.blob();
      if (photo.sessionId !== sessionId) return;
      photo.url = URL.createObjectURL(blob);
      const image = $('patient-photo');
      image.onerror = () => { image.hidden = true; $('photo-placeholder').hidden = false; };
      image.src = photo.url;
      image.alt = t('patient');
      image.hidden = false;
      $('photo-placeholder').hidden = true;
    } catch {
      // The placeholder stays; the name and ID are what staff need.
    }
  }

  function dropPhoto() {
    const image = $('patient-photo');
    image.hidden = true;
    image.removeAttribute('src');
    $('photo-placeholder').hidden = false;
    if (photo.url) URL.revokeObjectURL(photo.url);
    photo = { sessionId: null, url: null };
  }

  // ---------------------------------------------------------------- clearing at clearsAt

  function scheduleClear(session) {
    clearTimeout(clearTimer);
    clearTimer = null;
    updateCountdown();
    if (!session?.clearsAt) return;
    const due = Date.parse(session.clearsAt) - Date.now();
    if (Number.isNaN(due)) return;
    clearTimer = setTimeout(() => render(null), Math.max(0, due));
  }

  function updateCountdown() {
    const element = $('clear-countdown');
    if (!current?.clearsAt) { element.textContent = ''; return; }
    const seconds = Math.max(0, Math.ceil((Date.parse(current.clearsAt) - Date.now()) / 1000));
    element.textContent = t('clearsIn').replace('{n}', String(seconds));
  }

  // ---------------------------------------------------------------- the daemon: stream, session, status

  async function fetchJSON(path) {
    const response = await fetch(path, { cache: 'no-store', credentials: 'same-origin' });
    if (response.status === 401) throw Object.assign(new Error('unauthorized'), { unauthorized: true });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  async function refreshSession() {
    const seenBefore = eventsSeen;
    const session = await fetchJSON('/api/v1/session');
    if (eventsSeen === seenBefore) render(session);
  }

  async function refreshStatus() {
    status = await fetchJSON('/api/v1/status');
    renderStatus();
  }

  function connect() {
    if (events) events.close();
    events = new EventSource('/api/v1/events', { withCredentials: true });
    events.onopen = () => {
      setLost(false);
      retryDelay = 1000;
      refreshSession().catch(() => {});
      refreshStatus().catch(() => {});
    };
    events.onerror = (event) => {
      // The contract's `error` event type arrives here too, as a MessageEvent with data: that is a
      // pipeline error for onEvent, not a broken stream.
      if (event instanceof MessageEvent) return;
      setLost(true);
      // EventSource retries a dropped connection itself, but gives up for good on an HTTP error
      // (a restarting daemon answering 503, or 401 for a cookie of the previous boot).
      if (events.readyState === EventSource.CLOSED) scheduleReconnect();
    };
    for (const type of EVENT_TYPES) events.addEventListener(type, onEvent);
  }

  function onEvent(message) {
    if (!(message instanceof MessageEvent)) return;
    let data;
    try { data = JSON.parse(message.data); } catch { return; }
    eventsSeen += 1;
    if (data.status) { status = data.status; renderStatus(); }
    if ('session' in data) render(data.session);
  }

  /** Asks the daemon why the stream closed; a 401 means this page's cookie belongs to a previous boot. */
  function scheduleReconnect() {
    if (reconnecting) return;
    reconnecting = true;
    setTimeout(attemptReconnect, retryDelay);
  }

  async function attemptReconnect() {
    try {
      await refreshSession();
      reconnecting = false;
      unlock();
      connect();
    } catch (error) {
      if (error.unauthorized) lock();
      retryDelay = Math.min(retryDelay * 2, 10000);
      reconnecting = false;
      scheduleReconnect();
    }
  }

  function setLost(lost) {
    if (!lost) { lostSince = null; $('connection').hidden = true; return; }
    if (lostSince === null) lostSince = Date.now();
  }

  function lock() {
    render(null);
    document.body.dataset.view = 'locked';
    for (const name of ['waiting', 'progress', 'result']) $(`view-${name}`).hidden = true;
    $('view-locked').hidden = false;
  }

  function unlock() {
    if (document.body.dataset.view !== 'locked') return;
    document.body.dataset.view = 'waiting';
    $('view-locked').hidden = true;
    render(current);
  }

  // Once a second: the lost-connection badge, the clearing countdown, and a stream that died quietly.
  setInterval(() => {
    if (lostSince !== null && Date.now() - lostSince > LOST_BADGE_AFTER_MS) $('connection').hidden = false;
    if (events && events.readyState === EventSource.CLOSED) scheduleReconnect();
    updateCountdown();
  }, 1000);

  function renderStatus() {
    const element = $('devices');
    if (!status) { element.hidden = true; return; }
    const readers = status.readers ?? [];
    const scanners = status.scanners ?? [];
    const gatewayState = status.gateway?.state;
    const parts = [
      [t('readers'), `${readers.length}`, readers.length > 0],
      [t('scanners'), `${scanners.filter((scanner) => scanner.connected).length}`, scanners.some((s) => s.connected)],
    ];
    if (gatewayState) {
      // `unknown`: no lookup since the daemon started — nothing wrong yet.
      const words = { ok: 'gatewayOk', degraded: 'gatewayDegraded', down: 'gatewayDown', unknown: 'gatewayUnknown' };
      parts.push([t('gateway'), t(words[gatewayState] ?? gatewayState), gatewayState === 'ok' || gatewayState === 'unknown']);
    }
    element.replaceChildren(...parts.map(([label, value, fine]) => {
      const item = document.createElement('span');
      item.className = fine ? 'device' : 'device device-problem';
      item.textContent = `${label}: ${value}`;
      return item;
    }));
    element.hidden = false;
    if (status.demo && !demoLoaded) loadDemo();
  }

  // ---------------------------------------------------------------- posting

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}),
    });
    let payload = null;
    try { payload = await response.json(); } catch { /* 204 and empty answers */ }
    return { status: response.status, ok: response.ok, payload };
  }

  $('retry').addEventListener('click', async () => {
    const answer = await post('/api/v1/session/retry').catch(() => null);
    if (!answer || !answer.ok) $('retry').classList.add('button-failed');
  });

  // ---------------------------------------------------------------- manual entry

  const dialog = $('manual-dialog');
  const manualKind = () => document.querySelector('input[name="manual-kind"]:checked').value;

  function openManual() {
    showFormError(null);
    dialog.showModal();
    (manualKind() === 'card' ? $('manual-card-code') : $('manual-id')).focus();
  }

  function closeManual() {
    $('manual-form').reset();
    $('manual-identity').hidden = false;
    $('manual-card').hidden = true;
    showFormError(null);
    dialog.close();
  }

  $('manual-open').addEventListener('click', openManual);
  $('manual-from-error').addEventListener('click', openManual);
  $('manual-cancel').addEventListener('click', closeManual);
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); closeManual(); });
  for (const radio of document.querySelectorAll('input[name="manual-kind"]')) {
    radio.addEventListener('change', () => {
      const byCard = manualKind() === 'card';
      $('manual-identity').hidden = byCard;
      $('manual-card').hidden = !byCard;
      showFormError(null);
    });
  }

  function showFormError(message) {
    $('manual-error').hidden = !message;
    $('manual-error').textContent = message ?? '';
  }

  /** The form's body, or a message saying what to fix; the daemon checks everything again. */
  function manualBody() {
    const byCard = manualKind() === 'card';
    const code = $('manual-card-code').value.trim().toUpperCase();
    if (byCard && !/^[A-Z]{2}\d{13}$/.test(code)) return { problem: t('invalidCardCode'), field: 'manual-card-code' };
    const idNumber = $('manual-id').value.replace(/\s/g, '');
    if (!byCard && !/^\d{12}$/.test(idNumber)) return { problem: t('invalidIdNumber'), field: 'manual-id' };
    const fullName = $('manual-name').value.trim().replace(/\s+/g, ' ');
    if (!fullName) return { problem: t('invalidFullName'), field: 'manual-name' };
    const date = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec($('manual-dob').value.trim());
    const iso = date && `${date[3]}-${date[2].padStart(2, '0')}-${date[1].padStart(2, '0')}`;
    const parsed = iso && new Date(`${iso}T00:00:00Z`);
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
      return { problem: t('invalidDate'), field: 'manual-dob' };
    }
    // BHXH matches on name and date of birth whichever identifier is given.
    return { body: byCard ? { bhytCardCode: code, fullName, dateOfBirth: iso } : { idNumber, fullName, dateOfBirth: iso } };
  }

  $('manual-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body, problem, field } = manualBody();
    if (problem) { showFormError(problem); $(field).focus(); return; }
    const submit = $('manual-submit');
    submit.disabled = true;
    submit.textContent = t('manualSending');
    try {
      const answer = await post('/api/v1/session/manual', body);
      if (answer.ok) {
        closeManual();
        if (answer.payload && answer.payload.state) render(answer.payload);
      } else {
        showFormError(localized(answer.payload?.error?.message) || t('requestFailed'));
      }
    } catch {
      showFormError(t('requestFailed'));
    } finally {
      submit.disabled = false;
      submit.textContent = t('manualSubmit');
    }
  });

  // ---------------------------------------------------------------- demo panel

  async function loadDemo() {
    demoLoaded = true;
    try {
      const patients = await fetchJSON('/api/v1/demo/patients');
      const container = $('demo-patients');
      container.replaceChildren(...patients.map((patient) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button demo-patient';
        button.dataset.patient = patient.id;
        button.dataset.labelVi = patient.label?.vi ?? patient.id;
        button.dataset.labelEn = patient.label?.en ?? patient.id;
        button.addEventListener('click', () => {
          $('demo').querySelector('details').open = false;
          post('/api/v1/demo/present', { patient: patient.id }).catch(() => {});
        });
        return button;
      }));
      renderDemoLabels();
      $('demo').hidden = false;
    } catch {
      demoLoaded = false;
    }
  }

  function renderDemoLabels() {
    for (const button of document.querySelectorAll('.demo-patient')) {
      button.textContent = lang === 'vi' ? button.dataset.labelVi : button.dataset.labelEn;
      button.lang = lang;
    }
  }
  $('lang-switch').addEventListener('click', renderDemoLabels);

  // ---------------------------------------------------------------- start

  applyLanguage();
  connect();
})();
