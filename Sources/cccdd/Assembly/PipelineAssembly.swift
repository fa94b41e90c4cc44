import CardVerification
import CCCDIdentity
import ChipProtocol
import Foundation
import KioskConfiguration
import KioskPipeline
import Ledger

/// The parts of the configuration the pipeline runs with; rebuilt on SIGHUP (everything here may
/// change without a restart; devices, HTTP and the ledger's path need one).
enum PipelineAssembly {
    static func settings(_ configuration: DaemonConfiguration, clock: FacilityClock) -> PipelineSettings {
        let chip = configuration.chip
        let plan = ReadPlan(dataGroups: Set(chip.dataGroupsToRead), chipAuthentication: chip.chipAuthentication,
                            activeAuthentication: chip.activeAuthentication)
        return PipelineSettings(
            facility: configuration.site.facility, kiosk: configuration.site.kiosk, joinWindow: configuration.session.joinWindow,
            hold: configuration.session.hold, readPlan: plan, readTimeout: configuration.readers.readTimeout, clock: clock)
    }

    /// The verifier over a trust snapshot loaded now from the configured directory.
    static func verifier(_ section: DaemonConfiguration.Verification, trust: TrustSnapshot) -> CardVerifying {
        let required = Set(section.requiredChecks.compactMap { VerdictRequirement(rawValue: $0.rawValue) })
        let policy = VerificationPolicy(
            passive: PassiveAuthenticationPolicy(unknownIssuer: section.unknownIssuer == .untrusted ? .untrusted : .unchained),
            required: required)
        let verifier = CardVerifier(trust: trust, policy: policy)
        return { read, qr, today in verifier.verify(read, qr: qr, today: today) }
    }

    static func trust(_ section: DaemonConfiguration.Verification) throws(TrustStoreError) -> TrustSnapshot {
        try TrustSnapshot.load(TrustSources(directory: URL(fileURLWithPath: section.trustStore, isDirectory: true)))
    }
}
