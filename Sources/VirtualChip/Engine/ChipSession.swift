import ChipProtocol

/// What the chip remembers between APDUs of one power-on; a reset or power-off forgets it all.
struct ChipSession: Sendable {
    var applicationSelected = false
    var currentFile: ElementaryFile?
    /// Present once BAC or PACE (and possibly CA) succeeded: the access rights live as long as it.
    var secureMessaging: CardSecureMessaging?
    /// Keys that replace ``secureMessaging`` once the current response is sent: BAC, PACE and
    /// Chip Authentication answer under the keys (if any) their command came with, then switch.
    var nextSecureMessaging: CardSecureMessaging?
    /// RND.IC of the last GET CHALLENGE, which MUTUAL AUTHENTICATE must echo.
    var challenge: [UInt8]?
    var pace: PACEChipSession?
    /// MSE:Set AT selected Chip Authentication; GENERAL AUTHENTICATE runs it next.
    var chipAuthenticationSelected = false

    var hasAccess: Bool { secureMessaging != nil }

    /// A protocol succeeded: its keys take over after this response.
    mutating func establish(_ session: any SecureMessaging) {
        nextSecureMessaging = CardSecureMessaging(session)
    }

    /// Called once the response is on its way.
    mutating func commitPendingKeys() {
        if let next = nextSecureMessaging {
            secureMessaging = next
            nextSecureMessaging = nil
        }
    }

    /// Ends secure messaging and the access rights it carried (Doc 9303-11 §9.8: a chip aborts
    /// SM on an SM error or on a plain APDU).
    mutating func dropAccess() {
        secureMessaging = nil
        nextSecureMessaging = nil
        chipAuthenticationSelected = false
    }
}
