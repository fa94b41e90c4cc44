import CCCDIdentity

extension ChipSession {
    /// Opens the chip and selects the eMRTD application.
    ///
    /// Order (cccd.md §3.2): EF.CardAccess in the clear; PACE with the CAN (or with the MRZ for
    /// `--mrz`); when the chip or this reader cannot do PACE (no EF.CardAccess, unsupported
    /// parameters, MSE:Set AT refused with 6A87/6982, 6982 during GENERAL AUTHENTICATE) BAC with
    /// each MRZ key in order, two round trips per key. A wrong CAN is reported, not retried with
    /// BAC: a CAN from the QR that this chip rejects means the QR is another card's.
    @discardableResult
    public func open(with credentials: ChipCredentials) async throws -> AccessMethod {
        let password = credentials.pacePassword
        if let password, let info = try await supportedPACEInfo() {
            do {
                return try await openWithPACE(info: info, password: password)
            } catch let error as PACEError {
                guard Self.warrantsBACFallback(error), !credentials.mrzKeys.isEmpty else {
                    throw Self.accessError(for: error, password: password)
                }
            }
        }
        guard !credentials.mrzKeys.isEmpty else {
            throw ChipReadError(.noUsableAccessKey, diagnostic: password == nil ? "no CAN or MRZ given" : "chip offers no usable PACE and no MRZ was given")
        }
        return try await openWithBAC(keys: credentials.mrzKeys)
    }

    /// EF.CardAccess parsed, with the first PACEInfo this reader can run; nil when the file is
    /// missing (6A82), unreadable or lists nothing usable — all of which mean "try BAC".
    func supportedPACEInfo() async throws -> PACEInfo? {
        guard let bytes = try await readCardAccess(), let infos = try? SecurityInfos(berEncoded: bytes) else { return nil }
        cardAccess = bytes
        // PACE's initializer checks the variant without touching the password or the chip.
        return infos.paceInfos.first { info in
            info.version == 2 && (try? PACE(info: info, password: .can("0"), crypto: crypto, random: random)) != nil
        }
    }

    /// Reads EF.CardAccess by short identifier, else selects it directly by FID (SELECT MF answers
    /// 6D00 on CCCDs). Only if both fail is MF selected (tolerating 6D00) and the file tried once more.
    func readCardAccess() async throws -> [UInt8]? {
        do {
            return try await readFile(.cardAccess)
        } catch let error as ChipReadError where error.reason == .fileNotFound {
            let master = try await send(EMRTDCommands.selectMasterFile)
            guard master.status.isSuccess else { return nil }
            do {
                return try await readFile(.cardAccess)
            } catch let error as ChipReadError where [.fileNotFound, .accessDenied, .chipRejected].contains(error.reason) {
                return nil
            }
        } catch let error as ChipReadError where [.accessDenied, .chipRejected, .malformedResponse].contains(error.reason) {
            return nil
        }
    }

    private func openWithPACE(info: PACEInfo, password: PACEPassword) async throws -> AccessMethod {
        let pace = try PACE(info: info, password: password, crypto: crypto, random: random)
        let access = PACEAccess(info: info, password: password)
        secureMessaging = try await pace.establish(over: transport).secureMessaging
        selectedFile = nil
        try await selectApplication()
        recipe = .pace(pace, access)
        accessMethod = .pace(access)
        return .pace(access)
    }

    /// BAC with each key in order. Between keys only GET CHALLENGE and MUTUAL AUTHENTICATE are
    /// sent; the application is selected again only when the chip refuses GET CHALLENGE (some chips
    /// leave the application after a failed MUTUAL AUTHENTICATE).
    private func openWithBAC(keys: [BACKeyMaterial]) async throws -> AccessMethod {
        secureMessaging = nil
        selectedFile = nil
        try await selectApplication()
        for (index, key) in keys.enumerated() {
            let bac = try BasicAccessControl(keyMaterial: key, crypto: crypto, random: random)
            do {
                secureMessaging = try await establishBAC(bac)
                recipe = .bac(bac, candidateIndex: index)
                accessMethod = .bac(candidateIndex: index)
                return .bac(candidateIndex: index)
            } catch let error as BACError where error.reason == .accessDenied {
                continue
            }
        }
        throw ChipReadError(.wrongMRZ, diagnostic: "\(keys.count) MRZ key(s) refused")
    }

    /// One BAC attempt; a refused GET CHALLENGE (the chip left the application) gets one retry
    /// after selecting it again.
    private func establishBAC(_ bac: BasicAccessControl) async throws -> any SecureMessaging {
        do {
            return try await bac.establish(over: transport)
        } catch let error as BACError where error.reason == .chipRejected {
            try await selectApplication()
            return try await bac.establish(over: transport)
        }
    }

    /// SELECT of the eMRTD application (protected after PACE, plain before BAC).
    func selectApplication() async throws {
        let response = try await send(EMRTDCommands.selectApplication)
        guard response.status.isSuccess else {
            throw ChipReadError(response.status == .fileNotFound ? .notAnEMRTD : .chipRejected, diagnostic: "SELECT eMRTD application: \(response.status)")
        }
    }

    /// Opens the chip again the way it was opened, after secure messaging broke (MAC failure,
    /// 6987/6988). The card is reset first when the transport can do it.
    func recoverSession() async throws {
        guard let recipe, recoveries < maximumRecoveries else {
            throw ChipReadError(.sessionLost, diagnostic: "\(recoveries) re-establishment(s) already")
        }
        recoveries += 1
        secureMessaging = nil
        selectedFile = nil
        if try await transport.resetCardIfSupported() {
            try await reopen(recipe)
            return
        }
        // Without a reset the chip may still be in its session: the first plain command ends it
        // unexecuted (ISO/IEC 7816-4 secure messaging; chips answer 6988), so a refused first
        // attempt gets one more.
        do {
            try await reopen(recipe)
        } catch is PACEError {
            try await reopen(recipe)
        } catch let error as ChipReadError where error.reason == .chipRejected {
            try await reopen(recipe)
        }
    }

    private func reopen(_ recipe: AccessRecipe) async throws {
        secureMessaging = nil
        switch recipe {
        case .pace(let pace, _):
            secureMessaging = try await pace.establish(over: transport).secureMessaging
            try await selectApplication()
        case .bac(let bac, _):
            try await selectApplication()
            secureMessaging = try await establishBAC(bac)
        }
    }

    /// PACE failures after which BAC is worth a try: the chip or this reader cannot run PACE
    /// (including a chip refusing GENERAL AUTHENTICATE with 6982 or another non-63xx status), as
    /// opposed to a wrong or blocked password, or a chip whose answers do not verify.
    static func warrantsBACFallback(_ error: PACEError) -> Bool {
        error.reason.isFallbackToBAC || error.reason == .chipRejected
    }

    static func accessError(for error: PACEError, password: PACEPassword) -> any Error {
        switch error.reason {
        case .wrongPassword:
            if case .can = password { return ChipReadError(.wrongCardAccessNumber, diagnostic: error.diagnostic) }
            return ChipReadError(.wrongMRZ, diagnostic: error.diagnostic)
        case .passwordBlocked:
            return ChipReadError(.passwordBlocked, diagnostic: error.diagnostic)
        default:
            return error
        }
    }
}
