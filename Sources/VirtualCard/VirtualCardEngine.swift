/// The card side of a virtual smart card: what a chip does when powered and sent APDUs.
///
/// The same engine runs behind ``VPCDConnection`` (so pcscd sees a real reader with a card in it)
/// and in-process for fast tests. Calls arrive from one connection thread at a time; engines keep
/// their state behind a lock to be `Sendable`.
public protocol VirtualCardEngine: Sendable {
    /// The ATR announced when pcscd asks (vpcd control code 4).
    var atr: [UInt8] { get }
    /// The field came on or the reader powered the card.
    func powerOn()
    /// The field went off; session state (selected files, keys) is lost.
    func powerOff()
    /// Warm reset: like powerOff then powerOn.
    func reset()
    /// Answers one command APDU with response data plus SW1 SW2 (at least two bytes).
    func respond(to apdu: [UInt8]) -> [UInt8]
}
