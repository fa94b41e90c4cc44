public import CCCDIdentity

extension ScannedPayload {
    /// The QR this scan carries — refused when the transport says it mangled the text.
    ///
    /// A keyboard wedge marks scans whose keystrokes were lost, repeated or not understood. Such
    /// text can still parse (a BHYT card code with a doubled digit is a well-formed code of
    /// someone else's card), so it is never used. The parser is still asked first: when it sees
    /// the damage itself (`\` separators, missing diacritics) its symptom is the more precise
    /// advice for the admin.
    public func parsedQR() throws(QRPayloadError) -> ScannedQR {
        guard case .mangled = fidelity else { return try ScannedQR.parse(bytes: bytes) }
        do {
            _ = try ScannedQR.parse(bytes: bytes)
        } catch where error.kind == .keyboardWedgeMangled {
            throw error
        } catch {}
        throw QRPayloadError.keyboardWedge(.keystrokesLost)
    }
}
