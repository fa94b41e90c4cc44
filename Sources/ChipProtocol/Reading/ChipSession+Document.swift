extension ChipSession {
    /// Opens the card and reads it per `plan`: the one call the daemon and `cccdctl card read`
    /// make for "read this card given its QR" (``ChipCredentials/init(qr:)``).
    public static func read(
        over transport: any APDUTransport, credentials: ChipCredentials, plan: ReadPlan = .standard,
        policy: ReadPolicy = .shortOnly, timeout: Duration? = .seconds(30), progress: ReadProgressHandler? = nil
    ) async throws -> ChipReadResult {
        let session = ChipSession(transport: transport, policy: policy, timeout: timeout)
        try await session.open(with: credentials)
        return try await session.readDocument(plan, progress: progress)
    }

    /// Reads EF.COM, EF.SOD and the planned data groups EF.COM lists, running Chip Authentication
    /// after DG14 (so the following reads confirm the new keys) and Active Authentication last.
    ///
    /// 6982 or 6A82 on a data group skips it with its reason; anything else fails the whole read,
    /// and a failed read returns nothing (no half-read card reaches the verifier).
    public func readDocument(_ plan: ReadPlan = .standard, progress: ReadProgressHandler? = nil) async throws -> ChipReadResult {
        guard let accessMethod else {
            throw ChipReadError(.noUsableAccessKey, diagnostic: "readDocument before open(with:)")
        }
        var files: [ChipFileContents] = cardAccess.map { [ChipFileContents(file: .cardAccess, bytes: $0)] } ?? []
        var skipped: [SkippedFile] = []
        var plannedCount = 2 + plan.dataGroups.count
        let com = try await readFile(.com, fileIndex: 0, fileCount: plannedCount, progress: progress)
        files.append(ChipFileContents(file: .com, bytes: com))
        let tags = try EFCOMTagList.tags(in: com)
        let dataGroups = plan.dataGroupFiles(listedTags: tags)
        plannedCount = 2 + dataGroups.count

        var chipAuthentication: ChipAuthenticationOutcome?
        var options: ChipSecurityOptions?
        for (index, file) in ([ChipFile.sod] + dataGroups).enumerated() {
            let bytes: [UInt8]
            do {
                bytes = try await readFile(file, fileIndex: index + 1, fileCount: plannedCount, progress: progress)
            } catch let error as ChipReadError where error.reason == .accessDenied || error.reason == .fileNotFound {
                skipped.append(SkippedFile(file: file, reason: error.reason == .accessDenied ? .accessDenied : .notFound))
                continue
            }
            files.append(ChipFileContents(file: file, bytes: bytes))
            if file.dataGroupNumber == 14 {
                do {
                    let parsed = try ChipSecurityOptions(dg14: bytes)
                    options = parsed
                    if plan.chipAuthentication { chipAuthentication = try await runChipAuthentication(parsed) }
                } catch let error as ChipReadError where error.reason == .malformedResponse {
                    // Kept as read for the verifier; CA cannot run on a DG14 that does not parse.
                    if plan.chipAuthentication {
                        chipAuthentication = ChipAuthenticationOutcome(status: .unsupported, protocolName: "CA", detail: error.diagnostic)
                    }
                }
            }
        }
        if chipAuthentication?.status == .keysNotConfirmed {
            try await confirmChipAuthentication()
            chipAuthentication = pendingChipAuthentication
        }
        var activeAuthentication: ActiveAuthenticationOutcome?
        if plan.activeAuthentication, let dg15 = files.first(where: { $0.file.dataGroupNumber == 15 })?.bytes {
            do {
                let key = try ActiveAuthentication.subjectPublicKeyInfo(dg15: dg15)
                activeAuthentication = try await activeAuthenticate(subjectPublicKeyInfo: key, ecdsaHash: options?.activeAuthenticationHash)
            } catch let error as ChipReadError where error.reason == .malformedResponse {
                activeAuthentication = ActiveAuthenticationOutcome(status: .unsupported, detail: error.diagnostic)
            }
        }
        return ChipReadResult(
            files: files, skipped: skipped, listedDataGroupTags: tags, accessMethod: self.accessMethod ?? accessMethod,
            chipAuthentication: chipAuthentication, activeAuthentication: activeAuthentication,
            statistics: statistics, elapsed: elapsed
        )
    }

    /// Chip Authentication with DG14's first key; the key id goes to the chip only when DG14
    /// lists several keys. Confirmation is left to the next file read.
    private func runChipAuthentication(_ options: ChipSecurityOptions) async throws -> ChipAuthenticationOutcome? {
        guard let key = options.chipAuthenticationKeys.first else { return nil }
        let chosen = options.chipAuthenticationKeys.count > 1 ? key : ChipAuthenticationKey(subjectPublicKeyInfo: key.subjectPublicKeyInfo)
        return try await chipAuthenticate(key: chosen, info: options.chipAuthenticationInfo(for: key), confirm: false)
    }
}
