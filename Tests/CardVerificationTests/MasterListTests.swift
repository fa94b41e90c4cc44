import CCCDTestSupport
import CardVerification
import Foundation
import Testing

/// The public German CSCA master list, read in place (never copied into the repository).
@Suite(.enabled(if: PublicData.masterListAvailable, "needs the German master list"))
struct MasterListTests {
    static let vietnam = "CN=CSCA ePassport Vietnam, O=Vietnam Government Information Security Commission, C=VN"

    @Test func germanListVerifiesAndHoldsOneVietnameseCSCA() throws {
        let list = try MasterList(contentsOf: PublicData.masterList)
        #expect(list.certificates.count == 588)
        #expect(list.signer.subject.contains("C=DE"))
        #expect(list.signerIssuer?.subject.contains("C=DE") == true)
        let vietnamese = list.certificates.filter { $0.subject == Self.vietnam }
        #expect(vietnamese.count == 1)
        let csca = try #require(vietnamese.first)
        #expect(csca.publicKey.algorithm == "EC")
        #expect(csca.publicKey.curve == "brainpoolP512r1")
        #expect(csca.isCertificateAuthority)
        let day = Date.ISO8601FormatStyle().year().month().day()
        #expect(csca.notBefore?.formatted(day) == "2022-06-29")
        #expect(csca.notAfter?.formatted(day) == "2037-10-01")
    }

    @Test func listLoadsIntoTheTrustStore() throws {
        let snapshot = try TrustSnapshot.load(TrustSources(masterListFiles: [PublicData.masterList]))
        #expect(snapshot.problems.isEmpty)
        #expect(snapshot.masterLists.first?.certificateCount == 588)
        #expect(snapshot.certificates.contains { $0.certificate.subject == Self.vietnam })
        #expect(snapshot.certificates.allSatisfy { $0.source == .masterList(PublicData.masterList) })
    }

    /// One byte changed inside the signed content: the whole list is refused, no CSCA taken.
    @Test func alteredListIsRefusedWhole() async throws {
        var bytes = [UInt8](try Data(contentsOf: PublicData.masterList))
        bytes[bytes.count / 2] ^= 0x01
        let error = #expect(throws: TrustStoreError.self) { try MasterList(encoded: bytes) }
        #expect(error?.reason == .masterListBadSignature)
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("altered.ml")
            try Data(bytes).write(to: file)
            let snapshot = try TrustSnapshot.load(TrustSources(masterListFiles: [file]))
            #expect(snapshot.certificates.isEmpty)
            #expect(snapshot.problems.map(\.error.reason) == [.masterListBadSignature])
        }
    }
}

/// Master lists made with the `openssl` tool: the content type and structure checks.
@Suite(.enabled(if: OpenSSLCommandLine.isAvailable, "needs the openssl command-line tool"))
struct GeneratedMasterListTests {
    @Test func listSignedByOpenSSLCMSRoundTrips() async throws {
        try await withTemporaryDirectory { directory in
            let first = try await TestChain.make(.ec("brainpoolP256r1"), in: directory, name: "a", subject: "/C=VN/CN=CSCA A")
            let second = try await TestCSCA.create(in: directory, name: "b", subject: "/C=VN/CN=CSCA B", key: .rsa(bits: 2048))
            let certificates = try [first.csca, second].map { try X509Certificate.certificates(in: $0.files.certificatePEM())[0].der }
            let content = masterListContent(certificates)
            let cms = try await signWithOpenSSLCMS(content, signer: first.signer, contentType: MasterList.contentType, in: directory)
            let list = try MasterList(encoded: cms)
            #expect(list.version == 0)
            #expect(list.certificates.map(\.subject) == ["CN=CSCA A, C=VN", "CN=CSCA B, C=VN"])
            #expect(list.signer.subject == "CN=Test Document Signer, O=Test Issuing Authority, C=VN")
            #expect(list.signerIssuer?.subject == "CN=CSCA A, C=VN")

            let wrongType = try await signWithOpenSSLCMS(content, signer: first.signer, in: directory)
            #expect(throws: TrustStoreError(.masterListWrongContent, diagnostic: "eContentType 2.23.136.1.1.1")) {
                try MasterList(encoded: wrongType)
            }
            let notAList = try await signWithOpenSSLCMS([0x30, 0x00], signer: first.signer, contentType: MasterList.contentType, in: directory)
            #expect(throws: TrustStoreError.self) { try MasterList(encoded: notAList) }
            #expect(throws: TrustStoreError.self) { try MasterList(encoded: [0x30, 0x03, 0x02, 0x01, 0x00]) }
        }
    }

    /// Every single-byte change of a master list is either refused with a typed error or (in a
    /// field no signature covers) leaves the same CSCAs: never a crash, never a different list.
    @Test func everySingleByteMutationIsRefusedOrHarmless() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory, name: "a", subject: "/C=VN/CN=CSCA A")
            let der = try X509Certificate.certificates(in: chain.csca.files.certificatePEM())[0].der
            let original = try await signWithOpenSSLCMS(masterListContent([der]), signer: chain.signer,
                                                        contentType: MasterList.contentType, in: directory)
            var changedLists: [Int] = []
            for index in original.indices {
                var mutated = original
                mutated[index] ^= 0x5A
                guard let list = try? MasterList(encoded: mutated) else { continue }
                if list.certificates.map(\.der) != [der] { changedLists.append(index) }
            }
            #expect(changedLists.isEmpty, "mutations that changed the CSCAs: \(changedLists)")
        }
    }

    /// `SEQUENCE { INTEGER 0, SET { certificates } }`, lengths in long form.
    private func masterListContent(_ certificates: [[UInt8]]) -> [UInt8] {
        func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
            let count = value.count
            let length: [UInt8] = count < 0x80 ? [UInt8(count)] : [0x82, UInt8(count >> 8), UInt8(count & 0xFF)]
            return [tag] + length + value
        }
        return tlv(0x30, [0x02, 0x01, 0x00] + tlv(0x31, Array(certificates.joined())))
    }
}
