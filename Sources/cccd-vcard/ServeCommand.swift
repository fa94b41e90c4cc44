import ArgumentParser
import Foundation
import VirtualCard
import VirtualChip

/// `cccd-vcard [serve] --profile FILE`: puts the profile's card into vpcd's reader and keeps it
/// there (re-inserting it after a pcscd restart) until SIGINT or SIGTERM, which remove it and exit 0.
///
/// Prints `inserted …` on stdout each time vpcd takes the card, so a script or test knows when a
/// reader sees it; says once on stderr when vpcd does not answer (pcscd not running) and keeps
/// trying. `--remove-after N` pulls the card after N APDUs, as a patient does who walks away.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Insert the profile's card into vpcd's virtual reader until interrupted."
    )

    @Option(help: "The virtual card's profile (JSON; see Samples/vcard/README.md).")
    var profile: String

    @Option(help: "vpcd's port: 35963 for \"Virtual PCD 00 00\", 35964 for \"… 00 01\".")
    var port: UInt16 = VPCDConnection.firstReaderPort

    @Option(help: "Where vpcd listens.")
    var host = "127.0.0.1"

    @Option(name: .customLong("remove-after"), help: "Pull the card out when the reader sends APDU number N+1.")
    var removeAfter: Int?

    func validate() throws {
        if let removeAfter, removeAfter < 0 { throw ValidationError("--remove-after needs a count of 0 or more") }
    }

    func run() async throws {
        let chip: VirtualCCCDChip
        do {
            chip = try VirtualCCCDChip(profilePath: profile)
        } catch {
            ToolOutput.error(VirtualCardToolError.profileProblem(error))
            throw ExitCode(78)
        }
        let stop = StopSignals()
        let pull = RemovalSwitch()
        let engine: any VirtualCardEngine = removeAfter.map { CardPuller(chip: chip, apduLimit: $0, removal: pull) } ?? chip
        let connection = VPCDConnection(engine: engine, host: host, port: port)
        connection.insert()
        var monitor = InsertionMonitor(endpoint: "\(host):\(port)")
        while !stop.received {
            if pull.isRequested, !pull.done {
                connection.remove()
                pull.markDone()
                ToolOutput.line("removed: card pulled after \(removeAfter ?? 0) APDUs")
            }
            if !pull.done { monitor.observe(connection) }
            try? await Task.sleep(for: .milliseconds(10))
        }
        connection.remove()
    }
}
