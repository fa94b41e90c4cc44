/// Reader models whose APDU limits are known from field reports and vendor documentation, matched
/// on the name pcscd gives them (libccid/libacsccid build it from the USB product string, e.g.
/// "ACS ACR122U PICC Interface 00 00").
///
/// The limits are the documented ones [?]; an entry can be wrong for an unusual firmware, which is
/// why the chip layer keeps its extended → short fallback.
public struct KnownReaderModel: Sendable, Hashable {
    /// Substring of the PC/SC reader name that identifies the model.
    public let namePattern: String
    public let capabilities: ReaderCapabilities

    public static let all: [KnownReaderModel] = [
        // ACR122U (PN532 based): short APDUs only, commands over 261 bytes rejected (spec §6.5).
        shortOnly("ACR122"),
        // ACR1281U needs libacsccid1; no extended-length claim from the vendor [?].
        shortOnly("ACR1281"),
        extended("ACR1252"),
        extended("OMNIKEY 5022"),
        extended("OMNIKEY 5422"),
        extended("OMNIKEY 5427"),
        extended("R502"),
        // vsmartcard's vpcd passes APDUs through unchanged, but its framing has a 2-byte length:
        // nothing over 65535 bytes either way.
        KnownReaderModel(
            namePattern: "Virtual PCD",
            capabilities: ReaderCapabilities(
                supportsExtendedLength: true, maxCommandLength: 65535, maxResponseLength: 65535,
                basis: .knownModel("Virtual PCD")
            )
        ),
    ]

    /// The first model whose pattern occurs in `readerName` (case-insensitive).
    public static func matching(_ readerName: String) -> KnownReaderModel? {
        let name = readerName.lowercased()
        return all.first { name.contains($0.namePattern.lowercased()) }
    }

    private static func shortOnly(_ pattern: String) -> KnownReaderModel {
        var capabilities = ReaderCapabilities.shortOnly
        capabilities.basis = .knownModel(pattern)
        return KnownReaderModel(namePattern: pattern, capabilities: capabilities)
    }

    private static func extended(_ pattern: String) -> KnownReaderModel {
        var capabilities = ReaderCapabilities.extended
        capabilities.basis = .knownModel(pattern)
        return KnownReaderModel(namePattern: pattern, capabilities: capabilities)
    }
}
