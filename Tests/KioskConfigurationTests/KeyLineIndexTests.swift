import Testing
@testable import KioskConfiguration

@Suite("The key → line index")
struct KeyLineIndexTests {
    private func line(_ key: String, in text: String) -> Int? {
        let index = KeyLineIndex(text)
        return index.positions.first { $0.key.description == key }?.value.line
    }

    @Test("Headers, array-of-tables entries and tables nested in them")
    func headers() {
        let text = """
        [a]
        x = 1
        [[a.dev]]
        p = 1
        [[a.dev]]
        p = 2
        [a.dev.sub]
        q = 3
        [ "quoted key" . b ]
        r = 4
        """
        #expect(line("a", in: text) == 1)
        #expect(line("a.x", in: text) == 2)
        #expect(line("a.dev", in: text) == 3)
        #expect(line("a.dev[0].p", in: text) == 4)
        #expect(line("a.dev[1]", in: text) == 5)
        #expect(line("a.dev[1].p", in: text) == 6)
        #expect(line("a.dev[1].sub.q", in: text) == 8)
        #expect(line("quoted key.b.r", in: text) == 10)
    }

    @Test("Dotted keys record their implied tables; strings and comments hide look-alikes")
    func dottedKeysAndDecoys() {
        let text = """
        # fake = 1
        [t]
        a.b . c = 1
        s = \"\"\"
        [not.a.header]
        nope = 2
        \"\"\"
        'lit.eral' = 'x # y = z'
        u = "quote \\" [inside]" # trailing = comment
        v = 5
        """
        #expect(line("fake", in: text) == nil)
        #expect(line("t.a", in: text) == 3)
        #expect(line("t.a.b.c", in: text) == 3)
        #expect(line("not", in: text) == nil && line("t.nope", in: text) == nil)
        #expect(line("t.lit.eral", in: text) == 8)
        #expect(line("t.v", in: text) == 10)
    }

    @Test("Multi-line arrays and inline tables, including tables inside arrays")
    func arraysAndInlineTables() {
        let text = """
        list = [
          1,   # one
          [2, 3],
          { k = "v", w = { deep = true } },
        ]
        after = { x = [], y = {} }
        """
        #expect(line("list[0]", in: text) == 2)
        #expect(line("list[1]", in: text) == 3)
        #expect(line("list[1][1]", in: text) == 3)
        #expect(line("list[2].k", in: text) == 4)
        #expect(line("list[2].w.deep", in: text) == 4)
        #expect(line("after.y", in: text) == 6)
        let index = KeyLineIndex(text)
        #expect(index.positions.first { $0.key.description == "list[2].w" }?.value.column == 14)
    }

    @Test("A missing key falls back to the closest enclosing table")
    func nearest() {
        let index = KeyLineIndex("\n\n[gateway.bhxh]\nusername = \"x\"\n")
        #expect(index.nearestPosition(of: ConfigKey("gateway", "bhxh", "staff-id"))?.line == 3)
        #expect(index.nearestPosition(of: ConfigKey("site", "facility")) == nil)
    }

    @Test("Nesting beyond the limit stops the scan and is reported")
    func tooDeep() {
        let deep = [
            "[" + Array(repeating: "a", count: 40).joined(separator: ".") + "]",
            Array(repeating: "a", count: 40).joined(separator: ".") + " = 1",
            "x = " + String(repeating: "[", count: 40),
            "x = " + String(repeating: "{ a = ", count: 40),
        ]
        for text in deep {
            #expect(KeyLineIndex("ok = 1\n" + text).tooDeep?.line == 2)
        }
        let limit = Array(repeating: "a", count: KeyLineIndex.maximumDepth).joined(separator: ".") + " = 1"
        #expect(KeyLineIndex(limit).tooDeep == nil)
    }
}
