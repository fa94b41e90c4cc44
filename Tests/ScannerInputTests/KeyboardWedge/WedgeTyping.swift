@testable import ScannerInput

/// Plays a keyboard-wedge scanner: turns text into the key events a scanner set to the US layout
/// would send, each press and release followed by a SYN_REPORT as the kernel delivers them.
enum WedgeTyping {
    /// How the simulated scanner types a character outside ASCII.
    enum NonASCII {
        /// `Alt+NNNNN`, Unicode code point (scanners with a "Unicode Alt" mode).
        case unicodeAlt
        /// `Alt+0NNN` when Windows-1252 has the letter, otherwise `?` (what CP1252 scanners do).
        case codePage1252
        /// Accents stripped before typing (what a scanner in "ASCII only" mode sends).
        case stripAccents
    }

    static let syn = InputEvent(type: 0, code: 0, value: 0)
    static let shift: UInt16 = 42, alt: UInt16 = 56, enter: UInt16 = 28, capsLock: UInt16 = 58

    static func tap(_ code: UInt16) -> [InputEvent] {
        [InputEvent(type: 4, code: 4, value: Int32(code)), .key(code, 1), syn, .key(code, 0), syn]
    }

    static func shifted(_ code: UInt16) -> [InputEvent] {
        [.key(shift, 1), syn] + tap(code) + [.key(shift, 0), syn]
    }

    static func altCode(_ digits: String) -> [InputEvent] {
        let keypad: [Character: UInt16] = ["0": 82, "1": 79, "2": 80, "3": 81, "4": 75, "5": 76, "6": 77, "7": 71, "8": 72, "9": 73]
        return [.key(alt, 1), syn] + digits.flatMap { keypad[$0].map(tap) ?? [] } + [.key(alt, 0), syn]
    }

    static func type(_ text: String, nonASCII: NonASCII = .unicodeAlt, enterAtEnd: Bool = true) -> [InputEvent] {
        var events: [InputEvent] = []
        for scalar in text.unicodeScalars {
            if let (code, needsShift) = usKey(for: scalar) {
                events += needsShift ? shifted(code) : tap(code)
                continue
            }
            switch nonASCII {
            case .unicodeAlt:
                events += altCode(String(scalar.value))
            case .codePage1252:
                if let byte = (0xA0...0xFF).contains(scalar.value) ? scalar.value : nil {
                    events += altCode("0" + String(byte))
                } else {
                    events += shifted(53)  // "?"
                }
            case .stripAccents:
                let folded = String(scalar).applyingTransform(.stripDiacritics, reverse: false)?
                    .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D") ?? "?"
                events += type(folded, nonASCII: .codePage1252, enterAtEnd: false)
            }
        }
        return enterAtEnd ? events + tap(enter) : events
    }

    static func records(_ events: [InputEvent]) -> [UInt8] { events.flatMap(\.record) }

    private static let usLayout: [Character: (UInt16, Bool)] = {
        var table: [Character: (UInt16, Bool)] = [:]
        func row(_ first: UInt16, _ plain: String, _ shifted: String) {
            for (offset, pair) in zip(plain, shifted).enumerated() {
                table[pair.0] = (first + UInt16(offset), false)
                table[pair.1] = table[pair.1] ?? (first + UInt16(offset), true)
            }
        }
        row(2, "1234567890-=", "!@#$%^&*()_+")
        row(16, "qwertyuiop[]", "QWERTYUIOP{}")
        row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~")
        row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?")
        row(57, " ", " ")
        return table
    }()

    private static func usKey(for scalar: Unicode.Scalar) -> (UInt16, Bool)? {
        usLayout[Character(scalar)]
    }
}
