import ArgumentParser

struct QRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Parse and decode CCCD and BHYT QR codes.",
        subcommands: [QRParseCommand.self]
    )
}
