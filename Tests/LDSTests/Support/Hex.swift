import ICAOCrypto

/// Parses a hex literal (spaces allowed); a typo in a test literal stops the run loudly.
func hex(_ text: String) -> [UInt8] {
    if let bytes = [UInt8](hexString: text.filter { !$0.isWhitespace }) { return bytes }
    preconditionFailure("malformed hex literal: \(text)")
}
