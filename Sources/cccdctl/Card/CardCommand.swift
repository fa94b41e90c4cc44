import ArgumentParser

/// `cccdctl card …`: the chip of the card in a PC/SC reader.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Read the chip of a CCCD (or any ICAO 9303 document) in a PC/SC reader.",
        subcommands: [CardReadCommand.self]
    )
}
