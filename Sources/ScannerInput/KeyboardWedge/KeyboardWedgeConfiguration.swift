/// How a keyboard-wedge scanner's input device is read.
public struct KeyboardWedgeConfiguration: Sendable, Hashable {
    /// Take the device for ourselves with `EVIOCGRAB`, so the scanned keystrokes — a patient's ID
    /// number and name — are not also typed into whatever window has focus on the desktop.
    public var grabKeystrokes: Bool
    /// Longest scan accepted, in UTF-8 bytes of decoded text; longer ones are dropped whole.
    public var maximumLength: Int
    /// A scan also ends when no key arrives for this long (for scanners set to send no Enter).
    public var interKeyTimeout: Duration

    public init(grabKeystrokes: Bool = true, maximumLength: Int = 4096, interKeyTimeout: Duration = .milliseconds(500)) {
        self.grabKeystrokes = grabKeystrokes
        self.maximumLength = maximumLength
        self.interKeyTimeout = interKeyTimeout
    }

    func validate() throws(ScannerError) {
        guard maximumLength > 0 else { throw .invalidConfiguration("maximumLength must be positive") }
        guard interKeyTimeout > .zero else { throw .invalidConfiguration("interKeyTimeout must be positive") }
    }
}
