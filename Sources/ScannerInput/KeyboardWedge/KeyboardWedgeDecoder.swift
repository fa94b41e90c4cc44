/// Turns a wedge scanner's key events back into the text it typed (pure: tests feed it events).
///
/// Keeps the modifier state a desktop would — Shift (either side), CapsLock toggled by its key
/// press, Alt held — and a fixed US keymap. While Alt is held, keypad digits build an Alt+numpad
/// code that becomes one character when Alt is released: `Alt+0NNN` is a Windows-1252 code,
/// `Alt+NNNNN` without a leading zero a Unicode code point (the "Unicode Alt" mode of some
/// scanners). Enter ends a scan. [?] CapsLock is assumed off when reading starts.
///
/// Whatever cannot be decoded faithfully is recorded as a ``WedgeIssue`` and the payload is
/// marked `.mangled` — never passed on as exact.
public struct KeyboardWedgeDecoder: Sendable {
    public enum Output: Sendable, Equatable {
        case payload(ScannedPayload)
        /// The typed text grew past the limit (`byteCount` UTF-8 bytes) and was dropped whole.
        case tooLong(byteCount: Int)
    }

    public let maximumLength: Int
    private var text = String.UnicodeScalarView()
    private var byteCount = 0
    private var discarding = false
    private var issues: Set<WedgeIssue> = []
    private var shiftsHeld: Set<UInt16> = []
    private var altsHeld: Set<UInt16> = []
    private var controlsHeld: Set<UInt16> = []
    private var capsLock = false
    private var altDigits: [UInt8] = []

    /// `maximumLength` in UTF-8 bytes of decoded text.
    public init(maximumLength: Int = 4096) {
        self.maximumLength = max(1, maximumLength)
    }

    public var hasPendingInput: Bool { byteCount > 0 || !altDigits.isEmpty || !issues.isEmpty }

    public mutating func consume(_ event: InputEvent) -> Output? {
        if event.type == InputEvent.synchronizationType && event.code == InputEvent.droppedCode {
            // The kernel's buffer overflowed (we read too slowly): keys of this scan are lost and
            // the modifier state may be stale, so start clean and distrust the scan.
            issues.insert(.eventsDropped)
            shiftsHeld = []
            altsHeld = []
            controlsHeld = []
            altDigits = []
            return nil
        }
        guard event.type == InputEvent.keyType else { return nil }  // SYN_REPORT, EV_MSC: framing only
        let code = event.code
        let pressed = event.value != 0
        switch code {
        case USKeymap.leftShift, USKeymap.rightShift:
            if pressed { shiftsHeld.insert(code) } else { shiftsHeld.remove(code) }
        case USKeymap.leftControl, USKeymap.rightControl:
            if pressed { controlsHeld.insert(code) } else { controlsHeld.remove(code) }
        case USKeymap.leftAlt, USKeymap.rightAlt:
            if pressed {
                altsHeld.insert(code)
            } else {
                altsHeld.remove(code)
                if altsHeld.isEmpty { finishAltCode() }
            }
        case USKeymap.capsLock:
            if event.value == 1 { capsLock.toggle() }
        case USKeymap.numLock:
            break
        default:
            guard pressed else { return nil }
            if event.value == 2 { issues.insert(.keyRepeat) }
            return press(code)
        }
        return nil
    }

    /// No key for the inter-key timeout: a scanner that sends no Enter has finished.
    public mutating func flush() -> Output? {
        finishAltCode()
        return endScan()
    }

    private mutating func press(_ code: UInt16) -> Output? {
        if !altsHeld.isEmpty {
            if let digit = USKeymap.keypadDigits[code] {
                altDigits.append(digit)
            } else {
                issues.insert(.controlOrAltKey)
            }
            return nil
        }
        if code == USKeymap.enter || code == USKeymap.keypadEnter { return endScan() }
        if !controlsHeld.isEmpty {
            issues.insert(.controlOrAltKey)
        } else if let key = USKeymap.key(code) {
            let upper = key.isLetter ? (shiftsHeld.isEmpty == capsLock) : !shiftsHeld.isEmpty
            for scalar in (upper ? key.shifted : key.plain).unicodeScalars { append(scalar) }
        } else if Self.editingKeys.contains(code) {
            issues.insert(.editingKey)
        } else {
            issues.insert(.unknownKey)
        }
        return nil
    }

    /// Backspace, Delete, Home, End and the arrows.
    private static let editingKeys: Set<UInt16> = [14, 111, 102, 107, 103, 105, 106, 108]

    private mutating func finishAltCode() {
        guard !altDigits.isEmpty else { return }
        defer { altDigits = [] }
        guard altDigits.count <= 7 else {
            issues.insert(.invalidAltCode)
            return append("\u{FFFD}")
        }
        let value = altDigits.reduce(0) { $0 * 10 + Int($1) }
        let scalar = altDigits.first == 0
            ? WindowsCodePage1252.scalar(value)
            : UInt32(exactly: value).flatMap(Unicode.Scalar.init)
        guard let scalar, value != 0 else {
            issues.insert(.invalidAltCode)
            return append("\u{FFFD}")
        }
        append(scalar)
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        let size = UTF8.width(scalar)
        if discarding || byteCount + size > maximumLength {
            discarding = true
            text = String.UnicodeScalarView()
        } else {
            text.append(scalar)
        }
        byteCount += size
    }

    private mutating func endScan() -> Output? {
        defer {
            text = String.UnicodeScalarView()
            byteCount = 0
            discarding = false
            issues = []
        }
        if discarding { return .tooLong(byteCount: byteCount) }
        guard !text.isEmpty else { return nil }
        let decoded = String(text)
        let allIssues = issues.union(WedgeContentCheck.issues(in: decoded))
        let fidelity: ScannedPayload.Fidelity = allIssues.isEmpty ? .exact : .mangled(reason: WedgeIssue.reason(for: allIssues))
        return .payload(ScannedPayload(bytes: Array(decoded.utf8), transport: .keyboardWedge, fidelity: fidelity))
    }
}
