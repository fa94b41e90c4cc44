import ArgumentParser

/// `cccdctl card …`: read the chip of a card in a PC/SC reader, and verify what was read.
///
/// `card read --out DIR` writes the files that `card verify --lds DIR` checks.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Read the chip of a CCCD (or any ICAO 9303 document) and verify its files.",
        subcommands: [CardReadCommand.self, CardVerifyCommand.self]
    )
}
