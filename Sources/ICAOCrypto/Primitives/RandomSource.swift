/// Where the terminal's random choices come from.
///
/// Everything the reader picks at random (RND.IFD and K.IFD in BAC, the PACE ephemeral private
/// keys, Active Authentication challenges) is drawn through this protocol, so tests can inject the
/// standard's worked-example values and replay its traces byte for byte. Production uses
/// ``SystemRandomSource``.
public protocol RandomSource: Sendable {
    /// `count` random bytes; throws ``CryptoError`` when no randomness is available.
    func randomBytes(_ count: Int) throws -> [UInt8]
}
