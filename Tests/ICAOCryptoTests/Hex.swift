import ICAOCrypto

/// Test vectors are written as the standard prints them; a malformed literal is a test bug.
func hex(_ text: String) -> [UInt8] {
    guard let bytes = [UInt8](hexString: text) else {
        preconditionFailure("bad hex literal in a test: \(text)")
    }
    return bytes
}
