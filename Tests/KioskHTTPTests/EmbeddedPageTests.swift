import CCCDTestSupport
import Foundation
@testable import KioskHTTP
import Testing

@Suite("the reception page embedded in the daemon")
struct EmbeddedPageTests {
    static let resources = BuiltProducts.repository.appendingPathComponent("Sources/KioskWeb/Resources")

    @Test("the embedded copy is exactly the files in Sources/KioskWeb/Resources (run scripts/embed-web-assets.py after editing)")
    func embeddedCopyIsCurrent() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.resources.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!files.isEmpty, "the page's files are missing")
        #expect(EmbeddedAssets.files.keys.sorted() == files.map { "/" + $0 })
        for name in files {
            let onDisk = try String(contentsOf: Self.resources.appendingPathComponent(name), encoding: .utf8)
            #expect(EmbeddedAssets.files["/" + name]?.text == onDisk, "\(name) differs from its embedded copy")
        }
        #expect(EmbeddedAssets.file(at: "/")?.contentType.hasPrefix("text/html") == true)
    }

    @Test("the page loads nothing from another origin")
    func noExternalAssets() {
        for (path, asset) in EmbeddedAssets.files {
            for pattern in ["src=\"http", "src=\"//", "href=\"http", "href=\"//", "url(http", "url(//", "@import", "fonts.googleapis"] {
                #expect(!asset.text.contains(pattern), "\(path) references \(pattern)")
            }
        }
    }
}
