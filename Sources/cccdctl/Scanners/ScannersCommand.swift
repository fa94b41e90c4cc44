import ArgumentParser

struct ScannersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scanners",
        abstract: "List attached QR scanners, their mode, and whether they are usable.",
        subcommands: [ListScannersCommand.self, WatchScannerCommand.self],
        defaultSubcommand: ListScannersCommand.self
    )
}
