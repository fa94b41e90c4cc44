internal import COpenSSL

extension OpenSSLCrypto {
    /// ISO/IEC 9797-1 MAC algorithm 3 with DES, IV 0, without single DES.
    ///
    /// CBC-DES with K1 over all blocks but the last is DES-EDE3-CBC keyed K1‖K1‖K1. The last step,
    /// E_K1(D_K2(E_K1(H ⊕ last))), is exactly one block of two-key 3DES-CBC (K1‖K2‖K1) chained
    /// from H, so the whole MAC needs only the default provider's DES-EDE3.
    public func retailMAC(key: [UInt8], _ paddedMessage: [UInt8]) throws -> [UInt8] {
        guard key.count == 16 else {
            throw CryptoError(.invalidKeyLength, diagnostic: "\(key.count) bytes for the retail MAC")
        }
        guard !paddedMessage.isEmpty, paddedMessage.count % 8 == 0 else {
            throw CryptoError(.invalidDataLength, diagnostic: "\(paddedMessage.count) bytes")
        }
        let k1 = Array(key.prefix(8))
        let k2 = Array(key.suffix(8))
        var chain = [UInt8](repeating: 0, count: 8)
        let head = Array(paddedMessage.dropLast(8))
        if !head.isEmpty {
            let encrypted = try Self.runCipher("DES-EDE3-CBC", key: k1 + k1 + k1, iv: chain, head, encrypting: true)
            chain = Array(encrypted.suffix(8))
        }
        return try Self.runCipher(
            "DES-EDE3-CBC", key: k1 + k2 + k1, iv: chain, Array(paddedMessage.suffix(8)), encrypting: true
        )
    }

    public func cmac(key: [UInt8], _ message: [UInt8]) throws -> [UInt8] {
        guard [16, 24, 32].contains(key.count) else {
            throw CryptoError(.invalidKeyLength, diagnostic: "\(key.count) bytes for AES-CMAC")
        }
        let context = try MACContext(try MACImplementation(name: "CMAC"))
        var tag = [UInt8](repeating: 0, count: 16)
        try withExtendedLifetime(context) {
            guard cccd_cmac_init(context.handle, key, key.count, "AES-\(key.count * 8)-CBC") == 1 else {
                throw OpenSSLError.capture("EVP_MAC_init")
            }
            guard EVP_MAC_update(context.handle, message, message.count) == 1 else {
                throw OpenSSLError.capture("EVP_MAC_update")
            }
            var length = 0
            guard EVP_MAC_final(context.handle, &tag, &length, tag.count) == 1, length == 16 else {
                throw OpenSSLError.capture("EVP_MAC_final")
            }
        }
        return tag
    }
}
