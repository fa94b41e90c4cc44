import CCCDTestSupport
import CardVerification
import Foundation
import Testing

/// The trust directory an admin manages, loaded and reloaded with real files.
@Suite(.enabled(if: OpenSSLCommandLine.isAvailable, "needs the openssl command-line tool"))
struct TrustStoreTests {
    @Test func directoryLayoutLoadsEachKindAndListsProblems() async throws {
        try await withTemporaryDirectory { directory in
            let trustDirectory = directory.appendingPathComponent("trust")
            for folder in ["csca", "masterlists", "crl"] {
                try FileManager.default.createDirectory(at: trustDirectory.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let pem = try await TestChain.make(.ec("brainpoolP256r1"), in: directory, name: "pem", subject: "/C=VN/CN=PEM CSCA")
            let der = try await TestCSCA.create(in: directory, name: "der", subject: "/C=VN/CN=DER CSCA", key: .rsa(bits: 2048))
            let csca = trustDirectory.appendingPathComponent("csca")
            try FileManager.default.copyItem(at: pem.csca.files.certificate, to: csca.appendingPathComponent("pem.pem"))
            let derBytes = try X509Certificate.certificates(in: der.files.certificatePEM())[0].der
            try Data(derBytes).write(to: csca.appendingPathComponent("der.der"))
            // A document signer is not a CA: refused, with the reason listed.
            try FileManager.default.copyItem(at: pem.signer.certificate, to: csca.appendingPathComponent("signer.crt"))
            try Data("not a certificate".utf8).write(to: csca.appendingPathComponent("typo.pem"))
            try Data().write(to: csca.appendingPathComponent("notes.txt"))
            try FileManager.default.copyItem(at: try await pem.csca.publishCRL(), to: trustDirectory.appendingPathComponent("crl/pem.crl"))

            let snapshot = try TrustSnapshot.load(TrustSources(directory: trustDirectory))
            #expect(Set(snapshot.certificates.map(\.certificate.subject)) == ["CN=PEM CSCA, C=VN", "CN=DER CSCA, C=VN"])
            #expect(snapshot.revocationLists.map(\.issuer) == ["CN=PEM CSCA, C=VN"])
            #expect(snapshot.revocationLists.first?.issuerTrusted == true)
            let problems = Dictionary(uniqueKeysWithValues: snapshot.problems.map { ($0.file.lastPathComponent, $0.error.reason) })
            #expect(problems == ["signer.crt": .notACertificateAuthority, "typo.pem": .certificateUnparsable])
            #expect(!snapshot.directoryMissing)
            let lds = try await SignedLDS.make(signer: pem.signer, in: directory)
            #expect(verify(lds, trust: snapshot).outcome == .valid)
        }
    }

    /// A CSCA key rollover: signers under the new key verify with the old root plus the link
    /// certificate, and with the link certificate alone (every store entry is an anchor).
    @Test func linkCertificateChainsANewCSCAKey() async throws {
        try await withTemporaryDirectory { directory in
            let old = try await TestCSCA.create(in: directory, name: "old", subject: "/C=VN/CN=Rollover CSCA", key: .ec("brainpoolP256r1"))
            let new = try await TestCSCA.create(in: directory, name: "new", subject: "/C=VN/CN=Rollover CSCA", key: .ec("brainpoolP384r1"))
            let link = try await old.issueLinkCertificate(to: new)
            let signer = try await new.issueDocumentSigner(name: "ds", subject: "/C=VN/CN=New Key Signer", key: .ec("brainpoolP256r1"))
            let lds = try await SignedLDS.make(signer: signer, in: directory)

            let withRoot = try TrustSnapshot.load(TrustSources(cscaFiles: [old.files.certificate, link]))
            let linked = verify(lds, trust: withRoot)
            #expect(linked.outcome == .valid)
            #expect(withRoot.certificates.map(\.certificate.isSelfIssued) == [true, false])
            #expect(verify(lds, trust: try TrustSnapshot.load(TrustSources(cscaFiles: [link]))).outcome == .valid)
            // Only the old root: the signer's key identifier names the new key, so it is unknown.
            #expect(verify(lds, trust: try TrustSnapshot.load(TrustSources(cscaFiles: [old.files.certificate]))).outcome == .validUnchained)
        }
    }

    @Test func missingDirectoryTrustsNothing() throws {
        let snapshot = try TrustSnapshot.load(TrustSources(directory: URL(fileURLWithPath: "/nonexistent/cccdd/trust")))
        #expect(snapshot.directoryMissing)
        #expect(snapshot.certificates.isEmpty && snapshot.problems.isEmpty)
    }

    /// A reload makes a new snapshot; one taken before keeps working unchanged (SIGHUP while a
    /// card is being verified).
    @Test func reloadSwapsInANewSnapshot() async throws {
        try await withTemporaryDirectory { directory in
            let trustDirectory = directory.appendingPathComponent("trust")
            try FileManager.default.createDirectory(at: trustDirectory.appendingPathComponent("csca"), withIntermediateDirectories: true)
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            let lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let store = try TrustStore(sources: TrustSources(directory: trustDirectory))
            let before = store.snapshot
            #expect(verify(lds, trust: before).outcome == .validUnchained)

            try FileManager.default.copyItem(at: chain.csca.files.certificate, to: trustDirectory.appendingPathComponent("csca/vn.pem"))
            let after = try store.reload()
            #expect(store.snapshot === after)
            #expect(verify(lds, trust: after).outcome == .valid)
            #expect(verify(lds, trust: before).outcome == .validUnchained)
            #expect(before.certificates.isEmpty)
        }
    }

    @Test func pemBundleAndDuplicatesLoadOnce() async throws {
        try await withTemporaryDirectory { directory in
            let first = try await TestCSCA.create(in: directory, name: "a", subject: "/C=VN/CN=A", key: .ec("prime256v1"))
            let second = try await TestCSCA.create(in: directory, name: "b", subject: "/C=VN/CN=B", key: .ec("secp384r1"))
            let bundle = directory.appendingPathComponent("bundle.pem")
            try Data(try first.files.certificatePEM() + second.files.certificatePEM()).write(to: bundle)
            let snapshot = try TrustSnapshot.load(TrustSources(cscaFiles: [bundle, first.files.certificate]))
            #expect(snapshot.certificates.map(\.certificate.subject) == ["CN=A, C=VN", "CN=B, C=VN"])
            #expect(snapshot.certificates[1].certificate.publicKey.description == "EC secp384r1")
        }
    }

    /// One snapshot shared by concurrent verifications (the daemon verifies while the kiosk UI
    /// and the CLI ask too): every one completes with the same outcome.
    @Test func concurrentVerificationsShareOneSnapshot() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("brainpoolP256r1"), in: directory)
            let lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let snapshot = try chain.trust()
            let outcomes = await withTaskGroup(of: PassiveAuthenticationOutcome.self) { group in
                for _ in 0..<16 { group.addTask { verify(lds, trust: snapshot).outcome } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes == Array(repeating: .valid, count: 16))
        }
    }
}
