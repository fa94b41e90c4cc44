public import Foundation
public import ScannerInput

extension QRSymbolDecoder {
    /// Loads the image at `url` and returns every QR code in it — at least one.
    ///
    /// Throws ``QRImageError/Kind/noSymbolFound`` when the image is fine but holds no QR code,
    /// so `cccdctl qr decode` can tell "no code" (exit 66) from a bad file.
    public func decode(
        contentsOf url: URL, limits: ImageLimits = .default
    ) throws(QRImageError) -> [QRSymbol] {
        let symbols = try decode(StillImageLoader.load(contentsOf: url, limits: limits))
        guard !symbols.isEmpty else { throw .noSymbolFound() }
        return symbols
    }

    /// Like ``decode(contentsOf:limits:)``, packaged as scanner payloads (transport `.image`)
    /// so an image goes through the same identity pipeline as a hardware scan.
    public func payloads(
        contentsOf url: URL, limits: ImageLimits = .default
    ) throws(QRImageError) -> [ScannedPayload] {
        try decode(contentsOf: url, limits: limits).map { ScannedPayload(bytes: $0.bytes, transport: .image) }
    }
}
