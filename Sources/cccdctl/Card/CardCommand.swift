import ArgumentParser

/// `cccdctl card …`: work with the files of a card's chip.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Verify the files read from a CCCD chip.",
        subcommands: [CardVerifyCommand.self]
    )
}
