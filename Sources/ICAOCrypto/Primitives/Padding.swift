/// ISO/IEC 9797-1 padding method 2: append 0x80, then zeros up to the block boundary.
///
/// ICAO pads *always*, even when the data is already aligned, so that "no data" and "a whole block"
/// stay distinguishable. Unpadding is strict: anything but `80 00…` at the end of the last block is
/// rejected, because a lenient unpad turns a wrong key or a tampered cryptogram into garbage that
/// looks like data.
public enum Padding {
    public static func pad(_ data: [UInt8], blockSize: Int) -> [UInt8] {
        var padded = data
        padded.append(0x80)
        while padded.count % blockSize != 0 {
            padded.append(0x00)
        }
        return padded
    }

    public static func unpad(_ data: [UInt8], blockSize: Int) throws -> [UInt8] {
        guard !data.isEmpty, data.count % blockSize == 0 else {
            throw CryptoError(.invalidPadding, diagnostic: "length \(data.count) is not a positive multiple of \(blockSize)")
        }
        var index = data.count - 1
        let lastBlockStart = data.count - blockSize
        while index >= lastBlockStart, data[index] == 0x00 {
            index -= 1
        }
        guard index >= lastBlockStart, data[index] == 0x80 else {
            throw CryptoError(.invalidPadding, diagnostic: "no 0x80 marker in the last block")
        }
        return Array(data[..<index])
    }
}
