public import ICAOCrypto

/// One card session: the transport, the secure-messaging state once access control ran, and
/// everything needed to re-open the chip after secure messaging broke.
///
/// The daemon and the CLI open a card with ``open(with:)`` and read it with
/// ``readDocument(_:progress:)``; lower-level steps (``readFile(_:progress:)``, Chip and Active
/// Authentication) are public for tools and tests. An actor because its state (counter, current
/// file) changes with every APDU and must never be shared between two reads in flight.
public actor ChipSession {
    let transport: MeteredTransport
    let crypto: any ICAOCryptography & PublicKeyCryptography
    let random: any RandomSource
    public let policy: ReadPolicy
    let startedAt = ContinuousClock.now

    /// The secure-messaging session; nil before access control and while a command is in flight
    /// (so a transport failure leaves no half-advanced counter behind to be reused).
    var secureMessaging: (any SecureMessaging)?
    /// EF.CardAccess as read (exact bytes), when the chip has one.
    public internal(set) var cardAccess: [UInt8]?
    /// How the chip was opened, once it was.
    public internal(set) var accessMethod: AccessMethod?
    /// How to open the chip again after a desynchronisation.
    var recipe: AccessRecipe?
    /// Cleared at the first extended READ BINARY the chip refuses.
    var extendedLengthEnabled: Bool
    /// The short Le in use: the policy's, lowered for the session when the chip names a smaller
    /// one (6Cxx) or refuses it (6700).
    var shortChunkLimit: Int
    /// Cleared when a chip refuses a READ BINARY by short EF identifier.
    var shortFileIdentifiersEnabled: Bool
    /// Whether the last READ BINARY used extended length (6988 after one means "not supported").
    var lastReadWasExtended = false
    /// The file SELECTed last, so a re-read after recovery knows to select it again.
    var selectedFile: ChipFile?
    var recoveries = 0
    /// Chip Authentication waiting for its first protected response under the new keys.
    var pendingChipAuthentication: ChipAuthenticationOutcome?
    var chipAuthenticationConfirmed = false
    /// Re-establishments allowed per session before giving up with ``ChipReadFailure/sessionLost``.
    let maximumRecoveries = 2

    /// - Parameters:
    ///   - timeout: the budget for the whole session (readers use 15–50 s); checked before each APDU.
    public init(
        transport: any APDUTransport, policy: ReadPolicy = .shortOnly, timeout: Duration? = .seconds(30),
        crypto: any ICAOCryptography & PublicKeyCryptography = OpenSSLCrypto(),
        random: any RandomSource = SystemRandomSource()
    ) {
        self.transport = MeteredTransport(base: transport, deadline: timeout.map { ContinuousClock.now.advanced(by: $0) })
        self.policy = policy
        self.crypto = crypto
        self.random = random
        self.extendedLengthEnabled = policy.maximumExtendedLength != nil
        self.shortChunkLimit = policy.maximumShortLength
        self.shortFileIdentifiersEnabled = policy.usesShortFileIdentifiers
    }

    /// APDUs and bytes so far, access control included.
    public var statistics: TransferStatistics { transport.statistics }

    /// Time since the session was created.
    public var elapsed: Duration { ContinuousClock.now - startedAt }

    /// The cipher secure messaging currently uses (changes after Chip Authentication).
    public var currentCipher: CipherAlgorithm? { secureMessaging?.cipher }

    /// Sends one command, protected when a secure-messaging session exists.
    ///
    /// A response that fails secure-messaging checks ends the session (``secureMessaging`` stays
    /// nil): the caller re-establishes access instead of guessing where the counters are.
    func send(_ command: CommandAPDU) async throws -> ResponseAPDU {
        guard var session = secureMessaging else {
            return try await transport.transmit(command)
        }
        let protected = try session.protect(command)
        secureMessaging = nil
        let raw = try await transport.transmit(protected)
        let response: ResponseAPDU
        do {
            response = try session.unprotect(raw)
        } catch let error as SecureMessagingError {
            recordChipAuthenticationProof(verified: false)
            throw error
        }
        secureMessaging = session
        // A plain error answer (no data objects) passes unchecked and proves nothing.
        if !raw.data.isEmpty { recordChipAuthenticationProof(verified: true) }
        return response
    }

    /// Replaces the session keys (Chip Authentication restarts secure messaging).
    func replaceSecureMessaging(_ session: any SecureMessaging) {
        secureMessaging = session
    }
}

/// How the chip was opened, kept so that the same access can be run again.
enum AccessRecipe: Sendable {
    case pace(PACE, PACEAccess)
    case bac(BasicAccessControl, candidateIndex: Int)
}
