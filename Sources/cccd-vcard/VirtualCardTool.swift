import ArgumentParser

/// `cccd-vcard`: a virtual CCCD in Debian's `vsmartcard-vpcd` reader, so the real pcscd and every
/// PC/SC client (`cccdctl card read`, the daemon) see a card without hardware; plus the signing
/// step that gives a profile its EF.SOD. Test and demo material only: its keys are not secrets.
@main
struct VirtualCardTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccd-vcard",
        abstract: "A virtual CCCD chip for tests and demos, served to pcscd through vsmartcard-vpcd.",
        discussion: """
            Exit statuses: 0 after SIGINT/SIGTERM (the card is removed first), 64 usage, \
            70 openssl could not sign, 73 EF.SOD could not be written, 78 the profile or a file it \
            names is unusable.
            """,
        subcommands: [ServeCommand.self, SignSecurityObjectCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
