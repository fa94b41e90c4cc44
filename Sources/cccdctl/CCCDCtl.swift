import ArgumentParser

@main
struct CCCDCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccdctl",
        abstract: "Operate and audit a cccd-kiosk reception kiosk.",
        subcommands: [
            QRCommand.self, ScannersCommand.self, ReadersCommand.self, CardCommand.self, TrustCommand.self,
            LookupCommand.self, GatewayCommand.self, StatsCommand.self, ExportCommand.self, LedgerCommand.self, StatusCommand.self,
        ]
    )
}
