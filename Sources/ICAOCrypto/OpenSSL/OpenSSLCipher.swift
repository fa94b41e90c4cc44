internal import COpenSSL

extension OpenSSLCrypto {
    public func encrypt(_ cipher: CipherAlgorithm, _ mode: CipherMode, key: [UInt8], _ data: [UInt8]) throws -> [UInt8] {
        try transform(cipher, mode, key: key, data, encrypting: true)
    }

    public func decrypt(_ cipher: CipherAlgorithm, _ mode: CipherMode, key: [UInt8], _ data: [UInt8]) throws -> [UInt8] {
        try transform(cipher, mode, key: key, data, encrypting: false)
    }

    /// Checks lengths, maps the ICAO cipher onto an OpenSSL one and runs it without padding.
    private func transform(
        _ cipher: CipherAlgorithm, _ mode: CipherMode, key: [UInt8], _ data: [UInt8], encrypting: Bool
    ) throws -> [UInt8] {
        guard key.count == cipher.keyLength else {
            throw CryptoError(.invalidKeyLength, diagnostic: "\(key.count) bytes for \(cipher)")
        }
        guard data.count % cipher.blockSize == 0 else {
            throw CryptoError(.invalidDataLength, diagnostic: "\(data.count) bytes")
        }
        let iv: [UInt8]?
        switch mode {
        case .cbc(let vector):
            guard vector.count == cipher.blockSize else {
                throw CryptoError(.invalidIV, diagnostic: "\(vector.count) bytes")
            }
            iv = vector
        case .ecb:
            iv = nil
        }
        let modeName = iv == nil ? "ECB" : "CBC"
        switch cipher {
        case .tripleDES:
            // Two-key 3DES is three-key 3DES with K3 = K1.
            return try Self.runCipher("DES-EDE3-\(modeName)", key: key + key.prefix(8), iv: iv, data, encrypting: encrypting)
        case .aes128, .aes192, .aes256:
            return try Self.runCipher("AES-\(key.count * 8)-\(modeName)", key: key, iv: iv, data, encrypting: encrypting)
        }
    }

    /// One EVP cipher pass over whole blocks with padding disabled.
    static func runCipher(
        _ name: String, key: [UInt8], iv: [UInt8]?, _ data: [UInt8], encrypting: Bool
    ) throws -> [UInt8] {
        let implementation = try CipherImplementation(name: name)
        let context = try CipherContext()
        var output = [UInt8](repeating: 0, count: data.count + 32)
        var updateLength: Int32 = 0
        var finalLength: Int32 = 0
        try withExtendedLifetime((implementation, context)) {
            guard EVP_CipherInit_ex2(context.handle, implementation.handle, key, iv, encrypting ? 1 : 0, nil) == 1 else {
                throw OpenSSLError.capture("EVP_CipherInit_ex2")
            }
            guard EVP_CIPHER_CTX_set_padding(context.handle, 0) == 1 else {
                throw OpenSSLError.capture("EVP_CIPHER_CTX_set_padding")
            }
            let succeeded = output.withUnsafeMutableBufferPointer { buffer -> Bool in
                guard let base = buffer.baseAddress,
                      EVP_CipherUpdate(context.handle, base, &updateLength, data, Int32(data.count)) == 1
                else { return false }
                return EVP_CipherFinal_ex(context.handle, base + Int(updateLength), &finalLength) == 1
            }
            guard succeeded else { throw OpenSSLError.capture("EVP_CipherUpdate/Final") }
        }
        return Array(output.prefix(Int(updateLength + finalLength)))
    }
}
